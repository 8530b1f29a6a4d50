package org.ipoutlet.annualreport.web;

import java.nio.charset.StandardCharsets;

import org.ipoutlet.annualreport.AnnualReports;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.InvalidRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * CNIPA's national overview of the annual reports (Art. 17; README, "The national overview"), for
 * {@code cnipa-reviewers} and {@code auditors}.
 */
@RestController
@RequestMapping("/api/annual-reports")
@Tag(name = "annual-reports", description = "年度工作总结全国汇总: the provinces' aggregates (Art. 17)")
class AnnualReportApiController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final AnnualReports reports;
	private final Recommenders recommenders;

	AnnualReportApiController(AnnualReports reports, Recommenders recommenders) {
		this.reports = reports;
		this.recommenders = recommenders;
	}

	@GetMapping(value = "/{year}/overview", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "National overview of a report year",
			description = "Per provincial office: the aggregate's state (PENDING, SUBMITTED, ACKNOWLEDGED) and the "
					+ "figures submitted / compliant / nonCompliant / pendingReview / missing, each with the outlets "
					+ "behind it. The report year is the year of the aggregation (2026 = the 2025 summaries). "
					+ "format=csv gives the CSV of /overview.csv.")
	@ApiResponse(responseCode = "200", description = "The overview")
	@ApiResponse(responseCode = "400", description = "year or format breaks a rule; errors[] names it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "Not cnipa-reviewers or auditors",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> overview(ApiUser user, @Parameter(description = "Report year, e.g. 2026") @PathVariable String year,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
		int reportYear = reportYear(year);
		allowed(user);
		if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view(reportYear));
		}
		if (format.equalsIgnoreCase("csv")) {
			return csv(reportYear);
		}
		throw new InvalidRequestException(new FieldError("format", "oneOf", "format must be json or csv",
				"格式：只能为 json 或 csv"));
	}

	@GetMapping(value = "/{year}/overview.csv", produces = "text/csv")
	@Operation(summary = "National overview of a report year as CSV (UTF-8 with BOM, for Excel)")
	@ApiResponse(responseCode = "200", description = "One row per provincial office")
	@ApiResponse(responseCode = "403", description = "Not cnipa-reviewers or auditors",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<byte[]> overviewCsv(ApiUser user, @PathVariable String year) {
		int reportYear = reportYear(year);
		allowed(user);
		return csv(reportYear);
	}

	private ResponseEntity<byte[]> csv(int reportYear) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("annual-report-" + reportYear + ".csv", StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(OverviewCsv.write(view(reportYear)));
	}

	NationalOverviewView view(int reportYear) {
		return NationalOverviewView.of(reports.national(reportYear), recommenders);
	}

	/** cnipa-reviewers (公共服务司) and auditors read the overview; no one else. */
	static void allowed(ApiUser user) {
		if (!user.isCnipa() && !user.isAuditor()) {
			throw new AccessDeniedException("The national overview is for cnipa-reviewers and auditors");
		}
	}

	/** A four-digit report year from 2000 to 2999 (as the annual-report process accepts). */
	static int reportYear(String year) {
		if (year == null || !year.matches("\\d{4}") || year.charAt(0) != '2') {
			throw new InvalidRequestException(new FieldError("year", "range",
					"year must be a report year from 2000 to 2999", "报告年度：应为2000至2999之间的四位年份"));
		}
		return Integer.parseInt(year);
	}

}
