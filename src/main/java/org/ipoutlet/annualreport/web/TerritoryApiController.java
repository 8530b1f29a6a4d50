package org.ipoutlet.annualreport.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.ipoutlet.annualreport.AnnualSummaries;
import org.ipoutlet.annualreport.Territories;
import org.ipoutlet.annualreport.TerritoryAccess;
import org.ipoutlet.annualreport.TerritoryAccess.Notice;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.web.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Provincial offices manage their territory (Art. 4, 15; README, "Provincial offices see their
 * territory"): read-only views of every outlet in the caller's province, including those an industry
 * department recommended — register record, annual summaries, rectification, the lifecycle's history
 * and open steps, and the notices of register changes. Nothing here changes anything.
 */
@RestController
@RequestMapping("/api/territory")
@Tag(name = "territory", description = "辖区网点: the outlets in a provincial office's province (Art. 4, 15)")
class TerritoryApiController {

	record OutletSummary(String filingNo, String orgName, String province, String provinceName, String officeId,
			String recommenderId, String recommenderName, boolean recommendedByOffice, String status,
			String statusLabel, LocalDate validFrom, LocalDate validUntil) {
	}

	record SummaryView(int year, String status, String statusLabel, Instant submittedAt, String reviewOpinion,
			Instant reviewedAt) {
	}

	record Rectification(boolean rectifying, LocalDate deadline, String reason) {
	}

	record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt) {
	}

	record OpenStep(String taskKey, String name, Instant createdAt) {
	}

	record NoticeView(long id, String officeId, String filingNo, String kind, String kindLabel, String text,
			Instant createdAt) {

		static NoticeView of(Notice n) {
			return new NoticeView(n.id(), n.officeId(), n.filingNo(), n.kind().name(), n.kind().label(), n.text(),
					n.createdAt());
		}
	}

	record OutletDetail(OutletSummary outlet, String address, String headName, String contactName, String phone,
			String email, List<String> serviceItems, List<SummaryView> annualSummaries, Rectification rectification,
			List<OpenStep> openSteps, List<Step> history, List<NoticeView> notices) {
	}

	private final OutletRepository outlets;
	private final Territories territories;
	private final TerritoryAccess access;
	private final AnnualSummaries summaries;
	private final Recommenders recommenders;
	private final HistoryService history;
	private final TaskService tasks;
	private final IdentityService identity;

	TerritoryApiController(OutletRepository outlets, Territories territories, TerritoryAccess access,
			AnnualSummaries summaries, Recommenders recommenders, HistoryService history, TaskService tasks,
			IdentityService identity) {
		this.outlets = outlets;
		this.territories = territories;
		this.access = access;
		this.summaries = summaries;
		this.recommenders = recommenders;
		this.history = history;
		this.tasks = tasks;
		this.identity = identity;
	}

	@GetMapping("/outlets")
	@Operation(summary = "The outlets in the caller's province(s)",
			description = "Every outlet whose office (the province where it sits; XPCC's own outlets for XPCC) is a "
					+ "provincial office the caller belongs to, whoever recommended it")
	@ApiResponse(responseCode = "200", description = "The outlets, by filing number")
	@ApiResponse(responseCode = "403", description = "The caller is no provincial office",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<OutletSummary> list(ApiUser user) {
		List<String> offices = offices(user);
		return outlets.findAll()
			.stream()
			.filter(o -> offices.contains(territories.officeOf(o)))
			.map(this::summary)
			.toList();
	}

	@GetMapping("/notices")
	@Operation(summary = "Notices to the caller's office(s)",
			description = "A read-only notice for every change of the register entry of an outlet in the territory "
					+ "that another department recommended (Art. 10), and for each move in or out; newest first")
	@ApiResponse(responseCode = "200", description = "The notices")
	@ApiResponse(responseCode = "403", description = "The caller is no provincial office",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<NoticeView> notices(ApiUser user) {
		return offices(user).stream()
			.flatMap(office -> access.notices(office).stream())
			.sorted(Comparator.comparing(Notice::createdAt).reversed())
			.map(NoticeView::of)
			.toList();
	}

	@GetMapping("/outlets/{filingNo}")
	@Operation(summary = "One outlet of the territory, read-only",
			description = "Register record, annual summaries, rectification, the lifecycle's open steps and history, "
					+ "notices. For its provincial office, its recommender, cnipa-reviewers and auditors; others 404")
	@ApiResponse(responseCode = "200", description = "The outlet")
	@ApiResponse(responseCode = "404", description = "No such outlet, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	OutletDetail get(ApiUser user, @PathVariable String filingNo) {
		Outlet o = outlets.find(filingNo)
			.filter(found -> user.isCnipa() || user.isAuditor() || user.isRecommender(territories.officeOf(found))
					|| user.isRecommender(found.recommenderId()))
			.orElseThrow(() -> new NotFoundException("No outlet with filing number " + filingNo));
		List<String> instances = access.lifecycleInstances(filingNo);
		// Access was decided above (Art. 4, 15); the engine is read as the application.
		List<Step> steps = EngineCalls.asSystem(identity, () -> instances.stream()
			.flatMap(id -> history.createHistoricActivityInstanceQuery()
				.processInstanceId(id)
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.list()
				.stream())
			.filter(a -> a.getActivityName() != null && !a.getActivityType().contains("Gateway"))
			.map(TerritoryApiController::step)
			.toList());
		List<OpenStep> open = EngineCalls.asSystem(identity, () -> instances.stream()
			.flatMap(id -> tasks.createTaskQuery().processInstanceId(id).list().stream())
			.map(t -> new OpenStep(t.getTaskDefinitionKey(), t.getName(), t.getCreateTime().toInstant()))
			.toList());
		return new OutletDetail(summary(o), o.details().address(), o.details().headName(), o.details().contactName(),
				o.details().phone(), o.details().email(), o.details().serviceItems(),
				summaries.forOutlet(filingNo)
					.stream()
					.map(s -> new SummaryView(s.year(), s.status().name(), s.status().label(), s.submittedAt(),
							s.reviewOpinion(), s.reviewedAt()))
					.toList(),
				new Rectification(o.status().name().equals("RECTIFYING"), o.rectificationDeadline(),
						o.status().name().equals("RECTIFYING") ? o.statusReason() : null),
				open, steps, access.noticesAbout(filingNo).stream().map(NoticeView::of).toList());
	}

	private static Step step(HistoricActivityInstance a) {
		return new Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getStartTime().toInstant(),
				a.getEndTime() == null ? null : a.getEndTime().toInstant());
	}

	private OutletSummary summary(Outlet o) {
		String office = territories.officeOf(o);
		return new OutletSummary(o.filingNo(), o.details().orgName(), o.details().province(),
				recommenders.provinces().getOrDefault(o.details().province(), o.details().province()), office,
				o.recommenderId(), territories.name(o.recommenderId()), office.equals(o.recommenderId()),
				o.status().name(), o.status().label(), o.validFrom(), o.validUntil());
	}

	/** The provincial offices the caller acts for; 403 when none. */
	private List<String> offices(ApiUser user) {
		List<String> offices = user.recommenderIds().stream().filter(territories::isOffice).toList();
		if (offices.isEmpty()) {
			throw new AccessDeniedException("The territory views are for provincial offices");
		}
		return offices;
	}

}
