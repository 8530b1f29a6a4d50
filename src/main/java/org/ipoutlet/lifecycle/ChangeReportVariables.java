package org.ipoutlet.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import static org.camunda.spin.Spin.JSON;

/**
 * How a change report travels in the process: the changed fields (lists as Spin JSON, as the
 * processes store lists), {@value #CHANGED_FIELDS} and the (empty) decision, all set on the triggered event
 * subprocess only: the process-wide {@code orgName} keeps the registered name until the change is
 * accepted, and two reports under review at the same time keep separate decisions.
 */
final class ChangeReportVariables {

	/** Comma-separated names of the reported fields. */
	static final String CHANGED_FIELDS = "changedFields";

	private ChangeReportVariables() {
	}

	static Map<String, Object> toVariables(ReportedChange change, String summary) {
		Map<String, Object> vars = new HashMap<>();
		change.fields().forEach((field, value) -> vars.put(field,
				value instanceof List<?> list ? SpinValues.jsonValue(JSON(list)).create() : value));
		vars.put(CHANGED_FIELDS, String.join(",", ReportedChange.FIELDS.stream()
			.filter(change.fields()::containsKey)
			.toList()));
		vars.put(LifecycleVariables.CHANGE_SUMMARY, Variables.stringValue(summary));
		// Declared in the triggered scope so that each report keeps its own decision.
		vars.put(LifecycleVariables.CHANGE_ACCEPTED, null);
		vars.put(LifecycleVariables.CHANGE_REVIEW_OPINION, null);
		vars.put(LifecycleVariables.CHANGE_RECORDED, null);
		vars.put(LifecycleVariables.CHANGE_RECORD_OPINION, null);
		vars.put(LifecycleVariables.CHANGE_RECORDED_BY, null);
		return vars;
	}

	static ReportedChange fromVariables(VariableScope scope) {
		Map<String, Object> fields = new HashMap<>();
		for (String field : ((String) scope.getVariable(CHANGED_FIELDS)).split(",")) {
			Object value = scope.getVariable(field);
			if (value instanceof SpinJsonNode node) {
				value = node.elements().stream().map(SpinJsonNode::stringValue).toList();
			}
			fields.put(field, value);
		}
		return ReportedChange.of(fields);
	}

}
