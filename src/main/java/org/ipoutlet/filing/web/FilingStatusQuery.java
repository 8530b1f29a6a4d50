package org.ipoutlet.filing.web;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.filing.FilingOpinion;
import org.ipoutlet.filing.FilingOpinions;
import org.ipoutlet.filing.FilingOutcome;
import org.ipoutlet.filing.eligibility.IneligibilityReason;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.ApiUser;
import org.springframework.stereotype.Component;

/**
 * Reads a filing application from the engine's history, so ended applications answer too. Who may
 * see it is decided here, not by Camunda authorizations (an applicant holds no history permission):
 * the applicant who submitted it, its recommender, CNIPA and auditors; for anyone else it does not
 * exist.
 */
@Component
class FilingStatusQuery {


	private static final List<String> VARIABLES = List.of(APPLICANT, ORG_NAME, USCC, RECOMMENDER_ID, ELIGIBLE,
			INELIGIBILITY_REASONS, RECOMMENDATION, RECOMMENDER_OPINION, FILING_DECISION, CNIPA_OPINION,
			SUPPLEMENT_DEADLINE, PUBLICITY_STARTS, PUBLICITY_ENDS, OUTCOME, FILING_NO, VALID_FROM, VALID_UNTIL);

	private final HistoryService history;
	private final RuntimeService runtime;
	private final IdentityService identity;
	private final FilingOpinions opinions;

	FilingStatusQuery(HistoryService history, RuntimeService runtime, IdentityService identity,
			FilingOpinions opinions) {
		this.history = history;
		this.runtime = runtime;
		this.identity = identity;
		this.opinions = opinions;
	}

	/** A signed opinion as the API shows it. */
	static FilingStatus.Signed signed(FilingOpinion o) {
		return new FilingStatus.Signed(o.section().name(), o.section().label(), o.step().name(), o.decision(),
				FilingOpinion.decisionLabel(o.decision()), o.opinion(), o.handler(), o.head(),
				o.falseMaterials() ? Boolean.TRUE : null, o.decidedAt(), o.decidedOn().toString());
	}

	/** The application as {@code user} may see it; empty when it does not exist or is not theirs to see. */
	Optional<FilingStatus> find(String applicationNo, ApiUser user) {
		return EngineCalls.asSystem(identity, () -> instance(applicationNo).flatMap(instance -> {
			Map<String, Object> vars = variables(instance.getId());
			if (!mayRead(user, vars)) {
				return Optional.empty();
			}
			return Optional.of(status(applicationNo, instance, vars));
		}));
	}

	/** Whether an {@code outlet-filing} instance has this application number, whatever its state. */
	boolean exists(String applicationNo) {
		return EngineCalls.asSystem(identity, () -> instance(applicationNo).isPresent());
	}

	private static boolean mayRead(ApiUser user, Map<String, Object> vars) {
		return user.id().equals(vars.get(APPLICANT)) || user.isRecommender(String.valueOf(vars.get(RECOMMENDER_ID)))
				|| user.isCnipa() || user.isAuditor();
	}

	private Optional<HistoricProcessInstance> instance(String applicationNo) {
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(OUTLET_FILING)
			.processInstanceBusinessKey(applicationNo)
			.list()
			.stream()
			.findFirst();
	}

