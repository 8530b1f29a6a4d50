package org.ipoutlet.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ipoutlet.institution.IllegalTransitionException;

/**
 * A filed outlet: the register entry and the guarded transitions of its status. The BPMN decides
 * when something happens; this class decides whether the regulation allows it.
 */
public class Outlet {

	private final String filingNo;
	private final String applicationNo;
	private final String uscc;
	private OutletDetails details;
	private String recommenderId;
	private final String outletUser;
	private OutletStatus status;
	private final LocalDate validFrom;
	private LocalDate validUntil;
	private final Instant filedAt;
	private Instant statusChangedAt;
	private String statusReason;
	private final int version;
	// The lifecycle's recorded steps (README, "The filing's steps are guaranteed by the application")
	private RenewalStage renewalStage;
	private LocalDate rectificationDeadline;
	private boolean rectificationVerified;
	// Art. 10 主要负责人职务; Art. 9 the renewal under review; Art. 17 CNIPA's revocation decision
	private String headTitle;
	private LocalDate renewalAppliedOn;
	private boolean revocationDecided;

	public Outlet(String filingNo, String applicationNo, String uscc, OutletDetails details, String recommenderId,
			String outletUser, OutletStatus status, LocalDate validFrom, LocalDate validUntil, Instant filedAt,
			Instant statusChangedAt, String statusReason, int version) {
		this.filingNo = Objects.requireNonNull(filingNo);
		this.applicationNo = applicationNo;
		this.uscc = Objects.requireNonNull(uscc);
		this.details = Objects.requireNonNull(details);
		this.recommenderId = Objects.requireNonNull(recommenderId);
		this.outletUser = outletUser;
		this.status = Objects.requireNonNull(status);
		this.validFrom = Objects.requireNonNull(validFrom);
		this.validUntil = Objects.requireNonNull(validUntil);
		this.filedAt = filedAt;
		this.statusChangedAt = statusChangedAt;
		this.statusReason = statusReason;
		this.version = version;
	}

	/** A newly filed outlet (Art. 7(三)), valid from {@code validFrom} to {@code validUntil} inclusive. */
	public static Outlet file(String filingNo, String applicationNo, String uscc, OutletDetails details,
			String recommenderId, String outletUser, LocalDate validFrom, LocalDate validUntil, Instant now) {
		if (validUntil.isBefore(validFrom)) {
			throw new IllegalArgumentException("validUntil " + validUntil + " is before validFrom " + validFrom);
		}
		return new Outlet(filingNo, applicationNo, uscc, details, recommenderId, outletUser, OutletStatus.FILED,
				validFrom, validUntil, now, now, null, 0);
	}

	/** Restores the recorded lifecycle steps read from the register table. */
	public Outlet withSteps(RenewalStage renewalStage, LocalDate rectificationDeadline, boolean rectificationVerified) {
		this.renewalStage = renewalStage;
		this.rectificationDeadline = rectificationDeadline;
		this.rectificationVerified = rectificationVerified;
		return this;
	}

	/** The head's title (主要负责人职务) as the 备案表 gave it (Art. 6, 10). */
	public Outlet withHeadTitle(String headTitle) {
		this.headTitle = headTitle;
		return this;
	}

	/** Restores the lifecycle record read from the register table (V11). */
	public Outlet withRecord(String headTitle, LocalDate renewalAppliedOn, boolean revocationDecided) {
		this.headTitle = headTitle;
		this.renewalAppliedOn = renewalAppliedOn;
		this.revocationDecided = revocationDecided;
		return this;
	}

	/**
	 * Art. 9: a renewal was applied for within validity; the outlet stays valid (续期审核中) until it is
	 * decided. A correction of the same application keeps the first day.
	 */
	public void applyForRenewal(LocalDate today) {
		require(EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "apply for renewal");
		if (renewalAppliedOn == null && today.isAfter(validUntil)) {
			throw new IllegalTransitionException("Outlet", filingNo, status,
					"apply for renewal after the end of its validity " + validUntil);
		}
		if (renewalAppliedOn == null) {
			this.renewalAppliedOn = today;
		}
	}

	/** Art. 9: whether a renewal applied for in time is under review. */
	public boolean renewalUnderReview() {
		return renewalAppliedOn != null;
	}

	/**
	 * Art. 9: the renewal was refused finally (by CNIPA, or because the updated data fail Art. 5 or
	 * Art. 12); the outlet expires on the later of {@code validUntil} and the decision day.
	 */
	public void refuseRenewal() {
		if (renewalAppliedOn == null) {
			throw new IllegalTransitionException("Outlet", filingNo, status, "have a renewal refused that is not under review");
		}
		this.renewalAppliedOn = null;
		this.renewalStage = null;
	}

	/** The status as the register shows it: 续期审核中 for a valid outlet whose renewal is under review (Art. 9). */
	public String statusLabel() {
		return status == OutletStatus.FILED && renewalUnderReview() ? RENEWAL_UNDER_REVIEW_LABEL : status.label();
	}

