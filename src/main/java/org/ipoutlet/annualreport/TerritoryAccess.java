package org.ipoutlet.annualreport;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.OutletVariables;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletChanged;
import org.ipoutlet.register.OutletRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Provincial offices manage their territory (Art. 4, 15; README, "Provincial offices see their
 * territory"): the office of the province where an outlet sits reads its {@code outlet-lifecycle}
 * instance and its history (engine READ grants on that instance, no task rights: it decides nothing
 * the recommender decides), and is told of every change of the outlet's register entry by a notice.
 * A move to another province hands the grant to the new province's office.
 */
@Component
public class TerritoryAccess {

	/** What a notice tells an office. */
	public enum NoticeKind {
		/** The register entry of an outlet in the territory changed (Art. 10). */
		CHANGED("信息变更"),
		/** An outlet moved into the territory. */
		MOVED_IN("迁入本辖区"),
		/** An outlet moved out of the territory. */
		MOVED_OUT("迁出本辖区");

		private final String label;

		NoticeKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A read-only notice to an office. */
	public record Notice(long id, String officeId, String filingNo, NoticeKind kind, String text, Instant createdAt) {
	}

	private static final Logger log = LoggerFactory.getLogger(TerritoryAccess.class);

	private final AuthorizationService authorizations;
	private final IdentityService identity;
	private final HistoryService history;
	private final OutletRepository outlets;
	private final Territories territories;
	private final JdbcTemplate jdbc;
	private final BusinessClock clock;

	TerritoryAccess(AuthorizationService authorizations, IdentityService identity, HistoryService history,
			OutletRepository outlets, Territories territories, JdbcTemplate jdbc, BusinessClock clock) {
		this.authorizations = authorizations;
		this.identity = identity;
		this.history = history;
		this.outlets = outlets;
		this.territories = territories;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Built-in start listener of {@code outlet-lifecycle}: the outlet's office may read the instance. */
	void lifecycleStarted(DelegateExecution execution) {
		String filingNo = (String) execution.getVariable(OutletVariables.FILING_NO);
		if (filingNo == null) {
			return;
		}
		outlets.find(filingNo).ifPresent(o -> grantRead(territories.officeOf(o), execution.getProcessInstanceId()));
	}

	/**
	 * At start-up: every outlet's office reads its lifecycle instances (gives the offices of a database
	 * from before this release the grants new lifecycles get at their start, and repairs a grant an
	 * administrator deleted). Set-based, so that a start-up costs four queries however large the
	 * register (README, "Benchmark"): the lifecycle instances, the existing grants on instances and on
	 * their history, the register; then a grant only where one is missing.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	public void grantExisting() {
		Map<String, List<String>> instancesByFilingNo = new HashMap<>();
		asSystem(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_LIFECYCLE).list())
			.forEach(i -> instancesByFilingNo.computeIfAbsent(i.getBusinessKey(), k -> new ArrayList<>()).add(i.getId()));
		Set<String> granted = existingGrants(Resources.PROCESS_INSTANCE);
		Set<String> grantedHistory = existingGrants(Resources.HISTORIC_PROCESS_INSTANCE);
		int checked = 0;
		int added = 0;
		for (Outlet o : outlets.findAll()) {
			String office = territories.officeOf(o);
			String group = Recommenders.groupOf(office);
			for (String id : instancesByFilingNo.getOrDefault(o.filingNo(), List.of())) {
				checked++;
				if (!granted.contains(group + "/" + id) || !grantedHistory.contains(group + "/" + id)) {
					grantRead(office, id);
					added++;
				}
			}
		}
		log.info("Territory read grants checked for {} outlet-lifecycle instances, {} added", checked, added);
	}

	/** The groups' grants on {@code resource}, as {@code group/resourceId}. */
	private Set<String> existingGrants(Resource resource) {
		Set<String> grants = new HashSet<>();
		asSystem(() -> authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.list())
			.forEach(a -> grants.add(a.getGroupId() + "/" + a.getResourceId()));
		return grants;
	}

	/** A register change: notices to the offices concerned; a move hands the read grant to the new office. */
	@EventListener
	public void outletChanged(OutletChanged change) {
		String officeBefore = territories.officeOf(change.before());
		String officeAfter = territories.officeOf(change.after());
		String filingNo = change.after().filingNo();
		String what = describe(change.before(), change.after());
		if (!officeBefore.equals(officeAfter)) {
			notice(officeBefore, filingNo, NoticeKind.MOVED_OUT,
					"网点" + filingNo + "（" + change.after().details().orgName() + "）迁至"
							+ territories.name(officeAfter) + "辖区：" + what);
			notice(officeAfter, filingNo, NoticeKind.MOVED_IN,
					"网点" + filingNo + "（" + change.after().details().orgName() + "）自" + territories.name(officeBefore)
							+ "辖区迁入：" + what);
			lifecycleInstances(filingNo).forEach(id -> {
				revokeRead(officeBefore, id);
				grantRead(officeAfter, id);
			});
		}
		else if (!officeAfter.equals(change.after().recommenderId())) {
			// The office reviewed its own outlets' changes itself; it is told of the others'.
			notice(officeAfter, filingNo, NoticeKind.CHANGED,
					"网点" + filingNo + "（" + change.after().details().orgName() + "）的备案信息已变更：" + what);
		}
	}

	/** The notices to an office, newest first. */
	public List<Notice> notices(String officeId) {
		return jdbc.query("select * from territory_notice where office_id = ? order by created_at desc, id desc",
				(rs, i) -> new Notice(rs.getLong("id"), rs.getString("office_id"), rs.getString("filing_no"),
						NoticeKind.valueOf(rs.getString("kind")), rs.getString("text"),
						rs.getTimestamp("created_at").toInstant()),
				officeId);
	}

	/** The notices about one outlet, newest first. */
	public List<Notice> noticesAbout(String filingNo) {
		return jdbc.query("select * from territory_notice where filing_no = ? order by created_at desc, id desc",
				(rs, i) -> new Notice(rs.getLong("id"), rs.getString("office_id"), rs.getString("filing_no"),
						NoticeKind.valueOf(rs.getString("kind")), rs.getString("text"),
						rs.getTimestamp("created_at").toInstant()),
				filingNo);
	}

	/** The ids of the outlet's {@code outlet-lifecycle} instances (business key = filing number). */
	public List<String> lifecycleInstances(String filingNo) {
		return asSystem(() -> history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(OUTLET_LIFECYCLE)
			.processInstanceBusinessKey(filingNo)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList());
	}

	private void notice(String officeId, String filingNo, NoticeKind kind, String text) {
		String bounded = text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
		jdbc.update("insert into territory_notice (office_id, filing_no, kind, text, created_at) values (?,?,?,?,?)",
				officeId, filingNo, kind.name(), bounded, Timestamp.from(clock.now()));
	}

	private void grantRead(String officeId, String processInstanceId) {
		String group = Recommenders.groupOf(officeId);
		asSystem(() -> {
			grant(group, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
			grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
			return null;
		});
		log.debug("Office {} reads outlet-lifecycle {}", officeId, processInstanceId);
	}

	private void revokeRead(String officeId, String processInstanceId) {
		String group = Recommenders.groupOf(officeId);
		asSystem(() -> {
			for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
				authorizations.createAuthorizationQuery()
					.authorizationType(Authorization.AUTH_TYPE_GRANT)
					.groupIdIn(group)
					.resourceType(resource)
					.resourceId(processInstanceId)
					.list()
					.forEach(a -> authorizations.deleteAuthorization(a.getId()));
			}
			return null;
		});
	}

	private void grant(String group, Resource resource, String resourceId,
			org.camunda.bpm.engine.authorization.Permission permission) {
		boolean exists = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (!exists) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(resource);
			grant.setResourceId(resourceId);
			grant.addPermission(permission);
			authorizations.saveAuthorization(grant);
		}
	}

	/**
	 * Runs {@code call} as the application: the rule was checked here, whichever user's command (or the
	 * job executor) caused it; inside an engine command its authorization checks are off for the call.
	 */
	private <T> T asSystem(Supplier<T> call) {
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			boolean enabled = context.isAuthorizationCheckEnabled();
			context.disableAuthorizationCheck();
			try {
				return call.get();
			}
			finally {
				if (enabled) {
					context.enableAuthorizationCheck();
				}
			}
		}
		return EngineCalls.asSystem(identity, call);
	}

	/** The fields that changed, each 旧值 → 新值. */
	static String describe(Outlet outletBefore, Outlet outletAfter) {
		OutletDetails before = outletBefore.details();
		OutletDetails after = outletAfter.details();
		List<String> parts = new ArrayList<>();
		field(parts, "名称", before.orgName(), after.orgName());
		field(parts, "所在省份", before.province(), after.province());
		field(parts, "地址", before.address(), after.address());
		field(parts, "主要负责人", before.headName(), after.headName());
		field(parts, "主要负责人职务", outletBefore.headTitle(), outletAfter.headTitle());
		field(parts, "联系人", before.contactName(), after.contactName());
		field(parts, "联系电话", before.phone(), after.phone());
		field(parts, "电子邮箱", before.email(), after.email());
		Set<String> itemsBefore = new LinkedHashSet<>(before.serviceItems());
		Set<String> itemsAfter = new LinkedHashSet<>(after.serviceItems());
		if (!itemsBefore.equals(itemsAfter)) {
			parts.add("主要服务事项：" + String.join("、", itemsBefore) + " → " + String.join("、", itemsAfter));
		}
		return parts.isEmpty() ? "其他备案信息" : String.join("；", parts);
	}

	private static void field(List<String> parts, String label, String before, String after) {
		if (!Objects.equals(before, after)) {
			parts.add(label + "：" + (before == null ? "" : before) + " → " + (after == null ? "" : after));
		}
	}

}
