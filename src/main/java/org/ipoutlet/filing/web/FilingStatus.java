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
		String validUntil) {

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
