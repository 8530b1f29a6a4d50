/**
 * The life of a filed outlet ({@code outlet-lifecycle}, business key = filing number): three-year
 * validity and renewals (Art. 9), change reports (Art. 10), annual summaries and rectification
 * (Art. 17), revocation for misconduct (Art. 18) and cancellation on designation (Art. 19).
 *
 * <h2>How the diagram is built</h2>
 * <ul>
 * <li>Two parallel tracks: the validity term and the annual summary loop (1 January →
 * {@code submitAnnualSummary}, due 31 January, reviewed by the recommender). The validity term is an
 * embedded subprocess whose interrupting timer boundary is the expiry ({@code expiresAt}); inside it
 * the renewal window opens and the outlet applies ({@code applyForRenewal}). An application made
 * there — necessarily before the end of validity — leaves the term for the renewal review
 * ({@code SubProcess_RenewalReview}), which has <em>no</em> expiry timer: the outlet stays valid
 * (register: 续期审核中) until the renewal is decided (Art. 9). The review re-checks Art. 5 / Art. 12
 * on the updated data with the filing's rules (all reasons at once), then the recommender reviews and
 * CNIPA approves, returns for correction ({@code correctRenewal}) or refuses finally; an ineligible
 * or refused renewal ends with the error {@code RENEWAL_NOT_GRANTED}, after which the outlet expires
 * today if validity is over, else at {@code expiresAt}, with the reason.</li>
 * <li>A missed deadline, a non-compliant summary, or the message {@code RectificationOrdered} throws
 * the escalation {@code RECTIFICATION_REQUIRED}, caught by one non-interrupting event subprocess:
 * rectification for six months. The period's deadline is a timer on the outlet's
 * {@code submitRectificationReport} only: it closes the outlet's task but never revokes. A
 * {@code verifyRectification} open at the deadline is decided first (verified → FILED again; not
 * verified → no further round). Without a verified report the error
 * {@code RECTIFICATION_NOT_VERIFIED} leads to CNIPA's {@code decideRevocation} (reason required):
 * revoke (error {@code RECTIFICATION_FAILED}, an interrupting event subprocess that revokes) or not
 * (FILED again). The decision's text, who and when are kept in {@code outlet_decision}.</li>
 * <li>{@code MisconductFound} and {@code DesignatedAsCentre} start interrupting event subprocesses:
 * they cancel everything else (open tasks, timers) and end the instance. {@code ChangeReported}
 * starts a non-interrupting one; its fields live only in that subprocess until CNIPA records it.</li>
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
 * and the renewal is reviewed (the outlet stays valid while it is), but an outlet under rectification
 * is not in good standing: the register refuses {@code renew}, the delegate turns the refusal into
 * the BPMN error {@code RENEWAL_REFUSED}, and the diagram sends the application back to CNIPA's
 * {@code approveRenewal} with {@code renewalBlockedReason}. Once the rectification is verified (FILED
 * again) CNIPA approves and validity is extended from the current end. CNIPA may instead refuse
 * finally.</li>
 * <li><b>Renewal under review at the end of validity.</b> A renewal applied for before
 * {@code validUntil} keeps the outlet valid until it is decided, however long the review takes; the
 * register refuses {@code expire} while it is under review. A renewal not applied for by the end of
 * validity expires with the term (the application task closes with it).</li>
 * <li><b>Misconduct during renewal (or rectification, or anything else).</b> Misconduct wins at once:
 * the filing is revoked, the institution is banned for {@code outlet.filing.ban-years} (3) years from
 * today, and every open task and timer of the instance (renewal, summary, rectification) is
 * cancelled. A pending renewal is not granted.</li>
 * <li><b>Misconduct after the end</b> (expired, revoked, cancelled: no instance is left). The finding
 * is recorded directly ({@link org.ipoutlet.lifecycle.LifecycleMessages#reportMisconduct}): the
 * institution is banned for three years from the decision; the register's status stays as it is.
 * Every finding keeps the facts, the decision, who and when (the ban's record).</li>
 * <li><b>Expiry during rectification.</b> The end of validity wins: the outlet becomes EXPIRED and the
 * rectification ends with the instance. There is nothing left to revoke, and the institution may file
 * again (it is not banned: only Art. 18 bans). A renewal under review postpones the expiry, not the
 * rectification.</li>
 * <li><b>Rectification deadline with CNIPA's verification open, or CNIPA's revocation decision
 * open.</b> The verification is decided first; the revocation task waits for CNIPA, however long: no
 * timer revokes. Expiry, misconduct and designation still end the instance while it waits.</li>
 * <li><b>A second rectification trigger while rectifying</b> (a missed or non-compliant summary, or a
 * new order). The running rectification covers it: the summary is still recorded (MISSING or
 * NON_COMPLIANT, for the annual report), the register refuses a second {@code startRectification}
 * and the diagram ends that trigger ({@code ALREADY_RECTIFYING}); the six-month deadline is not
 * extended. {@link org.ipoutlet.lifecycle.LifecycleMessages#orderRectification} refuses an order for
 * an outlet already under rectification with a {@link org.ipoutlet.lifecycle.NoAwaitingInstanceException}.</li>
 * <li><b>Change report during rectification or renewal.</b> A change CNIPA records updates the
 * register in any active status (FILED or RECTIFYING); the status is not touched. Several reports may
 * be under review at once; each keeps its fields and its decisions in its own event subprocess. A
 * move to another province hands an outlet its provincial office recommended to the new province's
 * office from the day CNIPA records it: tasks created afterwards (change reports, annual summaries,
 * renewal reviews) go to the new office; tasks already open stay with the office that holds them.</li>
 * <li><b>Designation during rectification.</b> Like misconduct, it ends everything: CANCELLED
 * (Art. 19 makes the cancellation automatic), and the institution is recorded as exempt.</li>
 * <li><b>Annual summaries run across renewals and rectifications</b>: the summary loop is independent
 * of the validity term; a summary missed during rectification is recorded but orders nothing new.</li>
 * </ol>
 */
package org.ipoutlet.lifecycle;
