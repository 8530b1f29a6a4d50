package org.ipoutlet.lifecycle;

import java.time.LocalDate;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.RegulationDates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ipoutlet.annualreport.AnnualSummaries;

/**
 * The annual summary steps of {@code outlet-lifecycle} (Art. 17), each a thin delegate that records
 * the summary's state in {@link AnnualSummaries} so the recommender's annual report can list it.
 */
@Configuration(proxyBeanMethods = false)
class AnnualSummaryDelegates {

	/** The outlet submitted its summary of {@code summaryYear}. */
	@Bean
	JavaDelegate recordAnnualSummary(AnnualSummaries summaries, BusinessClock clock) {
		return execution -> summaries.submitted(filingNo(execution), year(execution), recommender(execution),
				(String) execution.getVariable(ANNUAL_SUMMARY), (String) execution.getVariable(OUTLET_USER),
				clock.now());
	}

	/** The recommender reviewed it; a non-compliant summary gives the reason for rectification. */
	@Bean
	JavaDelegate recordSummaryReview(AnnualSummaries summaries, BusinessClock clock) {
		return execution -> {
			boolean compliant = (Boolean) execution.getVariable(SUMMARY_COMPLIANT);
			String opinion = (String) execution.getVariable(REVIEW_OPINION);
			summaries.reviewed(filingNo(execution), year(execution), compliant, opinion, clock.now());
			if (!compliant) {
				execution.setVariable(RECTIFICATION_REASON,
						year(execution) + "年度工作总结经推荐部门审核不符合要求：" + opinion);
			}
		};
	}

	/** 31 January passed without a summary: recorded as missing, and the reason for rectification. */
	@Bean
	JavaDelegate recordMissingSummary(AnnualSummaries summaries, RegulationDates dates, BusinessClock clock) {
		return execution -> {
			// Reached only by the deadline's timer: refused before the deadline has passed (a skipped path).
			LocalDate due = dates.summaryDueOn(year(execution));
			if (!clock.today().isAfter(due)) {
				throw new IllegalStateException("The " + year(execution) + " summary of " + filingNo(execution)
						+ " is due on " + due + ": it cannot be missing on " + clock.today());
			}
			summaries.missing(filingNo(execution), year(execution), recommender(execution));
			execution.setVariable(RECTIFICATION_REASON, "未于次年1月31日前报送" + year(execution) + "年度工作总结");
		};
	}

	/** Moves on to the next year's summary. */
	@Bean
	JavaDelegate nextSummaryYear(RegulationDates dates) {
		return execution -> {
			setSummaryYear(execution, year(execution) + 1, dates);
			execution.removeVariable(ANNUAL_SUMMARY);
			execution.removeVariable(REVIEW_OPINION);
		};
	}

	/**
	 * The summary year {@code year} with its dates: due on 31 January of the next year, opened by the
	 * timer at 1 January and closed by the one at the end of the due day (Art. 17).
	 */
	static void setSummaryYear(DelegateExecution execution, int year, RegulationDates dates) {
		LocalDate due = dates.summaryDueOn(year);
		execution.setVariable(SUMMARY_YEAR, year);
		execution.setVariable(SUMMARY_DUE, due.toString());
		execution.setVariable(SUMMARY_OPENS_AT, dates.timerAt(dates.summaryOpensOn(year)));
		execution.setVariable(SUMMARY_DEADLINE_AT, dates.timerAfter(due));
	}

	private static String filingNo(DelegateExecution execution) {
		return (String) execution.getVariable(FILING_NO);
	}

	private static String recommender(DelegateExecution execution) {
		return (String) execution.getVariable(RECOMMENDER_ID);
	}

	private static int year(DelegateExecution execution) {
		return ((Number) execution.getVariable(SUMMARY_YEAR)).intValue();
	}

}
