package org.ipoutlet.register.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ipoutlet.institution.Labels;
import org.ipoutlet.register.Outlet;
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
		String status, String statusLabel, LocalDate validFrom, LocalDate validUntil) {

	static OutletView of(Outlet outlet, Map<String, String> provinces) {
		OutletDetails d = outlet.details();
		return new OutletView(outlet.filingNo(), d.orgName(), d.orgCategory(), Labels.orgCategory(d.orgCategory()),
				d.province(), provinces.getOrDefault(d.province(), d.province()), d.address(), d.platformName(),
				d.platformUrl(), d.phone(), d.email(), d.serviceTargets(),
				d.serviceItems().stream().map(c -> new Coded(c, Labels.serviceItem(c))).toList(),
				d.ipCategories().stream().map(c -> new Coded(c, Labels.ipCategory(c))).toList(),
				outlet.status().name(), outlet.status().label(), outlet.validFrom(), outlet.validUntil());
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
