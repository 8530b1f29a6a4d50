package org.ipoutlet.lifecycle.web;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.ipoutlet.TaskKeys;
import org.ipoutlet.lifecycle.ReportedChange;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Actions on a filed outlet (Art. 9, 10, 17, 18, 19): the outlet's own reports and applications,
 * and CNIPA's orders and findings. Every action answers 404 for an unknown filing number, 403 for
 * the wrong role and 409 when the outlet's lifecycle is not waiting for it.
 */
@RestController
@RequestMapping(path = "/api/outlets/{filingNo}", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "outlet lifecycle", description = "网点存续管理 / actions on a filed outlet (Art. 9, 10, 17-19)")
@ApiResponse(responseCode = "400", description = "Invalid; errors[] names the field and rule",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The caller may not do this for this outlet",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No outlet with this filing number",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The outlet's lifecycle does not await this now",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class OutletActionsController {

	static final List<String> RENEWAL_FIELDS = List.of(INDEPENDENT_LEGAL_ENTITY, STAFF_TOTAL, STAFF_FULL_TIME, WORK_FOUNDATION, DEVELOPMENT_PLAN,
			DECLARATION_TRUTHFUL);

	private final LifecycleActions actions;

	OutletActionsController(LifecycleActions actions) {
		this.actions = actions;
	}

	@PostMapping("/change-reports")
	@Operation(summary = "报告重要信息变更 / Report a change (Art. 10)",
			description = "The outlet's user reports (报备) changed name, place, head, contact or service items "
					+ "(orgName, address, province, headName, headTitle, contactName, phone, email, serviceItems); its "
					+ "recommender forwards it to CNIPA (or returns it for correction) and the register changes when "
					+ "CNIPA records it.")
	@ApiResponse(responseCode = "202", description = "Reported; the recommender forwards it to CNIPA")
	ResponseEntity<Void> reportChange(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asOutletUser(filingNo, user);
		Map<String, Object> body = body(request, ReportedChange.FIELDS);
		actions.send(() -> actions.messages().reportChange(filingNo, body));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/renewal")
	@Operation(summary = "申请续期 / Apply for renewal (Art. 9)",
			description = "Completes the outlet's open renewal application (applyForRenewal) with updated "
					+ "independentLegalEntity, staffTotal, staffFullTime, workFoundation, developmentPlan and declarationTruthful = true; "
					+ "the outlet stays valid (续期审核中) until the renewal is decided, and Art. 5 / 12 are checked again.")
	@ApiResponse(responseCode = "204", description = "Applied; the recommender reviews it")
	ResponseEntity<Void> renew(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asOutletUser(filingNo, user);
		actions.complete(filingNo, TaskKeys.APPLY_FOR_RENEWAL, "续期申请", body(request, RENEWAL_FIELDS));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/annual-summaries")
	@Operation(summary = "报送年度工作总结 / Submit the annual summary (Art. 17)",
			description = "Completes the outlet's open submitAnnualSummary task with {annualSummary}.")
	@ApiResponse(responseCode = "204", description = "Submitted; the recommender reviews it")
	ResponseEntity<Void> annualSummary(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asOutletUser(filingNo, user);
		actions.complete(filingNo, TaskKeys.SUBMIT_ANNUAL_SUMMARY, "年度工作总结报送", body(request, List.of(ANNUAL_SUMMARY)));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/rectification-reports")
	@Operation(summary = "提交整改报告 / Submit a rectification report (Art. 17)",
			description = "Completes the outlet's open submitRectificationReport task with {rectificationReport}.")
	@ApiResponse(responseCode = "204", description = "Submitted; CNIPA verifies it")
	ResponseEntity<Void> rectificationReport(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asOutletUser(filingNo, user);
		actions.complete(filingNo, TaskKeys.SUBMIT_RECTIFICATION_REPORT, "整改报告提交",
				body(request, List.of(RECTIFICATION_REPORT)));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/rectification-orders")
	@Operation(summary = "责令整改 / Order rectification (Art. 17)",
			description = "CNIPA only: {rectificationReason}; the outlet has six months.")
	@ApiResponse(responseCode = "202", description = "Ordered")
	ResponseEntity<Void> orderRectification(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asCnipa(filingNo, user);
		Map<String, Object> body = body(request, List.of(RECTIFICATION_REASON));
		actions.send(() -> actions.messages().orderRectification(filingNo, text(body, RECTIFICATION_REASON)));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/misconduct")
	@Operation(summary = "认定违规行为 / Record misconduct (Art. 18)",
			description = "CNIPA only: {misconductType = FALSE_MATERIALS, UNRELATED_COMMERCIAL_ACTIVITY or "
					+ "ILLEGAL_ACTIVITY, facts, decision} (facts and decision required, at most 2000 characters each). "
					+ "In any state of the outlet: a valid filing is revoked at once; for an expired, revoked or "
					+ "cancelled one the finding is recorded directly. The institution may not apply for three years "
					+ "from today; the finding keeps the facts, the decision, who (the caller) and when.")
	@ApiResponse(responseCode = "202", description = "Recorded; bannedUntil is the last day of the ban")
	ResponseEntity<Banned> misconduct(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asCnipa(filingNo, user);
		Map<String, Object> body = body(request, List.of(MISCONDUCT_TYPE, FACTS, DECISION));
		java.util.concurrent.atomic.AtomicReference<java.time.LocalDate> until = new java.util.concurrent.atomic.AtomicReference<>();
		actions.send(() -> until.set(actions.messages().reportMisconduct(filingNo, text(body, MISCONDUCT_TYPE),
				text(body, FACTS), text(body, DECISION), user.id())));
		return ResponseEntity.accepted().body(new Banned(filingNo, until.get().toString()));
	}

	/** The API's names of an Art. 18 finding's facts and decision (as for false materials after the fact). */
	static final String FACTS = "facts";
	static final String DECISION = "decision";

	/** The institution of the outlet may not apply until {@code bannedUntil} (inclusive). */
	record Banned(String filingNo, String bannedUntil) {
	}

	@PostMapping("/designations")
	@Operation(summary = "纳入知识产权公共服务体系 / Designate as TISC or university centre (Art. 19)",
			description = "CNIPA only: {designation} = TISC or UNIVERSITY_CENTRE; the filing is cancelled.")
	@ApiResponse(responseCode = "202", description = "Recorded")
	ResponseEntity<Void> designate(ApiUser user, @PathVariable String filingNo, HttpServletRequest request)
			throws IOException {
		actions.asCnipa(filingNo, user);
		Map<String, Object> body = body(request, List.of(DESIGNATION));
		actions.send(() -> actions.messages().designate(filingNo, text(body, DESIGNATION)));
		return ResponseEntity.accepted().build();
	}

	private static Map<String, Object> body(HttpServletRequest request, List<String> known) throws IOException {
		Map<String, Object> body = JsonBodies.object(request.getInputStream());
		JsonBodies.requireKnown(body, known);
		return body;
	}

	/** A text value; absent or blank ones are judged by the message's own check. */
	private static String text(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value != null && !(value instanceof String)) {
			throw new InvalidRequestException(new FieldError(field, "type", field + " must be text", field + "：应为文本"));
		}
		return (String) value;
	}

}
