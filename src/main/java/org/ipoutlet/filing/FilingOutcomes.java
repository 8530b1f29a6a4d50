package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.ipoutlet.institution.BannedInstitutions;

/**
 * Closes an application at an end event (a built-in listener attached by {@link FilingStepsPlugin}).
 * The outcome must be the status the application's steps reached: an end event reached by a skipped
 * or forged path is refused.
 */
@Component("filingOutcomes")
class FilingOutcomes {

	private static final Logger log = LoggerFactory.getLogger(FilingOutcomes.class);

	private final FilingApplications applications;
	private final FilingSteps steps;
	private final FilingOpinions opinions;
	private final BannedInstitutions banned;
	private final BusinessClock clock;

	FilingOutcomes(FilingApplications applications, FilingSteps steps, FilingOpinions opinions,
			BannedInstitutions banned, BusinessClock clock) {
		this.applications = applications;
		this.steps = steps;
		this.opinions = opinions;
		this.banned = banned;
		this.clock = clock;
	}

	/**
	 * Records the outcome; a refusal for false materials (Art. 18) also bans the institution from
	 * applying for {@code ban-years} years from today.
	 */
	public void close(DelegateExecution execution, String outcome) {
		FilingOutcome result = FilingOutcome.valueOf(outcome);
		FilingApplication application = steps.record(execution, a -> a.close(result, clock.now()));
		String applicationNo = application.applicationNo();
		execution.setVariable(OUTCOME, result.name());
		applications.close(applicationNo, result.name(), clock.now());
		finalDecision(applicationNo, result);
		falseMaterialsBan(execution, application, result);
		log.info("Filing application {} closed: {}", applicationNo, result);
	}

	/**
	 * Art. 18: a refusal for false materials bans the institution for {@code ban-years} years from today,
	 * with the facts found, the decision's text, who decided and when. CNIPA's own finding (in review or
	 * on an upheld objection) bans at once; a recommender's finding (not recommended) only once CNIPA
	 * confirmed it.
	 */
	private void falseMaterialsBan(DelegateExecution execution, FilingApplication application, FilingOutcome result) {
		String applicationNo = application.applicationNo();
		java.util.Optional<FilingOpinion> decided = switch (result) {
			case REJECTED -> opinions.latest(applicationNo, FilingOpinion.Step.CNIPA_REVIEW);
			case OBJECTION_UPHELD -> opinions.latest(applicationNo, FilingOpinion.Step.OBJECTION_FINDING);
			case NOT_RECOMMENDED -> opinions.latest(applicationNo, FilingOpinion.Step.FALSE_MATERIALS_REVIEW);
			default -> java.util.Optional.empty();
		};
		if (decided.isEmpty() && result.refusal() && Boolean.TRUE.equals(execution.getVariable(FALSE_MATERIALS))) {
			// A step signed before the opinions were recorded (an instance older than V4).
			banned.ban(application.uscc(), (String) execution.getVariable(ORG_NAME), "备案过程中提供虚假材料（第十八条）",
					clock.today(), applicationNo);
			return;
		}
		if (decided.isEmpty() || !decided.get().falseMaterials()) {
			return;
		}
		FilingOpinion decision = decided.get();
		String facts = result == FilingOutcome.NOT_RECOMMENDED
				? opinions.latest(applicationNo, FilingOpinion.Step.PRELIMINARY_REVIEW).map(FilingOpinion::opinion).orElse(null)
				: decision.opinion();
		String reason = result == FilingOutcome.NOT_RECOMMENDED ? "推荐部门认定备案过程中提供虚假材料，经国家知识产权局确认（第十八条）"
				: "备案过程中提供虚假材料（第十八条）";
		LocalDate until = banned.ban(application.uscc(), (String) execution.getVariable(ORG_NAME), reason, clock.today(),
				applicationNo, facts, decision.opinion(), decision.handler(), decision.decidedAt());
		log.info("Application {}: false materials found, institution {} banned until {}", applicationNo,
				application.uscc(), until);
	}

	/**
	 * Section 八 (Art. 7(三)): CNIPA's final decision, signed once the application ends after CNIPA's
	 * review. 准予备案 once publicity ended without an upheld objection, signed by the reviewer who
	 * approved it; 不予备案 after a refusal in review (its opinion is the reason) or an upheld
	 * objection (the finding is the reason), signed by the reviewer of that step. Applications that
	 * never reached CNIPA have no section 八.
	 */
	private void finalDecision(String applicationNo, FilingOutcome result) {
		FilingOpinion.Step from = switch (result) {
			case FILED, REJECTED -> FilingOpinion.Step.CNIPA_REVIEW;
			case OBJECTION_UPHELD -> FilingOpinion.Step.OBJECTION_FINDING;
			default -> null;
		};
		if (from == null) {
			return;
		}
		opinions.latest(applicationNo, from).ifPresent(step -> {
			String decision = result == FilingOutcome.FILED ? FilingOpinion.FILED : FilingOpinion.NOT_FILED;
			String reason = switch (result) {
				case FILED -> step.opinion();
				case REJECTED -> "审核不通过：" + step.opinion();
				default -> "公示期间异议成立：" + step.opinion();
			};
			steps.sign(applicationNo, FilingOpinion.Step.FINAL_DECISION, decision, reason, step.handler(), step.head(),
					step.falseMaterials());
		});
	}

}
