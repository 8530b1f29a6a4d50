package org.ipoutlet.register.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.ipoutlet.institution.Labels;
import org.ipoutlet.register.FilingRecordQuery;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletChanges;
import org.ipoutlet.register.Outlet.OutletDetails;

/**
 * What the public register shows of an outlet (Art. 8: basic information and the service item
 * list). Personal data stays out: the names of the head and of the contact person are not needed
 * by the public, so only the institution's contact phone and e-mail are published; so are the
 * USCC, the handling user and internal status reasons.
 */
public record OutletView(String filingNo, String orgName, String orgCategory, String orgCategoryLabel,
		String province, String provinceName, String address, String platformName, String platformUrl,
		String phone, String email, String serviceTargets, List<Coded> serviceItems, List<Coded> ipCategories,
		String status, String statusLabel, LocalDate validFrom, LocalDate validUntil,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Section> filingRecord,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Change> changeHistory) {

	/** The reported items (Art. 10) whose history the public sees: not the names of the head and the contact. */
	static final java.util.Set<String> PUBLIC_HISTORY = java.util.Set.of("orgName", "address", "province", "phone", "email",
			"serviceItems");

	static OutletView of(Outlet outlet, Map<String, String> provinces) {
		return of(outlet, provinces, null, null);
	}

	static OutletView of(Outlet outlet, Map<String, String> provinces, List<FilingRecordQuery.SignedSection> record) {
		return of(outlet, provinces, record, null);
	}

	/**
	 * With the record of its filing (sections 六–八 of the 备案表: decision, opinion and date; the people who
	 * signed stay out, as above).
	 */
	static OutletView of(Outlet outlet, Map<String, String> provinces, List<FilingRecordQuery.SignedSection> record,
			List<OutletChanges.Change> changes) {
		OutletDetails d = outlet.details();
		return new OutletView(outlet.filingNo(), d.orgName(), d.orgCategory(), Labels.orgCategory(d.orgCategory()),
				d.province(), provinces.getOrDefault(d.province(), d.province()), d.address(), d.platformName(),
				d.platformUrl(), d.phone(), d.email(), d.serviceTargets(),
				d.serviceItems().stream().map(c -> new Coded(c, Labels.serviceItem(c))).toList(),
				d.ipCategories().stream().map(c -> new Coded(c, Labels.ipCategory(c))).toList(),
				outlet.status().name(), outlet.statusLabel(), outlet.validFrom(), outlet.validUntil(),
				record == null ? null : record.stream().map(Section::of).toList(),
				changes == null ? null
						: changes.stream().filter(c -> PUBLIC_HISTORY.contains(c.field())).map(Change::of).toList());
	}

	/** Art. 10: one earlier value of a reported item, the value that replaced it and the change date. */
	public record Change(String field, String oldValue, String newValue, LocalDate changedOn) {

		static Change of(OutletChanges.Change c) {
			return new Change(c.field(), c.oldValue(), c.newValue(), c.changedOn());
		}

	}

	/** One signed section of the 备案表 as the register publishes it. */
	public record Section(String section, String sectionLabel, String decision, String decisionLabel, String opinion,
			LocalDate decidedOn) {

		static Section of(FilingRecordQuery.SignedSection s) {
			return new Section(s.section(), Labels.section(s.section()), s.decision(), Labels.decision(s.decision()),
					s.opinion(), s.decidedOn());
		}

	}

	/**
	 * The platform address if it is safe to link to (http or https); anything else, such as a
	 * {@code javascript:} URL, is shown as text only.
	 */
	public String platformLink() {
		if (platformUrl == null) {
			return null;
		}
		String url = platformUrl.strip().toLowerCase();
		return url.startsWith("https://") || url.startsWith("http://") ? platformUrl.strip() : null;
	}

	/** A code (README, "Reference") with its Chinese label. */
	public record Coded(String code, String label) {
	}

}
