package org.ipoutlet.annualreport;

import java.util.Optional;

import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.identity.Recommenders.Recommender;
import org.ipoutlet.register.Outlet;
import org.springframework.stereotype.Component;

/**
 * Which provincial office an outlet belongs to (Art. 4, 15, 17): the office of the province where
 * it sits as the register holds it now, whoever recommended it; an outlet that XPCC's office
 * recommended in Xinjiang stays XPCC's (README, "annual-report"). An office is a recommender of
 * type PROVINCIAL, its group {@code recommender-<id>}.
 */
@Component
public class Territories {

	/** XPCC's office recommends institutions in Xinjiang (Art. 4; the filing's jurisdiction rule). */
	static final String XINJIANG = "650000";

	private final Recommenders recommenders;

	Territories(Recommenders recommenders) {
		this.recommenders = recommenders;
	}

	/** The id of the provincial office in charge of the outlet now. */
	public String officeOf(Outlet outlet) {
		String province = outlet.details().province();
		Optional<Recommender> recommender = recommenders.find(outlet.recommenderId());
		if (recommender.filter(Recommender::provincial).filter(r -> !recommenders.isProvince(r.id())).isPresent()
				&& XINJIANG.equals(province)) {
			return outlet.recommenderId();
		}
		return province;
	}

	/**
	 * Whether the outlet lies in {@code officeId}'s territory. An industry department has no
	 * territory: for it (only aggregations started before version 2 of {@code annual-report} name one)
	 * its own outlets count, as they did then.
	 */
	public boolean inTerritory(String officeId, Outlet outlet) {
		if (isOffice(officeId)) {
			return officeId.equals(officeOf(outlet));
		}
		return officeId.equals(outlet.recommenderId());
	}

	/** Whether the id is a provincial office (a province's or XPCC's). */
	public boolean isOffice(String id) {
		return recommenders.find(id).filter(Recommender::provincial).isPresent();
	}

	/** The office's name, e.g. 江苏省知识产权局; the id when unknown. */
	public String name(String id) {
		return recommenders.find(id).map(Recommender::name).orElse(id);
	}

}
