/**
 * The engine's own guard: what a logged-in user may make the engine do, whatever route the request
 * takes (Tasklist and Cockpit through the webapps' engine API, {@code /engine-rest}, the application's
 * {@code /api}, any Java API call made while a user is authenticated). See the README's Security
 * section.
 * <ul>
 * <li>{@link org.ipoutlet.guard.CommandFirewall}: the commands a non-administrator may run at all
 * (reads, plain starts, work on tasks) — a whitelist, so a new REST resource cannot open a new way
 * in;</li>
 * <li>{@link org.ipoutlet.guard.QueryExpressions} and {@link org.ipoutlet.guard.GuardedExpressionManager}:
 * no user-supplied expression is ever evaluated in a query;</li>
 * <li>{@link org.ipoutlet.guard.SubmissionFirewall}: a start or a task completion carries exactly the
 * fields of its form; comments only on tasks the user works;</li>
 * <li>{@link org.ipoutlet.guard.TaskAssignmentGuard}: tasks go only to people who may do them.</li>
 * </ul>
 * Calls the application makes as the system (no authenticated user: job executor, start-up, the API
 * after it has checked a rule itself) are not restricted here; the application's aggregates guard
 * those.
 */
package org.ipoutlet.guard;
