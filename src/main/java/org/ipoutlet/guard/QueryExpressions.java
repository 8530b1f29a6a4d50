package org.ipoutlet.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * Expressions in a query that comes from a request (an ad-hoc task query, or the query that extends
 * a stored filter) are refused, in the query itself and in every or-branch. Camunda 7.24.0 CE checks
 * ad-hoc queries but builds the or-branches without that check (a published CVE fixed only in paid
 * patches), so the check here walks every branch. Stored filters keep their expressions: only
 * administrators can create or change filters.
 */
final class QueryExpressions {

	private QueryExpressions() {
	}

	/** @throws BadUserRequestException naming the expression keys when {@code query} holds any */
	static void refuseIn(Object query) {
		if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
			return;
		}
		TreeSet<String> keys = new TreeSet<>();
		for (AbstractQuery<?, ?> branch : branches(abstractQuery)) {
			if (branch.getExpressions() != null) {
				keys.addAll(branch.getExpressions().keySet());
			}
		}
		if (!keys.isEmpty()) {
			throw new BadUserRequestException("Expressions are not allowed in queries sent by a user: " + keys);
		}
	}

	/** The query and its or-branches (the engine keeps every branch, however nested, in one list). */
	private static List<AbstractQuery<?, ?>> branches(AbstractQuery<?, ?> query) {
		List<AbstractQuery<?, ?>> branches = new ArrayList<>();
		branches.add(query);
		if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
			taskQuery.getQueries().stream().filter(orQuery -> orQuery != query).forEach(branches::add);
		}
		return branches;
	}

}
