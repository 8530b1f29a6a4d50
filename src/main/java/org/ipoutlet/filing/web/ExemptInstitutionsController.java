package org.ipoutlet.filing.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.institution.ExemptInstitutions.ExemptInstitution;
import org.ipoutlet.institution.ExemptInstitutions.Exemption;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.CsvBodies;
import org.ipoutlet.web.CsvBodies.Checked;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.JsonBodies;
import org.ipoutlet.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
 * Art. 19: the institutions already in the public service system, which need no filing and may not
 * file, maintained by CNIPA (README, "Registers behind the eligibility check"). The eligibility check
 * reads this list whenever it runs (at submission and after a supplement).
 */
@RestController
@RequestMapping("/api/exempt-institutions")
@Tag(name = "registers")
class ExemptInstitutionsController {

	private static final Logger log = LoggerFactory.getLogger(ExemptInstitutionsController.class);

	static final String USCC = "uscc";
	static final String ORG_NAME = "orgName";
	static final String EXEMPTION = "exemption";
	static final String NOTE = "note";

	static final Map<String, String> COLUMNS = columns();

	private final ExemptInstitutions exempt;
	private final BusinessClock clock;

	ExemptInstitutionsController(ExemptInstitutions exempt, BusinessClock clock) {
		this.exempt = exempt;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "免予备案机构名单 / The exempt institutions (Art. 19)",
			description = "Readable by every recommending department, CNIPA, auditors and administrators (403 for outlets).")
	@ApiResponse(responseCode = "200", description = "The entries, by name")
	@ApiResponse(responseCode = "403", description = "The caller is an outlet institution",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<ExemptView> list(ApiUser user) {
		RegisterReaders.require(user);
		return exempt.list().stream().map(ExemptInstitutionsController::view).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "登记免予备案机构 / Record an exempt institution",
			description = "CNIPA only (cnipa-reviewers). Records the institution or updates its entry (200).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ExemptDoc.class))))
	@ApiResponse(responseCode = "201", description = "Recorded")
	@ApiResponse(responseCode = "200", description = "Updated")
	@ApiResponse(responseCode = "400", description = "Invalid; errors[] names every field and rule",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller is not CNIPA",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ExemptView> record(ApiUser user, HttpServletRequest request) throws IOException {
		requireCnipa(user);
		Map<String, Object> body = JsonBodies.object(request.getInputStream());
		JsonBodies.requireKnown(body, COLUMNS.keySet());
		Checked<ExemptInstitution> checked = entry(body, user);
		if (!checked.errors().isEmpty()) {
			throw new InvalidRequestException(checked.errors());
		}
		ExemptInstitution e = checked.value();
		boolean created = exempt.save(e.uscc(), e.orgName(), e.exemption(), e.note(), e.recordedBy(), e.recordedAt());
		log.info("Exempt institution {} ({}) {} by {}", e.uscc(), e.exemption(), created ? "recorded" : "updated", user.id());
		return ResponseEntity.status(created ? 201 : 200).body(view(e));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "导入免予备案机构名单 (CSV) / Import exempt institutions from CSV",
			description = "CNIPA only. A CSV file (UTF-8, with or without byte-order mark); row 1 names the columns uscc, "
					+ "orgName, exemption, note (optional), or in Chinese 统一社会信用代码, 机构名称, 类别, 备注. exemption is "
					+ "a code (CNIPA_UNIT, SERVICE_NODE, PROTECTION_CENTRE, TISC, UNIVERSITY_CENTRE) or its Chinese name. "
					+ "Any error refuses the whole file (nothing is stored); errors[] lists every error as rows[N].field.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
							example = "uscc,orgName,exemption,note\n121000004000009995,某技术与创新支持中心,TISC,第三批"))))
	@ApiResponse(responseCode = "200", description = "Every row stored")
	@ApiResponse(responseCode = "400", description = "A row or the file is invalid; nothing stored",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller is not CNIPA",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ProvincialOutletsController.Imported importCsv(ApiUser user, HttpServletRequest request) throws IOException {
		requireCnipa(user);
		List<CsvBodies.Row> rows = CsvBodies.rows(request.getInputStream().readAllBytes(), COLUMNS,
				List.of(USCC, ORG_NAME, EXEMPTION));
		Map<String, Long> firstRow = new HashMap<>();
		List<ExemptInstitution> entries = CsvBodies.checkAll(rows, row -> {
			Map<String, Object> values = new LinkedHashMap<>(row.values());
			// A Chinese name in the sheet stands for its code.
			Object exemption = values.get(EXEMPTION);
			for (Exemption e : Exemption.values()) {
				if (e.label().equals(exemption)) {
					values.put(EXEMPTION, e.name());
				}
			}
			Checked<ExemptInstitution> checked = entry(values, user);
			if (!checked.errors().isEmpty()) {
				return checked;
			}
			List<FieldError> errors = new ArrayList<>();
			Long earlier = firstRow.putIfAbsent(checked.value().uscc(), row.number());
			if (earlier != null) {
				errors.add(new FieldError(USCC, "unique", "already in row " + earlier, "统一社会信用代码：与第" + earlier + "行重复"));
			}
			return new Checked<>(checked.value(), errors);
		});
		int created = exempt.saveAll(entries);
		log.info("Exempt institutions imported by {}: {} rows, {} new", user.id(), entries.size(), created);
		return new ProvincialOutletsController.Imported(entries.size(), created, entries.size() - created);
	}

	@DeleteMapping("/{uscc}")
	@Operation(summary = "移出免予备案机构名单 / Remove an exempt institution", description = "CNIPA only.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "403", description = "The caller is not CNIPA",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such entry",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Void> remove(ApiUser user, @PathVariable String uscc) {
		requireCnipa(user);
		if (!exempt.remove(uscc)) {
			throw new NotFoundException("No exempt institution " + uscc);
		}
		log.info("Exempt institution {} removed by {}", uscc, user.id());
		return ResponseEntity.noContent().build();
	}

	private Checked<ExemptInstitution> entry(Map<String, Object> values, ApiUser user) {
		Checks c = new Checks(values);
		Optional<String> uscc = Uscc.check(c, USCC, "统一社会信用代码");
		Optional<String> orgName = c.text(ORG_NAME, "机构名称", true, 200);
		Optional<String> exemption = c.oneOf(EXEMPTION, "类别", true, Exemption.codes());
		Optional<String> note = c.text(NOTE, "备注", false, 400);
		return Checked.of(c, () -> new ExemptInstitution(uscc.get(), orgName.get(), Exemption.valueOf(exemption.get()),
				note.orElse(null), user.id(), clock.now()));
	}

	private static ExemptView view(ExemptInstitution e) {
		return new ExemptView(e.uscc(), e.orgName(), e.exemption().name(), e.exemption().label(), e.note(), e.recordedBy(),
				e.recordedAt() == null ? null : e.recordedAt().toString());
	}

	private static void requireCnipa(ApiUser user) {
		if (!user.isCnipa()) {
			throw new AccessDeniedException("Only CNIPA (group cnipa-reviewers) maintains the exempt institutions (Art. 19)");
		}
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put(USCC, "统一社会信用代码");
		columns.put(ORG_NAME, "机构名称");
		columns.put(EXEMPTION, "类别");
		columns.put(NOTE, "备注");
		return java.util.Collections.unmodifiableMap(columns);
	}

	@Schema(description = "An exempt institution (Art. 19)")
	record ExemptDoc(
			@Schema(description = "统一社会信用代码 (GB 32100-2015)", requiredMode = Schema.RequiredMode.REQUIRED) String uscc,
			@Schema(description = "机构名称, at most 200 characters", requiredMode = Schema.RequiredMode.REQUIRED) String orgName,
			@Schema(description = "类别", allowableValues = { "CNIPA_UNIT", "SERVICE_NODE", "PROTECTION_CENTRE", "TISC",
					"UNIVERSITY_CENTRE" }, requiredMode = Schema.RequiredMode.REQUIRED) String exemption,
			@Schema(description = "备注, at most 400 characters") String note) {
	}

	@Schema(description = "An entry of the exempt institutions")
	record ExemptView(String uscc, String orgName, String exemption, String exemptionLabel, String note,
			String recordedBy, String recordedAt) {
	}

}
