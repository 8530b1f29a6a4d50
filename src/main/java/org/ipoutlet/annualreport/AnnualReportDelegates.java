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
import org.ipoutlet.identity.Recommenders;
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
					Variables.objectValue(reports.recommendersWithOutlets(year - 1)).create());
		};
	}

	/** Lists one recommender's outlets and their summaries for its form (local to its aggregation). */
	@Bean
	JavaDelegate prepareAggregate(AnnualReports reports, Recommenders recommenders) {
		return execution -> {
			String recommenderId = (String) execution.getVariable(RECOMMENDER_ID);
			Overview o = reports.overview(recommenderId, summaryYear(execution));
			execution.setVariableLocal(RECOMMENDER_NAME,
					recommenders.find(recommenderId).map(r -> r.name()).orElse(recommenderId));
			execution.setVariableLocal(OUTLET_COUNT, o.outlets().size());
			execution.setVariableLocal(SUBMITTED_COUNT, (int) o.submitted());
			execution.setVariableLocal(COMPLIANT_COUNT, (int) o.count(Status.COMPLIANT));
			execution.setVariableLocal(NON_COMPLIANT_COUNT, (int) o.count(Status.NON_COMPLIANT));
			execution.setVariableLocal(PENDING_REVIEW_COUNT, (int) o.count(Status.SUBMITTED));
			execution.setVariableLocal(MISSING_COUNT, (int) o.missing());
			execution.setVariableLocal(SUMMARY_OVERVIEW, o.describe());
			// Declared here so each recommender's remarks stay in its own aggregation.
			execution.setVariableLocal(AGGREGATE_REMARKS, null);
			execution.setVariableLocal(AGGREGATED_BY, null);
		};
	}

	/** The remarks are required (checked by the engine before this listener runs, like every form). */
	@Bean
	SubmissionRule aggregateAnnualReportForm() {
		return SubmissionRule.decision(ANNUAL_REPORT, TaskKeys.AGGREGATE_ANNUAL_REPORT, List.of(),
				c -> c.text(AGGREGATE_REMARKS, "汇总意见", true, 4000));
	}

	/** Records who aggregated (the task's user). */
	@Bean
	TaskListener aggregateCompleted() {
		return task -> {
			Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			task.setVariable(AGGREGATED_BY, auth != null ? auth.getUserId() : task.getAssignee());
		};
	}

	/** Sends the recommender's aggregate on to CNIPA (recorded where CNIPA sees all aggregates). */
	@Bean
	JavaDelegate forwardAggregate(AnnualReports reports) {
		return execution -> {
			String recommenderId = (String) execution.getVariable(RECOMMENDER_ID);
			Overview o = reports.overview(recommenderId, summaryYear(execution));
			reports.forward(((Number) execution.getVariable(REPORT_YEAR)).intValue(), o,
					(String) execution.getVariable(AGGREGATE_REMARKS), (String) execution.getVariable(AGGREGATED_BY));
		};
	}

	private static int summaryYear(DelegateExecution execution) {
		return ((Number) execution.getVariable(SUMMARY_YEAR)).intValue();
	}

}
