package org.ipoutlet.guard;

import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager, with one restriction: an expression evaluated without a variable
 * scope — which is how the engine resolves the expressions of task queries and filters — may only
 * be one of Tasklist's filter functions ({@code ${currentUser()}}, {@code ${currentUserGroups()}},
 * {@code ${now()}}, {@code ${dateTime()}} with plus/minus steps). Whatever route put an expression
 * into a query, in whichever nesting or syntax, nothing else runs. Expressions of the diagrams are
 * evaluated with their execution or task as scope and are not affected.
 */
class GuardedExpressionManager extends SpringExpressionManager {

	/** The filter functions Tasklist offers, and nothing that can reach a class or a bean. */
	static final Pattern SCOPELESS_ALLOWED = Pattern.compile("\\s*[$#]\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)"
			+ "|now\\(\\)|dateTime\\(\\)(?:\\s*\\.\\s*(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds|Millis)"
			+ "\\(\\s*-?\\d{1,9}\\s*\\))*(?:\\s*\\.\\s*toDate\\(\\))?)\\s*\\}\\s*");

	GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
		super(applicationContext, beans);
	}

	@Override
	public Expression createExpression(String expression) {
		ensureInitialized();
		return new ScopeCheckedExpression(createValueExpression(expression), this, expression);
	}

	static boolean allowedWithoutScope(String expressionText) {
		return expressionText != null && SCOPELESS_ALLOWED.matcher(expressionText).matches();
	}

	private static final class ScopeCheckedExpression extends JuelExpression {

		ScopeCheckedExpression(org.camunda.bpm.impl.juel.jakarta.el.ValueExpression valueExpression,
				GuardedExpressionManager manager, String text) {
			super(valueExpression, manager, text);
		}

		@Override
		public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
			if (variableScope == null && !allowedWithoutScope(getExpressionText())) {
				throw new BadUserRequestException("Expression not allowed in a query: only Tasklist's filter functions "
						+ "(currentUser(), currentUserGroups(), now(), dateTime()) may be evaluated there");
			}
			return super.getValue(variableScope, contextExecution);
		}

	}

}