	/** The register's label of a valid outlet whose renewal is under review (Art. 9). */
	public static final String RENEWAL_UNDER_REVIEW_LABEL = "续期审核中";

	/** Art. 9: the recommender's review of a renewal application ({@code reviewRenewal}). */
	public void recordRenewalRecommendation(boolean recommended) {
		require(EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "have its renewal reviewed");
		this.renewalStage = recommended ? RenewalStage.RECOMMENDED : null;
	}

	/**
	 * Art. 9: CNIPA's approval of a recommended renewal ({@code approveRenewal}); approving again
	 * after a renewal that had to wait for a rectification keeps the approval.
	 */
	public void recordRenewalApproval(boolean approved) {
		if (renewalStage == null) {
			throw new IllegalTransitionException("Outlet", filingNo, status, "have a renewal approved that was not recommended");
		}
		this.renewalStage = approved ? RenewalStage.APPROVED : null;
	}

	public boolean renewalApproved() {
		return renewalStage == RenewalStage.APPROVED;
	}

	/**
	 * Art. 9: the renewal step of {@code outlet-lifecycle}: {@link #renew} once the renewal was
	 * recommended and approved through its tasks, which the approval is then used up by.
	 */
	public void renewApproved(LocalDate newValidUntil, Instant now) {
		require(EnumSet.of(OutletStatus.FILED), "renew");
		if (!renewalApproved()) {
			throw new IllegalTransitionException("Outlet", filingNo, status, "renew without an approved renewal");
		}
		renew(newValidUntil, now);
		this.renewalStage = null;
		this.renewalAppliedOn = null;
	}

	/**
	 * Art. 9: a renewal extends validity to {@code newValidUntil}. Only an outlet in good standing
	 * (FILED) is renewed: an outlet under rectification must first be verified (Art. 17).
	 */
	public void renew(LocalDate newValidUntil, Instant now) {
		require(EnumSet.of(OutletStatus.FILED), "renew");
		if (!newValidUntil.isAfter(validUntil)) {
			throw new IllegalArgumentException("Renewal of " + filingNo + " must extend validity beyond " + validUntil);
		}
		this.validUntil = newValidUntil;
		this.statusChangedAt = now;
	}

	/** Art. 17: an order to rectify within the rectification period, to {@code deadline} inclusive. */
	public void startRectification(String reason, LocalDate deadline, Instant now) {
		moveTo(OutletStatus.RECTIFYING, EnumSet.of(OutletStatus.FILED), "start rectification", reason, now);
		this.rectificationDeadline = deadline;
		this.rectificationVerified = false;
		this.revocationDecided = false;
	}

	/** Art. 17: an order to rectify within the rectification period. */
	public void startRectification(String reason, Instant now) {
		startRectification(reason, null, now);
	}

	/** Art. 17: CNIPA's verification of a rectification report ({@code verifyRectification}). */
	public void recordRectificationVerdict(boolean rectified) {
		require(EnumSet.of(OutletStatus.RECTIFYING), "have its rectification verified");
		this.rectificationVerified = rectified;
	}

	/**
	 * Art. 17: CNIPA's decision at the end of the rectification period ({@code decideRevocation}),
	 * taken only once the period is over and no verified report stands: to revoke, or not (the
	 * outlet is then back in good standing, as after a verified rectification).
	 */
	public void recordRevocationDecision(boolean revoke, LocalDate today) {
		require(EnumSet.of(OutletStatus.RECTIFYING), "have a revocation decided");
		if (rectificationDeadline == null || !today.isAfter(rectificationDeadline) || rectificationVerified) {
			throw new IllegalTransitionException("Outlet", filingNo, status,
					"have a revocation decided on " + today + " (period to " + rectificationDeadline + ")");
		}
		if (revoke) {
			this.revocationDecided = true;
		}
		else {
			this.rectificationVerified = true;
		}
	}

	/**
	 * Art. 17: the completion step of {@code outlet-lifecycle}: {@link #completeRectification} only
	 * after CNIPA recorded the rectification as verified.
	 */
	public void completeVerifiedRectification(Instant now) {
		require(EnumSet.of(OutletStatus.RECTIFYING), "complete rectification");
		if (!rectificationVerified) {
			throw new IllegalTransitionException("Outlet", filingNo, status, "complete a rectification CNIPA has not verified");
		}
		completeRectification(now);
	}

	/** Art. 17: rectification verified in time; the outlet is back in good standing. */
	public void completeRectification(Instant now) {
		moveTo(OutletStatus.FILED, EnumSet.of(OutletStatus.RECTIFYING), "complete rectification", null, now);
		this.rectificationDeadline = null;
		this.rectificationVerified = false;
		this.revocationDecided = false;
	}

