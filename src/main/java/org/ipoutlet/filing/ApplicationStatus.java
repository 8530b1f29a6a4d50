package org.ipoutlet.filing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a filing application stands (Art. 7), recorded by the application itself in
 * {@code filing_application.status}: see the README, "The filing's steps are guaranteed by the
 * application".
 */
public enum ApplicationStatus {

	SUBMITTED, ELIGIBLE, RETURNED, SUPPLEMENTED, RECOMMENDED, APPROVED, IN_PUBLICITY, PUBLICITY_COMPLETED, FILED,
	INELIGIBLE, NOT_RECOMMENDED, REJECTED, WITHDRAWN, OBJECTION_UPHELD;

	private static final Set<ApplicationStatus> CLOSED = EnumSet.of(FILED, INELIGIBLE, NOT_RECOMMENDED, REJECTED,
			WITHDRAWN, OBJECTION_UPHELD);

	/** Whether the application has reached an outcome. */
	public boolean closed() {
		return CLOSED.contains(this);
	}

}
