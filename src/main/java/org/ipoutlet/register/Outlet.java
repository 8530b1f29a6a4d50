package org.ipoutlet.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A filed outlet: the register entry and the guarded transitions of its status. The BPMN decides
 * when something happens; this class decides whether the regulation allows it.
 */
public class Outlet {

	private final String filingNo;
	private final String applicationNo;
	private final String uscc;
	private OutletDetails details;
	private final String recommenderId;
	private final String outletUser;
	private OutletStatus status;
	private final LocalDate validFrom;
	private LocalDate validUntil;
	private final Instant filedAt;
	private Instant statusChangedAt;
	private String statusReason;
	private final int version;

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

	/** Art. 17: an order to rectify within the rectification period. */
	public void startRectification(String reason, Instant now) {
		moveTo(OutletStatus.RECTIFYING, EnumSet.of(OutletStatus.FILED), "start rectification", reason, now);
	}

	/** Art. 17: rectification verified in time; the outlet is back in good standing. */
	public void completeRectification(Instant now) {
		moveTo(OutletStatus.FILED, EnumSet.of(OutletStatus.RECTIFYING), "complete rectification", null, now);
	}

	/** Art. 17 (still non-compliant after rectification) or Art. 18 (misconduct). */
	public void revoke(String reason, Instant now) {
		moveTo(OutletStatus.REVOKED, EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "be revoked", reason,
				now);
	}

	/**
	 * Art. 9: validity ended without an approved renewal. Refused before the day after
	 * {@code validUntil} (the last valid day is inclusive).
	 */
	public void expire(LocalDate today, Instant now) {
		require(EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "expire");
		if (!today.isAfter(validUntil)) {
			throw new IllegalTransitionException(filingNo, status, "expire before the end of its validity " + validUntil);
		}
		moveTo(OutletStatus.EXPIRED, EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "expire",
				"备案有效期届满未续期", now);
	}

	/** Art. 19: designated as TISC or university centre; the filing is cancelled automatically. */
	public void cancel(String reason, Instant now) {
		moveTo(OutletStatus.CANCELLED, EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "be cancelled",
				reason, now);
	}

	/** Art. 10: an accepted change report updates the register's basic information. */
	public void applyChange(OutletDetails changed, Instant now) {
		require(EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING), "change its details");
		this.details = Objects.requireNonNull(changed);
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
			throw new IllegalTransitionException(filingNo, status, action);
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

	/**
	 * The basic information the register publishes (Art. 8) and a change report may alter (Art. 10).
	 * Lists hold contract codes (e.g. {@code CONSULTATION}, {@code PATENT}).
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
