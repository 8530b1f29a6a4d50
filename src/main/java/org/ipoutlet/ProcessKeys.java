package org.ipoutlet;

/**
 * The keys of the three processes of the regulation (README, "The processes"), the one place that
 * names them: the stages start and query them, identity grants on them, the guard knows their
 * start forms.
 */
public final class ProcessKeys {

	/** Art. 4–8: application, recommendation, review, publicity and registration. */
	public static final String OUTLET_FILING = "outlet-filing";

	/** Art. 9–19: a filed outlet from registration to expiry, revocation or cancellation. */
	public static final String OUTLET_LIFECYCLE = "outlet-lifecycle";

	/** Art. 17: the yearly aggregation of the outlets' annual summaries per recommender. */
	public static final String ANNUAL_REPORT = "annual-report";

	private ProcessKeys() {
	}

}
