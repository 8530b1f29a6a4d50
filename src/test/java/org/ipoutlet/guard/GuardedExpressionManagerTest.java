package org.ipoutlet.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which expressions may be evaluated without a variable scope, i.e. inside task queries and filters. */
class GuardedExpressionManagerTest {

	@ParameterizedTest
	@ValueSource(strings = { "${currentUser()}", "${currentUserGroups()}", "#{currentUser()}", " ${ now() } ",
			"${dateTime()}", "${dateTime().plusDays(1)}", "${dateTime().minusWeeks(2).plusHours(-3).toDate()}" })
	void tasklistFilterFunctionsAreEvaluated(String expression) {
		assertThat(GuardedExpressionManager.allowedWithoutScope(expression)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}",
			"#{''.getClass().forName('java.lang.Runtime')}", "${currentUser().getClass()}",
			"${currentUser()}${''.getClass()}", "${execution}", "${applicationIntake}", "${dateTime().getClass()}",
			"${dateTime().plusDays(1).toString().getClass()}", "${currentUser() == 'x' ? 'a' : 'b'}", "currentUser()",
			"${currentUser()}\n${''.class}", "${now().toString()}", "" })
	void anythingElseIsRefused(String expression) {
		assertThat(GuardedExpressionManager.allowedWithoutScope(expression)).isFalse();
	}

}
