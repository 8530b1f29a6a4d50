package org.ipoutlet.annualreport;

import static org.ipoutlet.ProcessKeys.ANNUAL_REPORT;
import static org.ipoutlet.annualreport.AnnualReportVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.annualreport.AnnualReports.Overview;
import org.ipoutlet.annualreport.AnnualSummaries.Status;
import org.ipoutlet.validation.SubmissionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code annual-report} (Art. 17), each a thin delegate over {@link AnnualReports}. */
@Configuration(proxyBeanMethods = false)
class AnnualReportDelegates {

	/**
	 * Fixes the report year: the business key when started by hand, else (yearly timer) the current
	 * year, which then becomes the business key. Marks a year already reported.
	 */
	@Bean
	JavaDelegate determineReportYear(AnnualReports reports) {
		return execution -> {
			String key = execution.getProcessBusinessKey();
			int year;
			if (key == null || key.isBlank()) {
				year = reports.currentReportYear();
				boolean duplicate = reports.exists(year);
				execution.setVariable(ALREADY_REPORTED, duplicate);
				if (!duplicate) {
					execution.setProcessBusinessKey(String.valueOf(year));
				}
			}
			else if (key.matches("\\d{4}")) {
				year = Integer.parseInt(key);
				execution.setVariable(ALREADY_REPORTED, false);
			}
			else {
				throw new IllegalArgumentException("business key of annual-report must be the report year, got " + key);
			}
			execution.setVariable(REPORT_YEAR, year);
			execution.setVariable(SUMMARY_YEAR, year - 1);
			execution.setVariable(RECOMMENDER_IDS,
					Variables.objectValue(reports.officesWithOutlets(year - 1)).create());
		};
	}

	/**
	 * Lists the outlets in one provincial office's territory (every outlet of its province, whoever
	 * recommended it) and their summaries for its form (local to its aggregation).
	 */
	@Bean
	JavaDelegate prepareAggregate(AnnualReports reports, Territories territories) {
		return execution -> {
			String officeId = (String) execution.getVariable(RECOMMENDER_ID);
			Overview o = reports.overview(officeId, summaryYear(execution));
			execution.setVariableLocal(RECOMMENDER_NAME, territories.name(officeId));
			execution.setVariableLocal(OUTLET_COUNT, o.outlets().size());
			execution.setVariableLocal(SUBMITTED_COUNT, (int) o.submitted());
			execution.setVariableLocal(COMPLIANT_COUNT, (int) o.count(Status.COMPLIANT));
			execution.setVariableLocal(NON_COMPLIANT_COUNT, (int) o.count(Status.NON_COMPLIANT));
			execution.setVariableLocal(PENDING_REVIEW_COUNT, (int) o.count(Status.SUBMITTED));
			execution.setVariableLocal(MISSING_COUNT, (int) o.missing());
			execution.setVariableLocal(SUMMARY_OVERVIEW, o.describe(SubmissionRule.ENGINE_TEXT_MAX));
			// Declared here so each recommender's remarks stay in its own aggregation.
			execution.setVariableLocal(AGGREGATE_REMARKS, null);
			execution.setVariableLocal(AGGREGATED_BY, null);
			execution.setVariableLocal(ACKNOWLEDGE_REMARKS, null);
			execution.setVariableLocal(ACKNOWLEDGED_BY, null);
		};
	}

	/** The remarks are required (checked by the engine before this listener runs, like every form). */
	@Bean
	SubmissionRule aggregateAnnualReportForm() {
		return SubmissionRule.decision(ANNUAL_REPORT, TaskKeys.AGGREGATE_ANNUAL_REPORT, List.of(),
				c -> c.text(AGGREGATE_REMARKS, "汇总意见", true, SubmissionRule.ENGINE_TEXT_MAX));
	}

	/** CNIPA's acknowledgement carries its remarks (required). */
	@Bean
	SubmissionRule acknowledgeAnnualReportForm() {
		return SubmissionRule.decision(ANNUAL_REPORT, TaskKeys.ACKNOWLEDGE_ANNUAL_REPORT, List.of(),
				c -> c.text(ACKNOWLEDGE_REMARKS, "确认意见", true, SubmissionRule.OPINION_MAX));
	}

	/** Records who aggregated (the task's user). */
	@Bean
	TaskListener aggregateCompleted() {
		return task -> task.setVariable(AGGREGATED_BY, userOf(task));
	}

	/** Records who acknowledged for CNIPA (the task's user). */
	@Bean
	TaskListener acknowledgementCompleted() {
		return task -> task.setVariable(ACKNOWLEDGED_BY, userOf(task));
	}

	/**
	 * Sends the office's aggregate on to CNIPA: recorded with the outlets behind each figure, where
	 * CNIPA's overview reads it (README, "The national overview").
	 */
	@Bean
	JavaDelegate forwardAggregate(AnnualReports reports) {
		return execution -> {
			String officeId = (String) execution.getVariable(RECOMMENDER_ID);
			Overview o = reports.overview(officeId, summaryYear(execution));
			reports.forward(reportYear(execution), o, (String) execution.getVariable(AGGREGATE_REMARKS),
					(String) execution.getVariable(AGGREGATED_BY));
		};
	}

	/** CNIPA acknowledged the office's aggregate ({@code acknowledgeAnnualReport}). */
	@Bean
	JavaDelegate recordAcknowledgement(AnnualReports reports) {
		return execution -> reports.acknowledge(reportYear(execution), (String) execution.getVariable(RECOMMENDER_ID),
				(String) execution.getVariable(ACKNOWLEDGE_REMARKS), (String) execution.getVariable(ACKNOWLEDGED_BY));
	}

	private static String userOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
		Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return auth != null ? auth.getUserId() : task.getAssignee();
	}

	private static int reportYear(DelegateExecution execution) {
		return ((Number) execution.getVariable(REPORT_YEAR)).intValue();
	}

	private static int summaryYear(DelegateExecution execution) {
		return ((Number) execution.getVariable(SUMMARY_YEAR)).intValue();
	}

}
