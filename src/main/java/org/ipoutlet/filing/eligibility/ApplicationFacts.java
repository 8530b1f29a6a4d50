package org.ipoutlet.filing.eligibility;

import java.time.LocalDate;
import java.util.List;

/** What the eligibility rules look at, read from an application's variables. */
record ApplicationFacts(String applicationNo, String uscc, boolean independentLegalEntity, int staffFullTime,
		List<String> ipCategories, List<String> serviceItems, String recommenderId,
		LocalDate today) {

	public ApplicationFacts {
		ipCategories = List.copyOf(ipCategories);
		serviceItems = List.copyOf(serviceItems);
	}

}
