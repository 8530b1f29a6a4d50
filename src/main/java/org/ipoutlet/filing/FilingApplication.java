package org.ipoutlet.filing;

import static org.ipoutlet.filing.ApplicationStatus.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.ipoutlet.institution.IllegalTransitionException;

/**
 * A filing application (Art. 5–8) and the guarded transitions of its status, like
 * {@link org.ipoutlet.register.Outlet} for a filed outlet. Each step of {@code outlet-filing}
 * records itself here in its own transaction; a step the recorded state does not allow is refused
 * with {@link IllegalTransitionException}, whatever route reached it (a skipped step, an instance
 * modification, a job fired early). The BPMN decides <em>when</em>; this class decides <em>what is
 * allowed</em>.
 */
public class FilingApplication {

	private final String applicationNo;
	private final String uscc;
	private final String orgName;
	private final String recommenderId;
	private final String applicant;
	private final String processInstanceId;
	private ApplicationStatus status;
	private LocalDate publicityStarts;
	private LocalDate publicityEnds;
	private int openObjections;
	private Instant statusChangedAt;
	private final int version;

	public FilingApplication(String applicationNo, String uscc, String orgName, String recommenderId,
			String applicant, String processInstanceId, ApplicationStatus status, LocalDate publicityStarts,
			LocalDate publicityEnds, int openObjections, Instant statusChangedAt, int version) {
		this.applicationNo = Objects.requireNonNull(applicationNo);
		this.uscc = uscc;
		this.orgName = orgName;
		this.recommenderId = recommenderId;
		this.applicant = applicant;
		this.processInstanceId = processInstanceId;
		this.status = Objects.requireNonNull(status);
		this.publicityStarts = publicityStarts;
		this.publicityEnds = publicityEnds;
		this.openObjections = openObjections;
		this.statusChangedAt = statusChangedAt;
		this.version = version;
	}

	/** Art. 5, 7(一): the eligibility check's result; a supplemented application is checked again. */
	public void recordEligibility(boolean eligible, Instant now) {
		moveTo(eligible ? ELIGIBLE : INELIGIBLE, EnumSet.of(SUBMITTED, SUPPLEMENTED), "record eligibility", now);
	}

	/** Art. 7(二): the recommender's decision ({@code RECOMMEND}, {@code RETURN}, {@code NOT_RECOMMEND}). */
	public void recordRecommendation(String recommendation, Instant now) {
		ApplicationStatus target = switch (String.valueOf(recommendation)) {
			case "RECOMMEND" -> RECOMMENDED;
			case "RETURN" -> RETURNED;
			case "NOT_RECOMMEND" -> NOT_RECOMMENDED;
			default -> throw new IllegalTransitionException("Application", applicationNo, status,
					"record the recommendation " + recommendation);
		};
		moveTo(target, EnumSet.of(ELIGIBLE), "record a recommendation", now);
	}

	/** The applicant resubmitted the returned 备案表; eligibility is checked again. */
	public void recordSupplement(Instant now) {
		moveTo(SUPPLEMENTED, EnumSet.of(RETURNED), "record a supplement", now);
	}

	/** The supplement deadline passed: the application counts as withdrawn. */
	public void withdraw(Instant now) {
		moveTo(WITHDRAWN, EnumSet.of(RETURNED), "be withdrawn", now);
	}

	/** Art. 7(三): CNIPA's decision ({@code APPROVE} or {@code REJECT}) on a recommended application. */
	public void recordFilingDecision(String decision, Instant now) {
		ApplicationStatus target = switch (String.valueOf(decision)) {
			case "APPROVE" -> APPROVED;
			case "REJECT" -> REJECTED;
			default -> throw new IllegalTransitionException("Application", applicationNo, status, "record the decision " + decision);
		};
		moveTo(target, EnumSet.of(RECOMMENDED), "record CNIPA's decision", now);
	}

	/** Art. 7(三): publicity of an approved application, from {@code starts} to {@code ends} inclusive. */
	public void startPublicity(LocalDate starts, LocalDate ends, Instant now) {
		if (ends.isBefore(starts)) {
			throw new IllegalArgumentException("publicity of " + applicationNo + " ends " + ends + " before " + starts);
		}
		moveTo(IN_PUBLICITY, EnumSet.of(APPROVED), "start publicity", now);
		this.publicityStarts = starts;
		this.publicityEnds = ends;
		this.openObjections = 0;
	}

