package org.ipoutlet.lifecycle;

import java.time.LocalDate;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.springframework.stereotype.Service;

/**
 * The register side of the lifecycle: each method loads the outlet, asks the aggregate for one
 * guarded transition and saves it, in the caller's (the engine's) transaction. A refused transition
 * surfaces as {@link org.ipoutlet.institution.IllegalTransitionException}.
 */
@Service
class OutletLifecycle {

	private final OutletRepository outlets;
	private final BannedInstitutions banned;
	private final ExemptInstitutions exempt;
	private final RegulationDates dates;
	private final BusinessClock clock;

	public OutletLifecycle(OutletRepository outlets, BannedInstitutions banned, ExemptInstitutions exempt,
			RegulationDates dates, BusinessClock clock) {
		this.outlets = outlets;
		this.banned = banned;
		this.exempt = exempt;
		this.dates = dates;
		this.clock = clock;
	}

	public Outlet outlet(String filingNo) {
		return outlets.get(filingNo);
	}

	/** Art. 9: validity ended without an approved renewal. */
	public void expire(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		outlet.expire(clock.today(), clock.now());
		outlets.update(outlet);
	}

	/** Art. 9: the recommender reviewed a renewal application. */
	public void recordRenewalRecommendation(String filingNo, boolean recommended) {
		Outlet outlet = outlets.get(filingNo);
		outlet.recordRenewalRecommendation(recommended);
		outlets.update(outlet);
	}

	/** Art. 9: CNIPA decided on a recommended renewal. */
	public void recordRenewalApproval(String filingNo, boolean approved) {
		Outlet outlet = outlets.get(filingNo);
		outlet.recordRenewalApproval(approved);
		outlets.update(outlet);
	}

	/** Art. 17: CNIPA verified (or not) a rectification report. */
	public void recordRectificationVerdict(String filingNo, boolean rectified) {
		Outlet outlet = outlets.get(filingNo);
		outlet.recordRectificationVerdict(rectified);
		outlets.update(outlet);
	}

	/**
	 * Art. 9: refuses a renewal step reached without an approval recorded through its tasks (a
	 * skipped path): the job fails and becomes an incident.
	 */
	public void requireRenewalApproved(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		if (!outlet.renewalApproved()) {
			throw new org.ipoutlet.institution.IllegalTransitionException("Outlet", filingNo, outlet.status(),
					"renew without a renewal recommended and approved through its tasks");
		}
	}

	/** Art. 9: extends validity by one period from the current end; returns the new last day. */
	public LocalDate renew(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		LocalDate until = dates.renewedUntil(outlet.validUntil());
		outlet.renewApproved(until, clock.now());
		outlets.update(outlet);
		return until;
	}

	/** Art. 17: orders rectification from today; returns the last day of the period. */
	public LocalDate startRectification(String filingNo, String reason) {
		Outlet outlet = outlets.get(filingNo);
		LocalDate deadline = dates.rectificationDeadline(clock.today());
		outlet.startRectification(reason, deadline, clock.now());
		outlets.update(outlet);
		return deadline;
	}

	/** Art. 17: rectification verified within the period. */
	public void completeRectification(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		outlet.completeVerifiedRectification(clock.now());
		outlets.update(outlet);
	}

	/** Art. 17: still non-compliant when the rectification period ended. */
	public void revokeAfterRectification(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		outlet.revokeAfterRectification("整改期满仍不符合《实施办法》相关规定（第十七条）", clock.today(), clock.now());
		outlets.update(outlet);
	}

	/** Art. 18: revokes at once and bans the institution; returns the last day of the ban. */
	public LocalDate revokeForMisconduct(String filingNo, MisconductType type) {
		Outlet outlet = outlets.get(filingNo);
		outlet.revoke(type.label() + "（第十八条）", clock.now());
		outlets.update(outlet);
		return banned.ban(outlet.uscc(), outlet.details().orgName(), "Art. 18 " + type.name() + ": " + type.label(),
				clock.today(), filingNo);
	}

	/** Art. 19: designation as TISC or university centre cancels the filing automatically. */
	public void cancelForDesignation(String filingNo, Designation designation) {
		Outlet outlet = outlets.get(filingNo);
		outlet.cancel("被确定为" + designation.label() + "，备案资格自动取消（第十九条）", clock.now());
		outlets.update(outlet);
		exempt.add(outlet.uscc(), outlet.details().orgName(), designation.exemption(),
				"Art. 19 designation, filing " + filingNo + " cancelled on " + clock.today());
	}

	/** Art. 10: an accepted change report updates the register. */
	public Outlet applyChange(String filingNo, ReportedChange change) {
		Outlet outlet = outlets.get(filingNo);
		outlet.applyChange(change.applyTo(outlet.details()), clock.now());
		outlets.update(outlet);
		return outlet;
	}

}
