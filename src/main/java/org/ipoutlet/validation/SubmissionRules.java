package org.ipoutlet.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/** All {@link SubmissionRule}s, found by process key and step. */
@Component
public class SubmissionRules {

	private final List<SubmissionRule> rules;

	public SubmissionRules(List<SubmissionRule> rules) {
		this.rules = List.copyOf(rules);
	}

	private Checks check(String processKey, String step, Checks checks) {
		find(processKey, step).ifPresent(rule -> rule.check(checks));
		return checks;
	}

	public Optional<SubmissionRule> find(String processKey, String step) {
		return rules.stream().filter(r -> r.processKey().equals(processKey) && r.step().equals(step)).findFirst();
	}

	/** Every field error of a submission; empty when there is no rule for the step or nothing is wrong. */
	public Checks check(String processKey, String step, Map<String, ?> values) {
		return check(processKey, step, new Checks(values));
	}

	/**
	 * Refuses an invalid submission with all its field errors. The values are read field by field,
	 * as the rules ask for them.
	 * @return values to store back with the documented type (see {@link Checks#normalized()})
	 */
	public Map<String, Object> enforce(String processKey, String step, Function<String, Object> values) {
		Checks checks = check(processKey, step, Checks.lazy(values));
		if (!checks.errors().isEmpty()) {
			throw new SubmissionRejectedException(processKey + "/" + step, checks.errors());
		}
		return checks.normalized();
	}

}