	/**
	 * Whether an objection may be raised on {@code today}: from the moment the candidate is published
	 * (CNIPA's approval) to the last day of the publicity period, not after it, even while earlier
	 * objections are still being handled.
	 */
	public boolean acceptsObjections(LocalDate today) {
		return status == IN_PUBLICITY && publicityEnds != null && !today.isAfter(publicityEnds);
	}

	/** An objection during publicity opens its own verification. */
	public void raiseObjection(LocalDate today, Instant now) {
		if (!acceptsObjections(today)) {
			throw new IllegalTransitionException("Application", applicationNo, status,
					"accept an objection on " + today + " (publicity ends " + publicityEnds + ")");
		}
		openObjections++;
		this.statusChangedAt = now;
	}

	/** CNIPA verified an objection: upheld ends the application, dismissed lets publicity go on. */
	public void recordObjectionFinding(boolean upheld, Instant now) {
		if (status != IN_PUBLICITY || openObjections <= 0) {
			throw new IllegalTransitionException("Application", applicationNo, status, "record an objection finding without an open objection");
		}
		openObjections--;
		if (upheld) {
			moveTo(OBJECTION_UPHELD, EnumSet.of(IN_PUBLICITY), "uphold an objection", now);
		}
		this.statusChangedAt = now;
	}

	/**
	 * The publicity period is over (the day after its last day has begun) and every objection was
	 * dismissed.
	 */
	public void completePublicity(LocalDate today, Instant now) {
		require(EnumSet.of(IN_PUBLICITY), "complete publicity");
		if (!today.isAfter(publicityEnds)) {
			throw new IllegalTransitionException("Application", applicationNo, status,
					"complete publicity on " + today + ": the period lasts to the end of " + publicityEnds);
		}
		if (openObjections > 0) {
			throw new IllegalTransitionException("Application", applicationNo, status,
					"complete publicity with " + openObjections + " objection(s) still open");
		}
		moveTo(PUBLICITY_COMPLETED, EnumSet.of(IN_PUBLICITY), "complete publicity", now);
	}

	/** Art. 7(三), 8: filed only after a completed publicity period without an upheld or open objection. */
	public void file(LocalDate today, Instant now) {
		require(EnumSet.of(PUBLICITY_COMPLETED), "be filed");
		if (publicityEnds == null || !today.isAfter(publicityEnds) || openObjections > 0) {
			throw new IllegalTransitionException("Application", applicationNo, status, "be filed before its publicity is over");
		}
		moveTo(FILED, EnumSet.of(PUBLICITY_COMPLETED), "be filed", now);
	}

	/**
	 * The outcome an end event records must be the status the steps reached; only a withdrawal (the
	 * supplement deadline's timer) moves the status itself.
	 */
	public void close(FilingOutcome outcome, Instant now) {
		if (outcome == FilingOutcome.WITHDRAWN) {
			withdraw(now);
			return;
		}
		ApplicationStatus expected = ApplicationStatus.valueOf(outcome.name());
		if (status != expected) {
			throw new IllegalTransitionException("Application", applicationNo, status, "close as " + outcome);
		}
	}

	private void moveTo(ApplicationStatus target, Set<ApplicationStatus> allowedFrom, String step, Instant now) {
		require(allowedFrom, step);
		this.status = target;
		this.statusChangedAt = now;
	}

	private void require(Set<ApplicationStatus> allowedFrom, String step) {
		if (!allowedFrom.contains(status)) {
			throw new IllegalTransitionException("Application", applicationNo, status, step);
		}
	}

	public String applicationNo() {
		return applicationNo;
	}

	public String uscc() {
		return uscc;
	}

	public String orgName() {
		return orgName;
	}

	public String recommenderId() {
		return recommenderId;
	}

	public String applicant() {
		return applicant;
	}

	public String processInstanceId() {
		return processInstanceId;
	}

	public ApplicationStatus status() {
		return status;
	}

	public LocalDate publicityStarts() {
		return publicityStarts;
	}

	public LocalDate publicityEnds() {
		return publicityEnds;
	}

	public int openObjections() {
		return openObjections;
	}

	public Instant statusChangedAt() {
		return statusChangedAt;
	}

	public int version() {
		return version;
	}

}