	/**
	 * Art. 17: still non-compliant when the rectification period ended: refused before the day after
	 * the period's last day, after a verified rectification, and without CNIPA's decision to revoke
	 * (nothing is revoked by a timer alone).
	 */
	public void revokeAfterRectification(String reason, LocalDate today, Instant now) {
		require(EnumSet.of(OutletStatus.RECTIFYING), "be revoked after rectification");
		if (rectificationDeadline == null || !today.isAfter(rectificationDeadline) || rectificationVerified
				|| !revocationDecided) {
			throw new IllegalTransitionException("Outlet", filingNo, status,
					"be revoked after rectification on " + today + " (period to " + rectificationDeadline + ")");
		}
		moveTo(OutletStatus.REVOKED, EnumSet.of(OutletStatus.RECTIFYING), "be revoked", reason, now);
	}

	/** Art. 17 (still non-compliant after rectification) or Art. 18 (misconduct). */
	public void revoke(String reason, Instant now) {
		moveTo(OutletStatus.REVOKED, EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "be revoked", reason,
				now);
	}

	/**
	 * Art. 9: validity ended without an approved renewal. Refused before the day after
	 * {@code validUntil} (the last valid day is inclusive) and while a renewal applied for in time is
	 * under review.
	 */
	public void expire(LocalDate today, Instant now) {
		expire("备案有效期届满未续期", today, now);
	}

	/** Art. 9: as {@link #expire(LocalDate, Instant)}, with the reason (e.g. why the renewal was refused). */
	public void expire(String reason, LocalDate today, Instant now) {
		require(EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "expire");
		if (!today.isAfter(validUntil)) {
			throw new IllegalTransitionException("Outlet", filingNo, status, "expire before the end of its validity " + validUntil);
		}
		if (renewalUnderReview()) {
			throw new IllegalTransitionException("Outlet", filingNo, status,
					"expire while the renewal applied for on " + renewalAppliedOn + " is under review");
		}
		moveTo(OutletStatus.EXPIRED, EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "expire", reason, now);
	}

	/** Art. 19: designated as TISC or university centre; the filing is cancelled automatically. */
	public void cancel(String reason, Instant now) {
		moveTo(OutletStatus.CANCELLED, EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "be cancelled",
				reason, now);
	}

	/** Art. 10: an accepted change report updates the register's basic information. */
	public void applyChange(OutletDetails changed, Instant now) {
		applyChange(changed, headTitle, recommenderId, now);
	}

	/**
	 * Art. 10: a change report CNIPA recorded updates the register's basic information, the head's
	 * title and, after a move to another province, the recommender (that province's office).
	 */
	public void applyChange(OutletDetails changed, String headTitle, String recommenderId, Instant now) {
		require(EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "change its details");
		this.details = Objects.requireNonNull(changed);
		this.headTitle = headTitle;
		this.recommenderId = Objects.requireNonNull(recommenderId);
		this.statusChangedAt = now;
	}

	private void moveTo(OutletStatus target, Set<OutletStatus> allowedFrom, String action, String reason,
			Instant now) {
		require(allowedFrom, action);
		this.status = target;
		this.statusReason = reason;
		this.statusChangedAt = now;
	}

	private void require(Set<OutletStatus> allowedFrom, String action) {
		if (!allowedFrom.contains(status)) {
			throw new IllegalTransitionException("Outlet", filingNo, status, action);
		}
	}

	public String filingNo() {
		return filingNo;
	}

	public String applicationNo() {
		return applicationNo;
	}

	public String uscc() {
		return uscc;
	}

	public OutletDetails details() {
		return details;
	}

	public String recommenderId() {
		return recommenderId;
	}

	public String outletUser() {
		return outletUser;
	}

	public OutletStatus status() {
		return status;
	}

	public LocalDate validFrom() {
		return validFrom;
	}

	public LocalDate validUntil() {
		return validUntil;
	}

	public Instant filedAt() {
		return filedAt;
	}

	public Instant statusChangedAt() {
		return statusChangedAt;
	}

	public String statusReason() {
		return statusReason;
	}

	public int version() {
		return version;
	}

	public RenewalStage renewalStage() {
		return renewalStage;
	}

	public LocalDate rectificationDeadline() {
		return rectificationDeadline;
	}

	public boolean rectificationVerified() {
		return rectificationVerified;
	}

	public String headTitle() {
		return headTitle;
	}

	public LocalDate renewalAppliedOn() {
		return renewalAppliedOn;
	}

	public boolean revocationDecided() {
		return revocationDecided;
	}

	/** How far a renewal application went through its tasks (Art. 9). */
	public enum RenewalStage {
		RECOMMENDED, APPROVED
	}

	/**
	 * The basic information the register publishes (Art. 8) and a change report may alter (Art. 10).
	 * Lists hold codes (e.g. {@code CONSULTATION}, {@code PATENT}).
	 */
	public record OutletDetails(String orgName, String orgCategory, String orgNature, String province,
			String address, String platformName, String platformUrl, String headName, String contactName,
			String phone, String email, String serviceTargets, List<String> serviceItems,
			List<String> ipCategories) {

		public OutletDetails {
			serviceItems = serviceItems == null ? List.of() : List.copyOf(serviceItems);
			ipCategories = ipCategories == null ? List.of() : List.copyOf(ipCategories);
		}
	}

}
