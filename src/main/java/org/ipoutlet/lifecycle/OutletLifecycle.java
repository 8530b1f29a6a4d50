package org.ipoutlet.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletChanges;
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
	private final OutletChanges changes;
	private final OutletDecisions decisions;
	private final Recommenders recommenders;

	public OutletLifecycle(OutletRepository outlets, BannedInstitutions banned, ExemptInstitutions exempt,
			RegulationDates dates, BusinessClock clock, OutletChanges changes, OutletDecisions decisions,
			Recommenders recommenders) {
		this.outlets = outlets;
		this.banned = banned;
		this.exempt = exempt;
		this.dates = dates;
		this.clock = clock;
		this.changes = changes;
		this.decisions = decisions;
		this.recommenders = recommenders;
	}

	/** Art. 9: a renewal applied for within validity is under review; the outlet stays valid until it is decided. */
	public Outlet applyForRenewal(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		outlet.applyForRenewal(clock.today());
		outlets.update(outlet);
		return outlet;
	}

	/**
	 * Art. 9: the renewal was refused finally; returns whether validity is already over, i.e. the
	 * outlet expires today (otherwise on the day after {@code validUntil}).
	 */
	public boolean refuseRenewal(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		outlet.refuseRenewal();
		outlets.update(outlet);
		return clock.today().isAfter(outlet.validUntil());
	}

	/** Art. 9: validity ended, with the reason the register shows. */
	public void expire(String filingNo, String reason) {
		Outlet outlet = outlets.get(filingNo);
		outlet.expire(reason, clock.today(), clock.now());
		outlets.update(outlet);
	}

	/** Art. 17: whether the rectification period of the outlet is over today. */
	public boolean rectificationPeriodOver(String filingNo) {
		LocalDate deadline = outlets.get(filingNo).rectificationDeadline();
		return deadline != null && clock.today().isAfter(deadline);
	}

	/**
	 * Art. 17: CNIPA's decision at the end of an unverified rectification, with its text, who (the
	 * authenticated user) and when (now), recorded in {@code outlet_decision}.
	 */
	public void recordRevocationDecision(String filingNo, boolean revoke, String decision, String decidedBy) {
		Outlet outlet = outlets.get(filingNo);
		outlet.recordRevocationDecision(revoke, clock.today());
		outlets.update(outlet);
		decisions.record(filingNo, revoke ? OutletDecisions.Kind.REVOKED : OutletDecisions.Kind.NOT_REVOKED, decision,
				decidedBy, clock.now());
	}

	LocalDate today() {
		return clock.today();
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

	/** Art. 17: still non-compliant when the rectification period ended, and CNIPA decided to revoke. */
	public void revokeAfterRectification(String filingNo) {
		Outlet outlet = outlets.get(filingNo);
		outlet.revokeAfterRectification("整改期满仍不符合《实施办法》相关规定，国家知识产权局决定撤销（第十七条）", clock.today(),
				clock.now());
		outlets.update(outlet);
	}

	/**
	 * Art. 18: revokes an active outlet at once and bans the institution for three years from today,
	 * keeping the facts, the decision, who and when; returns the last day of the ban.
	 */
	public LocalDate revokeForMisconduct(String filingNo, MisconductType type, String facts, String decision,
			String decidedBy) {
		Outlet outlet = outlets.get(filingNo);
		outlet.revoke(type.label() + "（第十八条）", clock.now());
		outlets.update(outlet);
		return ban(outlet, type, facts, decision, decidedBy);
	}

	/**
	 * Art. 18 against an outlet whose filing has ended (expired, revoked, cancelled): nothing to
	 * revoke, the institution is banned for three years from today with the same record.
	 */
	public LocalDate banAfterTheEnd(String filingNo, MisconductType type, String facts, String decision,
			String decidedBy) {
		Outlet outlet = outlets.get(filingNo);
		if (outlet.status().active()) {
			throw new org.ipoutlet.institution.IllegalTransitionException("Outlet", filingNo, outlet.status(),
					"be found in misconduct after the end: its filing is still valid, revoke it through its lifecycle");
		}
		return ban(outlet, type, facts, decision, decidedBy);
	}

	private LocalDate ban(Outlet outlet, MisconductType type, String facts, String decision, String decidedBy) {
		return banned.ban(outlet.uscc(), outlet.details().orgName(), "Art. 18 " + type.name() + ": " + type.label(),
				clock.today(), outlet.filingNo(), facts, decision, decidedBy, clock.now());
	}

	/** Art. 19: designation as TISC or university centre cancels the filing automatically. */
	public void cancelForDesignation(String filingNo, Designation designation) {
		Outlet outlet = outlets.get(filingNo);
		outlet.cancel("被确定为" + designation.label() + "，备案资格自动取消（第十九条）", clock.now());
		outlets.update(outlet);
		exempt.add(outlet.uscc(), outlet.details().orgName(), designation.exemption(),
				"Art. 19 designation, filing " + filingNo + " cancelled on " + clock.today());
	}

	/**
	 * Art. 10: a change report CNIPA recorded updates the register from today (the change date) and
	 * keeps every earlier value. A move to another province hands an outlet recommended by its
	 * provincial office to the new province's office.
	 */
	public Outlet applyChange(String filingNo, ReportedChange change, String recordedBy) {
		Outlet outlet = outlets.get(filingNo);
		String recommenderId = outlet.recommenderId();
		String oldProvince = outlet.details().province();
		var changed = change.applyTo(outlet.details());
		if (!changed.province().equals(oldProvince) && recommenderId.equals(oldProvince)
				&& recommenders.isProvince(changed.province())) {
			recommenderId = changed.province();
		}
		LocalDate today = clock.today();
		Instant now = clock.now();
		List<OutletChanges.Change> history = new ArrayList<>();
		for (List<String> d : change.differences(outlet.details(), outlet.headTitle())) {
			history.add(new OutletChanges.Change(d.get(0), d.get(1), d.get(2), today, recordedBy, now));
		}
		if (!recommenderId.equals(outlet.recommenderId())) {
			history.add(new OutletChanges.Change(RECOMMENDER_ID_FIELD, outlet.recommenderId(), recommenderId, today,
					recordedBy, now));
		}
		outlet.applyChange(changed, change.headTitle(outlet.headTitle()), recommenderId, now);
		outlets.update(outlet);
		changes.record(filingNo, history);
		return outlet;
	}

	/** The history entry of a handover to another recommender (after a move to another province). */
	static final String RECOMMENDER_ID_FIELD = LifecycleVariables.RECOMMENDER_ID;

}
