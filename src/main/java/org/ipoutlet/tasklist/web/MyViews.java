package org.ipoutlet.tasklist.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code /api/me/**} answers (README, "Tasklist for reviewers and applicants"): a user's own
 * completed tasks (已办), its own applications and outlets (我的申请) and the path of a task it may
 * work (流程跟踪). Names of steps, statuses and decisions are the Chinese ones officials see.
 */
final class MyViews {

	private MyViews() {
	}

	/** A step done: a completed user task with the department that did it and what it decided. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(description = "已完成的环节 / a completed step")
	record Step(String key, String name,
			@Schema(description = "办理部门, e.g. 上海市知识产权局, 国家知识产权局, 申请单位") String department,
			@Schema(description = "Who completed it; not shown to applicants and outlets") String assignee,
			Instant startedAt, Instant completedAt,
			@Schema(description = "The decision's value, e.g. RECOMMEND, true") String decision,
			@Schema(description = "The decision in words, as the form offers it, e.g. 推荐") String decisionLabel,
			String opinion) {
	}

	/** A step waiting now: an open task, publicity, or work the engine is about to do. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CurrentStep(String key, String name, String department,
			@Schema(description = "The last day to do an open task (Asia/Shanghai), ISO date") String due) {
	}

	/** A date that concerns the applicant or outlet. */
	record Deadline(@Schema(description = "e.g. 补正期限, 公示期, 有效期至") String name,
			@Schema(description = "ISO date, or two dates joined by ' ~ ' for a period") String date) {
	}

	/** Where an instance stands now. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Standing(String processInstanceId, String processKey, String processName, String businessKey,
			String orgName, boolean running,
			@Schema(description = "办理中, 予以备案, 有效 …") String statusLabel, List<CurrentStep> currentSteps) {
	}

	/** 已办: a task the caller completed, with its decision and where the filing is now. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CompletedTask(String taskId, String taskKey, String taskName, Instant completedAt, String decision,
			String decisionLabel, String opinion, Standing now) {
	}

	record CompletedTasks(long total, int firstResult, int maxResults, List<CompletedTask> items) {
	}

	/** 我的申请: one filing application of the caller. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Application(String applicationNo, Instant submittedAt,
			@Schema(description = "IN_PROGRESS while it runs, else the outcome (FILED, REJECTED …)") String status,
			String filingNo, Standing now, List<Deadline> deadlines,
			@Schema(description = "Every step done so far, oldest first, with the decisions and opinions") List<Step> steps) {
	}

	/** 我的申请: one outlet of the caller and its lifecycle. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Outlet(String filingNo, @Schema(description = "Register status: FILED, RECTIFYING …") String status,
			String validFrom, String validUntil, Standing now, List<Deadline> deadlines, List<Step> steps) {
	}

	record Applications(List<Application> applications, List<Outlet> outlets) {
	}

	/** An activity of the instance's history, for the diagram. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Activity(String activityId, String activityName, String activityType, Instant startTime, Instant endTime) {
	}

	/** 流程跟踪: the path of a task's instance so far. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Trail(String taskId, String taskName, Standing now, List<Step> steps, List<Activity> activities,
			@Schema(description = "The BPMN 2.0 XML of the instance's diagram version") String diagramXml) {
	}

}
