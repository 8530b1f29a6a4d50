package org.ipoutlet.annualreport.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ipoutlet.annualreport.AnnualReports.Aggregate;
import org.ipoutlet.annualreport.AnnualReports.Figure;
import org.ipoutlet.annualreport.AnnualReports.NationalOverview;
import org.ipoutlet.annualreport.AnnualReports.OutletLine;
import org.ipoutlet.annualreport.AnnualReports.Overview;
import org.ipoutlet.annualreport.AnnualReports.ProvinceOverview;
import org.ipoutlet.identity.Recommenders;

/**
 * CNIPA's national overview of a report year as JSON and CSV (README, "The national overview"): per
 * provincial office its aggregate's state and the figures submitted / compliant / non-compliant /
 * pending review / missing, each with the outlets behind it.
 */
record NationalOverviewView(int reportYear, int summaryYear, Totals totals, List<Province> provinces) {

	record Totals(int provinces, int aggregatesSubmitted, int aggregatesAcknowledged, long outlets, long submitted,
			long compliant, long nonCompliant, long pendingReview, long missing) {
	}

	record Province(String officeId, String officeName, String aggregateState, String aggregateStateLabel,
			String submittedBy, Instant submittedAt, String remarks, String acknowledgedBy, Instant acknowledgedAt,
			String acknowledgeRemarks, long outletCount, Figures figures) {
	}

	/** Submitted = compliant + nonCompliant + pendingReview. */
	record Figures(FigureView submitted, FigureView compliant, FigureView nonCompliant, FigureView pendingReview,
			FigureView missing) {
	}

	record FigureView(long count, List<OutletRef> outlets) {
	}

	record OutletRef(String filingNo, String orgName, String recommenderId, String recommenderName, String province,
			String provinceName, String summaryStatus, String summaryStatusLabel) {
	}

	static NationalOverviewView of(NationalOverview national, Recommenders recommenders) {
		List<Province> provinces = new ArrayList<>();
		long outlets = 0, submitted = 0, compliant = 0, nonCompliant = 0, pending = 0, missing = 0;
		int sent = 0, acknowledged = 0;
		for (ProvinceOverview p : national.provinces()) {
			Overview o = p.overview();
			Aggregate a = p.aggregate().orElse(null);
			Figures figures = new Figures(figure(o, recommenders, Figure.COMPLIANT, Figure.NON_COMPLIANT,
					Figure.PENDING_REVIEW), figure(o, recommenders, Figure.COMPLIANT),
					figure(o, recommenders, Figure.NON_COMPLIANT), figure(o, recommenders, Figure.PENDING_REVIEW),
					figure(o, recommenders, Figure.MISSING));
			provinces.add(new Province(p.officeId(), p.officeName(), p.state().name(), p.state().label(),
					a == null ? null : a.submittedBy(), a == null ? null : a.submittedAt(),
					a == null ? null : a.remarks(), a == null ? null : a.acknowledgedBy(),
					a == null ? null : a.acknowledgedAt(), a == null ? null : a.acknowledgeRemarks(),
					o.outlets().size(), figures));
			outlets += o.outlets().size();
			submitted += figures.submitted().count();
			compliant += figures.compliant().count();
			nonCompliant += figures.nonCompliant().count();
			pending += figures.pendingReview().count();
			missing += figures.missing().count();
			if (a != null) {
				sent++;
				if (a.acknowledgedAt() != null) {
					acknowledged++;
				}
			}
		}
		return new NationalOverviewView(national.reportYear(), national.summaryYear(),
				new Totals(provinces.size(), sent, acknowledged, outlets, submitted, compliant, nonCompliant, pending,
						missing),
				provinces);
	}

	private static FigureView figure(Overview o, Recommenders recommenders, Figure... figures) {
		List<OutletRef> refs = new ArrayList<>();
		for (OutletLine line : o.outlets()) {
			if (List.of(figures).contains(line.figure())) {
				refs.add(ref(line, recommenders));
			}
		}
		return new FigureView(refs.size(), refs);
	}

	private static OutletRef ref(OutletLine line, Recommenders recommenders) {
		Map<String, String> provinces = recommenders.provinces();
		return new OutletRef(line.filingNo(), line.orgName(), line.recommenderId(),
				recommenders.find(line.recommenderId()).map(Recommenders.Recommender::name).orElse(line.recommenderId()),
				line.province(), provinces.getOrDefault(line.province(), line.province()),
				line.status() == null ? null : line.status().name(), line.label());
	}

}
