package org.ipoutlet.validation;

import java.util.List;
import java.util.function.Consumer;

/**
 * The server-side rules of one form: the start form of a process or the completion of a user task.
 * One definition serves the engine (Tasklist, /engine-rest) and the application's own API, so the
 * browser's checks can't be bypassed.
 */
public interface SubmissionRule {

	/** The step name of a process's start form. */
	String START = "start";

	/** The longest opinion, finding or remark an official may write in a decision (characters). */
	int OPINION_MAX = 2000;

	/** The longest String variable the engine stores: its text column is varchar(4000) on H2 and PostgreSQL. */
	int ENGINE_TEXT_MAX = 4000;

	String processKey();

	/** {@link #START} or a user task's definition key. */
	String step();

	/** Checks a submission's values, adding every error to {@code checks}. */
	void check(Checks checks);

	/**
	 * Decision variables the task must receive afresh: they are removed when the task is created, so
	 * a completion cannot pass on a decision of an earlier round.
	 */
	default List<String> decisionFields() {
		return List.of();
	}

	/**
	 * The rules of a reviewer's decision on a user task; the decision fields are cleared when the task
	 * opens, so each round's decision is made afresh.
	 */
	static SubmissionRule decision(String processKey, String taskKey, List<String> decisionFields,
			Consumer<Checks> rules) {
		List<String> fields = List.copyOf(decisionFields);
		return new SubmissionRule() {

			@Override
			public String processKey() {
				return processKey;
			}

			@Override
			public String step() {
				return taskKey;
			}

			@Override
			public void check(Checks checks) {
				rules.accept(checks);
			}

			@Override
			public List<String> decisionFields() {
				return fields;
			}
		};
	}

}
