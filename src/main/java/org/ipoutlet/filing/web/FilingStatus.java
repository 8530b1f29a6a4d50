package org.ipoutlet.filing.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a filing application stands, as its applicant, its recommender, CNIPA and auditors see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "备案申请办理情况 / status of a filing application")
record FilingStatus(
		String applicationNo,
		String orgName,
		String uscc,
		String recommenderId,
		@Schema(description = "IN_PROGRESS while the process runs, else the outcome (FILED, INELIGIBLE, NOT_RECOMMENDED, REJECTED, WITHDRAWN, OBJECTION_UPHELD)") String status,
		@Schema(description = "Chinese label of the status, e.g. 办理中, 予以备案") String statusLabel,
		Instant submittedAt,
		Instant endedAt,
		@Schema(description = "Current step(s): a user task, waiting work, or publicity with its dates") List<Step> currentSteps,
		Boolean eligible,
		List<Reason> ineligibilityReasons,
		Opinions opinions,
		Deadlines deadlines,
		String filingNo,
		String validFrom,
		String validUntil,
		@Schema(description = "备案表 sections 六, 七 and 八 as they stand: the latest 六 and 七, and 八 once CNIPA's final decision is made") List<Signed> sections,
		@Schema(description = "Every signed opinion in order: each submission and supplement (六), preliminary review (七), CNIPA review, objection finding and the final decision (八)") List<Signed> signedOpinions) {

	/**
	 * A signed and dated opinion (填表说明 二、三): 经办人 ({@code handler}) is the user who completed the
	 * step, {@code decidedOn} the server's date in Asia/Shanghai.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(description = "A signed opinion of section 六, 七 or 八")
	record Signed(@Schema(description = "SIX, SEVEN or EIGHT") String section, String sectionLabel,
			@Schema(description = "SUBMISSION, SUPPLEMENT, PRELIMINARY_REVIEW, CNIPA_REVIEW, OBJECTION_FINDING or FINAL_DECISION") String step,
			@Schema(description = "DECLARED, RECOMMEND, RETURN, NOT_RECOMMEND, APPROVE, REJECT, UPHELD, DISMISSED, FILED or NOT_FILED") String decision,
			String decisionLabel, String opinion, @Schema(description = "经办人: the user who completed the step") String handler,
			@Schema(description = "负责人") String head, Boolean falseMaterials, Instant decidedAt,
			@Schema(description = "ISO date in Asia/Shanghai") String decidedOn) {
	}

	/** A current step: a task key with its Chinese name; {@code publicity} with its dates. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Step(String key, String name, String starts, String ends) {
	}

	/** An ineligibility reason code with its article and Chinese label. */
	record Reason(String code, String article, String label) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Opinions(String recommendation, String recommenderOpinion, String filingDecision, String cnipaOpinion,
			List<ObjectionFinding> objectionFindings) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ObjectionFinding(Boolean upheld, String finding) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Deadlines(String supplementDeadline, String publicityStarts, String publicityEnds) {
	}

}
