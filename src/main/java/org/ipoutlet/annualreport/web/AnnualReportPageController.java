package org.ipoutlet.annualreport.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.web.ApiPaths;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.InvalidRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The national overview page 年度工作总结全国汇总 (Art. 17; README, "The national overview"), rendered on
 * the server (it works without JavaScript; every value is escaped by the template), for
 * {@code cnipa-reviewers} and {@code auditors} with their Camunda user (HTTP Basic, like the API).
 */
@Controller
class AnnualReportPageController {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final AnnualReportApiController api;
	private final BusinessClock clock;

	AnnualReportPageController(AnnualReportApiController api, BusinessClock clock) {
		this.api = api;
		this.clock = clock;
	}

	/** The current report year, or the one asked for in the year form. */
	@GetMapping("/annual-reports")
	String current(@RequestParam(required = false) String year) {
		String shown = year == null || year.isBlank() ? String.valueOf(clock.today().getYear()) : year.strip();
		return "redirect:/annual-reports/" + AnnualReportApiController.reportYear(shown);
	}

	@GetMapping("/annual-reports/{year}")
	String page(@PathVariable String year, HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("time", TIME);
		int reportYear;
		try {
			reportYear = AnnualReportApiController.reportYear(year);
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("message", e.errors().get(0).messageZh());
			return "annual-report-refused";
		}
		Optional<String> refusal = refusal(request, response);
		if (refusal.isPresent()) {
			model.addAttribute("message", refusal.get());
			return "annual-report-refused";
		}
		model.addAttribute("overview", api.view(reportYear));
		model.addAttribute("previousYear", reportYear - 1);
		model.addAttribute("nextYear", reportYear + 1);
		return "annual-report-overview";
	}

	/** The same CSV as {@code /api/annual-reports/{year}/overview.csv}, linked from the page. */
	@GetMapping("/annual-reports/{year}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String year, HttpServletRequest request, HttpServletResponse response) {
		int reportYear = AnnualReportApiController.reportYear(year);
		Optional<String> refusal = refusal(request, response);
		if (refusal.isPresent()) {
			return ResponseEntity.status(response.getStatus())
				.contentType(new org.springframework.http.MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(refusal.get().getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.contentType(AnnualReportApiController.CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("annual-report-" + reportYear + ".csv", StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(OverviewCsv.write(api.view(reportYear)));
	}

	/** 401 with the Basic challenge without a login, 403 for anyone but CNIPA and auditors. */
	private static Optional<String> refusal(HttpServletRequest request, HttpServletResponse response) {
		Optional<ApiUser> user = ApiUser.current(request);
		if (user.isEmpty()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiPaths.CHALLENGE);
			return Optional.of("请使用国家知识产权局公共服务司或审计监督的账号登录后查看。");
		}
		if (!user.get().isCnipa() && !user.get().isAuditor()) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return Optional.of("年度工作总结全国汇总仅供国家知识产权局公共服务司和审计监督人员查看。");
		}
		return Optional.empty();
	}

}
