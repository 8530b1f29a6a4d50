package org.ipoutlet.filing.eligibility;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.FilingApplication;
import org.ipoutlet.filing.FilingApplications;
import org.ipoutlet.filing.FilingSteps;
import org.ipoutlet.validation.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task 资格审查: runs every eligibility rule and records all failing reasons, not just the
 * first, as {@code eligible} and {@code ineligibilityReasons}, and records the result in the
 * application's aggregate (the status that the recommender's review requires).
 */
@Component("eligibilityCheck")
public class EligibilityCheck implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(EligibilityCheck.class);

	private final List<EligibilityRule> rules;
	private final BusinessClock clock;
	private final FilingSteps steps;
	private final FilingApplications applications;

	public EligibilityCheck(List<EligibilityRule> rules, BusinessClock clock, FilingSteps steps,
			FilingApplications applications) {
		this.applications = applications;
		this.rules = List.copyOf(rules);
		this.clock = clock;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// The institution is the one recorded at intake, whatever the variables say now.
		FilingApplication application = applications.ofProcessInstance(execution.getProcessInstanceId());
		ApplicationFacts facts = new ApplicationFacts(application.applicationNo(), application.uscc(), Boolean.TRUE.equals(execution.getVariable(INDEPENDENT_LEGAL_ENTITY)),
				((Number) execution.getVariable(STAFF_FULL_TIME)).intValue(),
				JsonValues.codes(execution.getVariable(IP_CATEGORIES)),
				JsonValues.codes(execution.getVariable(SERVICE_ITEMS)), (String) execution.getVariable(RECOMMENDER_ID),
				clock.today());
		List<String> reasons = evaluate(facts).stream().map(Enum::name).toList();
		steps.eligibility(execution, reasons.isEmpty());
		execution.setVariable(ELIGIBLE, reasons.isEmpty());
		execution.setVariable(INELIGIBILITY_REASONS, JsonValues.json(reasons));
		execution.setVariable(STAFF_WARNING, staffWarning(execution.getVariable(STAFF_PART_TIME)));
		log.info("Application {} eligibility: {}", facts.applicationNo(), reasons.isEmpty() ? "eligible" : reasons);
	}

	/**
	 * Art. 5(一) asks for "5名及以上专职人员和若干兼职人员": no part-time staff is no refusal, but the
	 * recommender is told in its review (README, "The team and the service items").
	 */
	static String staffWarning(Object staffPartTime) {
		return staffPartTime instanceof Number n && n.intValue() == 0 ? NO_PART_TIME_STAFF : null;
	}

	/** What the recommender reads in {@code preliminaryReview} when the institution has no part-time staff. */
	static final String NO_PART_TIME_STAFF = "申请机构填报的兼职人员数量为0。《办法》第五条（一）要求配备5名及以上专职人员和若干兼职人员，"
			+ "请在初审中核实其服务团队情况（此为提示，不影响受理）。";

	/** Every reason the application fails, in the order of the regulation's articles. */
	public List<IneligibilityReason> evaluate(ApplicationFacts facts) {
		return rules.stream()
			.map(rule -> rule.check(facts))
			.flatMap(Optional::stream)
			.sorted()
			.toList();
	}

}
