package org.ipoutlet.filing.web;

import static org.ipoutlet.filing.FilingVariables.*;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.filing.FalseMaterialsFindings;
import org.ipoutlet.filing.FilingMessages;
import org.ipoutlet.filing.FilingOutcome;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.JsonBodies;
import org.ipoutlet.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/** Filing applications (Art. 5–8): submission by the institution, its status, objections during publicity. */
@RestController
@RequestMapping("/api/filings")
@Tag(name = "filings", description = "备案申请 / filing applications (Art. 5-8)")
class FilingApiController {

	static final String APPLICATION_PART = "application";
	static final int OBJECTION_MAX = 2000;
	static final int OBJECTOR_CONTACT_MAX = 200;

	private final FilingSubmissions submissions;
	private final FilingStatusQuery statuses;
	private final FilingMessages messages;
	private final IdentityService identity;
	private final FalseMaterialsFindings findings;

	FilingApiController(FilingSubmissions submissions, FilingStatusQuery statuses, FilingMessages messages,
			IdentityService identity, FalseMaterialsFindings findings) {
		this.submissions = submissions;
		this.statuses = statuses;
		this.messages = messages;
		this.identity = identity;
		this.findings = findings;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "提交备案申请 / Submit a filing application",
			description = "Only users of group outlets; the caller becomes the applicant. Either JSON: the 备案表 as "
					+ "an object whose properties are the process variable names, with the work rules (相关工作制度, "
					+ "PDF/DOC/DOCX, required, Art. 6) and the sealed form (PDF/JPG/PNG; without it the application waits "
					+ "in the applicant's step attachDocuments until it is uploaded) inline "
					+ "as {\"filename\": ..., \"contentBase64\": ...}; or multipart/form-data: part `application` (the "
					+ "备案表 as JSON, without documents), file part `workRules` and optional file part `sealedForm`. "
					+ "Validated by the same rules as the Tasklist start form before anything is stored.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(ref = "#/components/schemas/" + FilingApplicationSchema.APPLICATION)),
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(ref = "#/components/schemas/" + FilingApplicationSchema.UPLOAD),
							encoding = @Encoding(name = APPLICATION_PART, contentType = MediaType.APPLICATION_JSON_VALUE)) }))
	@ApiResponse(responseCode = "201", description = "Submitted; Location names the application")
	@ApiResponse(responseCode = "400", description = "Invalid; errors[] names every field and rule",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller is not an outlet institution",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The institution (uscc) already has an application in progress",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "A body over 16 MB, a file over 10 MB or a multipart request over 12 MB",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Submitted> submitJson(ApiUser user, HttpServletRequest request) throws IOException {
		requireOutlet(user);
		return submitted(submissions.submit(FilingRequest.fromJson(JsonBodies.object(request.getInputStream()))));
	}

	/** The multipart form of {@link #submitJson}; documented there (one OpenAPI operation per path and method). */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(hidden = true)
	ResponseEntity<Submitted> submitMultipart(ApiUser user, HttpServletRequest request)
			throws IOException, ServletException {
		requireOutlet(user);
		Part application = request.getPart(APPLICATION_PART);
		if (application == null) {
			throw new InvalidRequestException(new FieldError(APPLICATION_PART, "required",
					"Part application (the 备案表 as JSON) is required", "缺少上传内容 application（备案表 JSON）"));
		}
		Map<String, Object> form = JsonBodies.object(application.getInputStream());
		return submitted(submissions.submit(FilingRequest.fromParts(form, documentParts(request))));
	}

	@PostMapping(path = "/{applicationNo}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传备案附件 / Attach documents to an application in progress",
			description = "The applicant only: multipart parts workRules (PDF/DOC/DOCX) and/or sealedForm "
					+ "(PDF/JPG/PNG, the signed and sealed 备案表), at most 10 MB each here. Without both documents an "
					+ "application waits in the applicant's step attachDocuments (Art. 6); the upload that completes them "
					+ "sends it to the recommender. 404 for anyone else, 409 once the application is closed.")
	@ApiResponse(responseCode = "204", description = "Attached")
	ResponseEntity<Void> attach(ApiUser user, @PathVariable String applicationNo, HttpServletRequest request)
			throws IOException, ServletException {
		Map<String, Object> documents = new LinkedHashMap<>();
		documentParts(request).forEach((field, document) -> documents.put(field, document.toFileValue()));
		if (documents.isEmpty()) {
			throw new InvalidRequestException(new FieldError(WORK_RULES, "required",
					"Attach workRules and/or sealedForm as file parts", "请上传相关工作制度或盖章备案表扫描件"));
		}
		submissions.attach(applicationNo, user, documents);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{applicationNo}")
	@Operation(summary = "查询备案申请办理情况 / Status of a filing application",
			description = "Status or outcome with its Chinese label, current step(s), opinions, deadlines, filing "
					+ "number and validity once filed, ineligibility reasons. Visible to the applicant who submitted "
					+ "it, its recommender, CNIPA and auditors; 404 for anyone else.")
	@ApiResponse(responseCode = "200", description = "The application",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FilingStatus.class)))
	@ApiResponse(responseCode = "404", description = "No such application, or not visible to the caller",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	FilingStatus status(ApiUser user, @PathVariable String applicationNo) {
		// Written HTML-safe and with nosniff like every /api answer (README: Security).
		return statuses.find(applicationNo, user).orElseThrow(() -> notFound(applicationNo));
	}

	@PostMapping(path = "/{applicationNo}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@Operation(summary = "公示期异议 / Object to an application in publicity",
			description = "Public, no login needed. Accepted only while the application is in publicity (Art. 7(三)); "
					+ "CNIPA then verifies the objection.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ObjectionDoc.class))))
	@ApiResponse(responseCode = "202", description = "The objection was accepted for verification")
	@ApiResponse(responseCode = "400", description = "Invalid; errors[] names every field and rule",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such application",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The application is not in publicity",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Void> object(@PathVariable String applicationNo, HttpServletRequest request) throws IOException {
		Map<String, Object> body = JsonBodies.object(request.getInputStream());
		JsonBodies.requireKnown(body, List.of(OBJECTION, OBJECTOR_CONTACT));
		Checks checks = new Checks(body);
		checks.text(OBJECTION, "异议内容", true, OBJECTION_MAX);
		checks.text(OBJECTOR_CONTACT, "异议人联系方式", true, OBJECTOR_CONTACT_MAX);
		if (!checks.errors().isEmpty()) {
			throw new InvalidRequestException(checks.errors());
		}
		if (!statuses.exists(applicationNo)) {
			throw notFound(applicationNo);
		}
		try {
			EngineCalls.asSystem(identity, () -> messages.raiseObjection(applicationNo, (String) body.get(OBJECTION),
					(String) body.get(OBJECTOR_CONTACT)));
		}
		catch (FilingMessages.NotInPublicityException ex) {
			throw new ConflictException("Application " + applicationNo
					+ " is not in publicity: objections are accepted only during publicity",
					"公示期外不受理异议：申请 " + applicationNo + " 不在公示期内");
		}
		return ResponseEntity.accepted().build();
	}

	@PostMapping(path = "/{applicationNo}/false-materials", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "办结后认定提供虚假材料 / False materials found after the application ended (Art. 18)",
			description = "CNIPA only. For an application that ended without being filed (ineligible, not recommended, "
					+ "rejected, withdrawn, objection upheld): bans the institution (by USCC) for three years from today, "
					+ "keeping the facts, the decision, who (the caller) and when. 409 while the application is in "
					+ "progress (decided in its review) or once filed (POST /api/outlets/{filingNo}/misconduct).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = FalseMaterialsDoc.class))))
	@ApiResponse(responseCode = "201", description = "Banned; bannedUntil is the last day")
	@ApiResponse(responseCode = "400", description = "Invalid; errors[] names every field and rule",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller is not CNIPA",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The application is in progress or was filed",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Banned> falseMaterials(ApiUser user, @PathVariable String applicationNo, HttpServletRequest request)
			throws IOException {
		if (!user.isCnipa()) {
			throw new AccessDeniedException("Only CNIPA (group cnipa-reviewers) decides on false materials (Art. 18)");
		}
		Map<String, Object> body = JsonBodies.object(request.getInputStream());
		JsonBodies.requireKnown(body, List.of(FACTS, DECISION));
		Checks checks = new Checks(body);
		checks.text(FACTS, "查实的事实", true, OBJECTION_MAX);
		checks.text(DECISION, "认定决定", true, OBJECTION_MAX);
		if (!checks.errors().isEmpty()) {
			throw new InvalidRequestException(checks.errors());
		}
		return findings.afterTheFact(applicationNo, ((String) body.get(FACTS)).strip(),
				((String) body.get(DECISION)).strip(), user.id())
			.map(until -> ResponseEntity.status(201).body(new Banned(applicationNo, until.toString())))
			.orElseThrow(() -> notFound(applicationNo));
	}

	static final String FACTS = "facts";
	static final String DECISION = "decision";

	@Schema(description = "Art. 18 finding after the fact")
	record FalseMaterialsDoc(@Schema(description = "查实的事实, at most 2000 characters", requiredMode = Schema.RequiredMode.REQUIRED) String facts,
			@Schema(description = "认定决定, at most 2000 characters", requiredMode = Schema.RequiredMode.REQUIRED) String decision) {
	}

	@Schema(description = "The institution is banned until bannedUntil (inclusive)")
	record Banned(String applicationNo, String bannedUntil) {
	}

	private static void requireOutlet(ApiUser user) {
		if (!user.isOutlet()) {
			throw new AccessDeniedException("Only outlet institutions (group outlets) submit filing applications");
		}
	}

	/** The document file parts (workRules, sealedForm) of a multipart request, each with its file name. */
	private static Map<String, FilingRequest.Document> documentParts(HttpServletRequest request)
			throws IOException, ServletException {
		Map<String, FilingRequest.Document> files = new LinkedHashMap<>();
		for (String field : FilingRequest.DOCUMENTS) {
			Part part = request.getPart(field);
			if (part == null) {
				continue;
			}
			if (part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()) {
				throw new InvalidRequestException(new FieldError(field, "type", field + " must be a file part with a file name",
						field + "：应以文件形式上传"));
			}
			files.put(field, new FilingRequest.Document(part.getSubmittedFileName(), part.getInputStream().readAllBytes()));
		}
		return files;
	}

	private static NotFoundException notFound(String applicationNo) {
		return new NotFoundException("No filing application " + applicationNo);
	}

	private static ResponseEntity<Submitted> submitted(String applicationNo) {
		return ResponseEntity.created(URI.create("/api/filings/" + applicationNo))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new Submitted(applicationNo, FilingOutcome.IN_PROGRESS, FilingOutcome.IN_PROGRESS_LABEL));
	}

	@Schema(description = "A submitted application")
	record Submitted(String applicationNo, String status, String statusLabel) {
	}

	@Schema(description = "异议 / an objection during publicity")
	record ObjectionDoc(@Schema(description = "异议内容, at most 2000 characters", requiredMode = Schema.RequiredMode.REQUIRED) String objection,
			@Schema(description = "异议人联系方式, at most 200 characters", requiredMode = Schema.RequiredMode.REQUIRED) String objectorContact) {
	}

}