	private Map<String, Object> variables(String processInstanceId) {
		Map<String, Object> vars = new HashMap<>();
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(processInstanceId)
			.variableNameIn(VARIABLES.toArray(String[]::new))
			.disableBinaryFetching()
			.list()) {
			if (processInstanceId.equals(v.getExecutionId()) || !vars.containsKey(v.getName())) {
				vars.put(v.getName(), JsonValues.toJava(v.getValue()));
			}
		}
		return vars;
	}

	private FilingStatus status(String applicationNo, HistoricProcessInstance instance, Map<String, Object> vars) {
		boolean ended = instance.getEndTime() != null;
		String status = FilingOutcome.IN_PROGRESS;
		String label = FilingOutcome.IN_PROGRESS_LABEL;
		if (ended) {
			Optional<FilingOutcome> outcome = Arrays.stream(FilingOutcome.values())
				.filter(o -> o.name().equals(vars.get(OUTCOME)))
				.findFirst();
			status = outcome.map(FilingOutcome::name).orElse("TERMINATED");
			label = outcome.map(FilingOutcome::label).orElse("已终止");
		}
		List<FilingStatus.Reason> reasons = JsonValues.codes(vars.get(INELIGIBILITY_REASONS))
			.stream()
			.map(code -> Arrays.stream(IneligibilityReason.values())
				.filter(r -> r.name().equals(code))
				.findFirst()
				.map(r -> new FilingStatus.Reason(code, r.article(), r.label()))
				.orElse(new FilingStatus.Reason(code, null, code)))
			.toList();
		List<FilingStatus.ObjectionFinding> findings = objectionFindings(instance.getId());
		return new FilingStatus(applicationNo, text(vars, ORG_NAME), text(vars, USCC), text(vars, RECOMMENDER_ID),
				status, label, toInstant(instance.getStartTime()), toInstant(instance.getEndTime()),
				ended ? List.of() : steps(instance.getId(), vars), (Boolean) vars.get(ELIGIBLE),
				vars.containsKey(INELIGIBILITY_REASONS) ? reasons : null,
				new FilingStatus.Opinions(text(vars, RECOMMENDATION), text(vars, RECOMMENDER_OPINION),
						text(vars, FILING_DECISION), text(vars, CNIPA_OPINION), findings.isEmpty() ? null : findings),
				new FilingStatus.Deadlines(text(vars, SUPPLEMENT_DEADLINE), text(vars, PUBLICITY_STARTS),
						text(vars, PUBLICITY_ENDS)),
				text(vars, FILING_NO), text(vars, VALID_FROM), text(vars, VALID_UNTIL),
				opinions.sections(applicationNo).stream().map(FilingStatusQuery::signed).toList(),
				opinions.of(applicationNo).stream().map(FilingStatusQuery::signed).toList());
	}

	/** Open user tasks, waiting asynchronous work (e.g. the eligibility check) and publicity. */
	private List<FilingStatus.Step> steps(String processInstanceId, Map<String, Object> vars) {
		List<FilingStatus.Step> steps = new ArrayList<>();
		ActivityInstance root = runtime.getActivityInstance(processInstanceId);
		if (root != null) {
			collect(root, vars, steps);
		}
		return steps;
	}

	private static void collect(ActivityInstance activity, Map<String, Object> vars, List<FilingStatus.Step> steps) {
		if (PUBLICITY_SUBPROCESS.equals(activity.getActivityId())) {
			steps.add(new FilingStatus.Step("publicity", "公示", text(vars, PUBLICITY_STARTS), text(vars, PUBLICITY_ENDS)));
		}
		else if ("userTask".equals(activity.getActivityType())) {
			steps.add(new FilingStatus.Step(activity.getActivityId(), activity.getActivityName(), null, null));
		}
		for (TransitionInstance waiting : activity.getChildTransitionInstances()) {
			steps.add(new FilingStatus.Step(waiting.getActivityId(), waiting.getActivityName(), null, null));
		}
		for (ActivityInstance child : activity.getChildActivityInstances()) {
			collect(child, vars, steps);
		}
	}

	/**
	 * Every finding of a handled objection, in order. Each completion of {@code handleObjection} sets
	 * both the finding and whether the objection was upheld, in either order.
	 */
	private List<FilingStatus.ObjectionFinding> objectionFindings(String processInstanceId) {
		List<FilingStatus.ObjectionFinding> findings = new ArrayList<>();
		Boolean upheld = null;
		String finding = null;
		for (HistoricDetail detail : history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.disableBinaryFetching()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			if (detail instanceof HistoricVariableUpdate update && update.getValue() != null) {
				if (OBJECTION_UPHELD.equals(update.getVariableName()) && update.getValue() instanceof Boolean b) {
					upheld = b;
				}
				else if (OBJECTION_FINDING.equals(update.getVariableName())) {
					finding = update.getValue().toString();
				}
				if (upheld != null && finding != null) {
					findings.add(new FilingStatus.ObjectionFinding(upheld, finding));
					upheld = null;
					finding = null;
				}
			}
		}
		return findings;
	}

	private static String text(Map<String, Object> vars, String name) {
		Object value = vars.get(name);
		return value == null ? null : value.toString();
	}

	private static java.time.Instant toInstant(java.util.Date date) {
		return date == null ? null : date.toInstant();
	}

}
