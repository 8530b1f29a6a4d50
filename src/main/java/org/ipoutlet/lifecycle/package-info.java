/**
 * The life of a filed outlet ({@code outlet-lifecycle}, business key = filing number): three-year
 * validity and renewals (Art. 9), change reports (Art. 10), annual summaries and rectification
 * (Art. 17), revocation for misconduct (Art. 18) and cancellation on designation (Art. 19).
 *
 * <h2>How the diagram is built</h2>
 * <ul>
 * <li>Two parallel tracks: the validity term (an embedded subprocess re-entered after each renewal,
 * whose interrupting timer boundary is the expiry, evaluated from {@code validUntil} on entry) and
 * the annual summary loop (1 January → {@code submitAnnualSummary}, due 31 January, reviewed by the
 * recommender).</li>
 * <li>A missed deadline, a non-compliant summary, or the message {@code RectificationOrdered} throws
 * the escalation {@code RECTIFICATION_REQUIRED}, caught by one non-interrupting event subprocess:
 * rectification for six months, ended either by CNIPA's verification (FILED again) or by its timer,
 * whose error {@code RECTIFICATION_FAILED} starts an interrupting event subprocess that revokes.</li>
 * <li>{@code MisconductFound} and {@code DesignatedAsCentre} start interrupting event subprocesses:
 * they cancel everything else (open tasks, timers) and end the instance. {@code ChangeReported}
 * starts a non-interrupting one; its fields live only in that subprocess until accepted.</li>
 * <li>Each end state is written to the register by the same transaction that ends the instance, so
 * the register's status and the process state cannot disagree; the {@code Outlet} aggregate refuses
 * any other move ({@link org.ipoutlet.institution.IllegalTransitionException}).</li>
 * <li>Work after a human decision runs behind an async continuation with retries, so a failing
 * delegate leaves an incident and never loses the completed task. Messages (misconduct, designation)
 * run in the caller's transaction, so the caller sees a refusal and nothing half-done remains.</li>
 * </ul>
 *
 * <h2>Overlapping events: decisions</h2>
 * <ol>
 * <li><b>Renewal during rectification.</b> The renewal window opens and the outlet may apply as usual,
 * but an outlet under rectification is not in good standing: the register refuses {@code renew}, the
 * delegate turns the refusal into the BPMN error {@code RENEWAL_REFUSED}, and the diagram sends the
 * application back to CNIPA's {@code approveRenewal} with {@code renewalBlockedReason}. Once the
 * rectification is verified (FILED again) CNIPA approves and validity is extended from the current
 * end. If the end date comes first, the filing expires (decision 3).</li>
 * <li><b>Misconduct during renewal (or rectification, or anything else).</b> Misconduct wins at once:
 * the filing is revoked, the institution is banned for {@code outlet.filing.ban-years} (3) years from
 * today, and every open task and timer of the instance (renewal, summary, rectification) is
 * cancelled. A pending renewal is not granted.</li>
 * <li><b>Expiry during rectification.</b> The end of validity wins: the outlet becomes EXPIRED and the
 * rectification ends with the instance. There is nothing left to revoke, and the institution may file
 * again (it is not banned: only Art. 18 bans).</li>
 * <li><b>A second rectification trigger while rectifying</b> (a missed or non-compliant summary, or a
 * new order). The running rectification covers it: the summary is still recorded (MISSING or
 * NON_COMPLIANT, for the annual report), the register refuses a second {@code startRectification}
 * and the diagram ends that trigger ({@code ALREADY_RECTIFYING}); the six-month deadline is not
 * extended. {@link org.ipoutlet.lifecycle.LifecycleMessages#orderRectification} refuses an order for
 * an outlet already under rectification with a {@link org.ipoutlet.lifecycle.NoAwaitingInstanceException}.</li>
 * <li><b>Change report during rectification or renewal.</b> Accepted changes update the register in any
 * active status (FILED or RECTIFYING); the status is not touched. Several reports may be under review
 * at once; each keeps its fields and its decision in its own event subprocess.</li>
 * <li><b>Designation during rectification.</b> Like misconduct, it ends everything: CANCELLED
 * (Art. 19 makes the cancellation automatic), and the institution is recorded as exempt.</li>
 * <li><b>Annual summaries run across renewals and rectifications</b>: the summary loop is independent
 * of the validity term; a summary missed during rectification is recorded but orders nothing new.</li>
 * </ol>
 */
package org.ipoutlet.lifecycle;
