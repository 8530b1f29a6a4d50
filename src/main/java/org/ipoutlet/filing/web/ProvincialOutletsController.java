package org.ipoutlet.filing.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.ProvincialOutlets;
import org.ipoutlet.institution.ProvincialOutlets.OtherProvinceException;
import org.ipoutlet.institution.ProvincialOutlets.ProvincialOutlet;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The register of provincial outlets (Art. 7(一)): each provincial IP office keeps its province's list,
 * which the provincial route of a filing is checked against (README, "Registers behind the eligibility
 * check").
 */
@RestController
@RequestMapping("/api/provincial-outlets")
@Tag(name = "registers", description = "省级网点名录与免予备案机构名单 / provincial outlets (Art. 7(一)) and exempt institutions (Art. 19)")
class ProvincialOutletsController {

	private static final Logger log = LoggerFactory.getLogger(ProvincialOutletsController.class);

	static final String USCC = "uscc";
	static final String ORG_NAME = "orgName";
	static final String PROVINCE = "province";
	static final String PROVINCIAL_FILING_NO = "provincialFilingNo";
	static final String FILED_ON = "filedOn";

	/** The columns of the import: JSON name → Chinese heading (either may head a column). */
	static final Map<String, String> COLUMNS = columns();

	private final ProvincialOutlets outlets;
	private final Recommenders recommenders;
	private final BusinessClock clock;

	ProvincialOutletsController(ProvincialOutlets outlets, Recommenders recommenders, BusinessClock clock) {
		this.outlets = outlets;
		this.recommenders = recommenders;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "省级网点名录 / The provincial outlets",
			description = "Readable by the reviewers: every recommending department, CNIPA, auditors, administrators "
					+ "(403 for outlets). Filter by province (the provincial office's recommender id, e.g. 310000, xpcc).")
	@ApiResponse(responseCode = "200", description = "The entries, by province and name")
	@ApiResponse(responseCode = "403", description = "The caller is an outlet institution",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<ProvincialOutletView> list(ApiUser user, @RequestParam(required = false) String province) {
		RegisterReaders.require(user);
		return outlets.list(province == null || province.isBlank() ? List.of() : List.of(province))
			.stream()
			.map(this::view)
			.toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "登记省级网点 / Record a provincial outlet",
			description = "Only the province's own office (group recommender-<province>). Records the institution, or "
					+ "updates its entry in the same province (200). 409 when it is a provincial outlet of another province.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ProvincialOutletDoc.class))))
	@ApiResponse(responseCode = "201", description = "Recorded")
	@ApiResponse(responseCode = "200", description = "The entry of the same province was updated")
	@ApiResponse(responseCode = "400", description = "Invalid; errors[] names every field and rule",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller is not the office of that province",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "A provincial outlet of another province",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ProvincialOutletView> record(ApiUser user, HttpServletRequest request) throws IOException {
		requireProvincialOffice(user);
		Map<String, Object> body = JsonBodies.object(request.getInputStream());
		JsonBodies.requireKnown(body, COLUMNS.keySet());
		Checked<ProvincialOutlet> checked = entry(body, user);
		if (!checked.errors().isEmpty()) {
			throw new InvalidRequestException(checked.errors());
		}
		ProvincialOutlet outlet = checked.value();
		if (!user.isRecommender(outlet.province())) {
			throw new AccessDeniedException("Only the office of province " + outlet.province()
					+ " (group recommender-" + outlet.province() + ") keeps its provincial outlets");
		}
		boolean created;
		try {
			created = outlets.save(outlet);
		}
		catch (OtherProvinceException ex) {
			throw otherProvince(outlet.uscc(), ex.province());
		}
		log.info("Provincial outlet {} of {} {} by {}", outlet.uscc(), outlet.province(), created ? "recorded" : "updated",
				user.id());
		return ResponseEntity.status(created ? 201 : 200).body(view(outlet));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "导入省级网点名录 (CSV) / Import provincial outlets from CSV",
			description = "A CSV file (UTF-8, with or without byte-order mark: Excel's 'CSV UTF-8'); row 1 names the "
					+ "columns uscc, orgName, province, provincialFilingNo, filedOn, or in Chinese 统一社会信用代码, 机构名称, "
					+ "省份, 省级网点备案编号, 备案日期. filedOn as 2025-06-30 or 2025/6/30. Every row is checked as by "
					+ "POST /api/provincial-outlets and must be of a province the caller's office keeps; any error "
					+ "refuses the whole file (nothing is stored) and errors[] lists every error of every row as "
					+ "rows[N].field, N the row of the sheet. At most 5000 rows.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
							example = "uscc,orgName,province,provincialFilingNo,filedOn\n"
									+ "91310000MA1FL0000X,上海某图书馆,310000,沪知网-2024-001,2024-05-20"))))
	@ApiResponse(responseCode = "200", description = "Every row stored")
	@ApiResponse(responseCode = "400", description = "A row or the file is invalid; nothing stored",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller is no provincial office",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	Imported importCsv(ApiUser user, HttpServletRequest request) throws IOException {
		requireProvincialOffice(user);
		List<CsvBodies.Row> rows = CsvBodies.rows(request.getInputStream().readAllBytes(), COLUMNS,
				List.of(USCC, ORG_NAME, PROVINCE, PROVINCIAL_FILING_NO, FILED_ON));
		Map<String, Long> firstRow = new HashMap<>();
		List<ProvincialOutlet> entries = CsvBodies.checkAll(rows, row -> {
			Checked<ProvincialOutlet> checked = entry(row.values(), user);
			if (!checked.errors().isEmpty()) {
				return checked;
			}
			ProvincialOutlet outlet = checked.value();
			List<FieldError> errors = new ArrayList<>();
			if (!user.isRecommender(outlet.province())) {
				errors.add(new FieldError(PROVINCE, "jurisdiction",
						"your office does not keep the provincial outlets of " + outlet.province(),
						"省份：只能导入本省（" + String.join("、", provincialIdsOf(user)) + "）的省级网点"));
			}
			Long earlier = firstRow.putIfAbsent(outlet.uscc(), row.number());
			if (earlier != null) {
				errors.add(new FieldError(USCC, "unique", "already in row " + earlier,
						"统一社会信用代码：与第" + earlier + "行重复"));
			}
			outlets.find(outlet.uscc())
				.filter(o -> !o.province().equals(outlet.province()))
				.ifPresent(o -> errors.add(new FieldError(USCC, "otherProvince",
						"is a provincial outlet of " + o.province(),
						"统一社会信用代码：该机构已列入" + officeName(o.province()) + "的省级网点名录，须由该局修改或删除")));
			return new Checked<>(outlet, errors);
		});
		int created;
		try {
			created = outlets.saveAll(entries);
		}
		catch (OtherProvinceException ex) {
			throw new ConflictException("An institution of the file became a provincial outlet of " + ex.province()
					+ " meanwhile; nothing was imported", "导入期间名录已被修改，未导入任何记录，请重试");
		}
		log.info("Provincial outlets imported by {}: {} rows, {} new", user.id(), entries.size(), created);
		return new Imported(entries.size(), created, entries.size() - created);
	}

	@DeleteMapping("/{uscc}")
	@Operation(summary = "移出省级网点名录 / Remove a provincial outlet",
			description = "Only the office of the entry's province. Applications already found eligible are not affected.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "403", description = "The caller is not the office of the entry's province",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such entry",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Void> remove(ApiUser user, @PathVariable String uscc) {
		requireProvincialOffice(user);
		ProvincialOutlet outlet = outlets.find(uscc)
			.orElseThrow(() -> new NotFoundException("No provincial outlet " + uscc));
		if (!user.isRecommender(outlet.province())) {
			throw new AccessDeniedException("Only the office of province " + outlet.province() + " removes its entries");
		}
		outlets.remove(uscc);
		log.info("Provincial outlet {} of {} removed by {}", uscc, outlet.province(), user.id());
		return ResponseEntity.noContent().build();
	}

	/** One entry's rules, the same for the JSON body and a CSV row. */
	private Checked<ProvincialOutlet> entry(Map<String, Object> values, ApiUser user) {
		Checks c = new Checks(values);
		Optional<String> uscc = Uscc.check(c, USCC, "统一社会信用代码");
		Optional<String> orgName = c.text(ORG_NAME, "机构名称", true, 200);
		Optional<String> province = c.oneOf(PROVINCE, "省份", true, provincialIds());
		Optional<String> filingNo = c.text(PROVINCIAL_FILING_NO, "省级网点备案编号", true, 64);
		Optional<LocalDate> filedOn = RegisterDates.pastDate(c, FILED_ON, "省级网点备案日期", clock.today());
		return Checked.of(c, () -> new ProvincialOutlet(uscc.get(), orgName.get(), province.get(), filingNo.get(),
				filedOn.get(), user.id(), clock.now()));
	}

	private ProvincialOutletView view(ProvincialOutlet o) {
		return new ProvincialOutletView(o.uscc(), o.orgName(), o.province(), officeName(o.province()),
				o.provincialFilingNo(), o.filedOn().toString(), o.recordedBy(), o.recordedAt().toString());
	}

	private String officeName(String province) {
		return recommenders.find(province).map(Recommenders.Recommender::name).orElse(province);
	}

	/** The provincial offices' ids: the 31 provinces and XPCC. */
	private List<String> provincialIds() {
		return recommenders.recommenders().stream().filter(Recommenders.Recommender::provincial)
			.map(Recommenders.Recommender::id).toList();
	}

	private List<String> provincialIdsOf(ApiUser user) {
		return user.recommenderIds().stream().filter(provincialIds()::contains).toList();
	}

	private void requireProvincialOffice(ApiUser user) {
		if (provincialIdsOf(user).isEmpty()) {
			throw new AccessDeniedException(
					"Only provincial IP offices (groups recommender-<province>) keep the provincial outlets (Art. 7(一))");
		}
	}

	private ConflictException otherProvince(String uscc, String province) {
		return new ConflictException("Institution " + uscc + " is a provincial outlet of " + province
				+ "; only that office changes its entry", "该机构已列入" + officeName(province) + "的省级网点名录，须由该局修改或删除");
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put(USCC, "统一社会信用代码");
		columns.put(ORG_NAME, "机构名称");
		columns.put(PROVINCE, "省份");
		columns.put(PROVINCIAL_FILING_NO, "省级网点备案编号");
		columns.put(FILED_ON, "备案日期");
		return java.util.Collections.unmodifiableMap(columns);
	}

	@Schema(description = "A provincial outlet (Art. 7(一))")
	record ProvincialOutletDoc(
			@Schema(description = "统一社会信用代码 (GB 32100-2015)", requiredMode = Schema.RequiredMode.REQUIRED) String uscc,
			@Schema(description = "机构名称, at most 200 characters", requiredMode = Schema.RequiredMode.REQUIRED) String orgName,
			@Schema(description = "省份: the provincial office's recommender id (310000 … 650000, xpcc)", requiredMode = Schema.RequiredMode.REQUIRED) String province,
			@Schema(description = "省级网点备案编号, at most 64 characters", requiredMode = Schema.RequiredMode.REQUIRED) String provincialFilingNo,
			@Schema(description = "省级网点备案日期 (ISO date, not in the future)", example = "2024-05-20", requiredMode = Schema.RequiredMode.REQUIRED) String filedOn) {
	}

	@Schema(description = "An entry of the provincial outlets' register")
	record ProvincialOutletView(String uscc, String orgName, String province, String provinceOffice,
			String provincialFilingNo, String filedOn, String recordedBy, String recordedAt) {
	}

	@Schema(description = "What an import stored")
	record Imported(int rows, int created, int updated) {
	}

}
