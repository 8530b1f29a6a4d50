package org.ipoutlet.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of the README ("The two commands"), password = user id. Only in the {@code demo} profile (the default one):
 * no other profile creates a user with a known password. Runs after {@link IdentitySetup} has created
 * the groups; idempotent.
 */
@Component
@Profile("demo")
class DemoUsers {

	/** A demo user: id (= password), family name, given name, group. */
	record DemoUser(String id, String lastName, String firstName, String groupId) {

		String email() {
			return id + "@demo.ipoutlet.example";
		}
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "王", "管理员", AppGroups.ADMIN),
			new DemoUser("cnipa", "李", "审查员", AppGroups.CNIPA_REVIEWERS),
			new DemoUser("shanghai", "陈", "沪审", Recommenders.groupOf("310000")),
			new DemoUser("beijing", "赵", "京审", Recommenders.groupOf("110000")),
			new DemoUser("mct", "刘", "文旅", Recommenders.groupOf("mct")),
			new DemoUser("applicant", "张", "申请", AppGroups.OUTLETS),
			new DemoUser("applicant2", "孙", "申报", AppGroups.OUTLETS),
			new DemoUser("auditor", "周", "审计", AppGroups.AUDITORS));

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final IdentityService identity;

	DemoUsers(IdentityService identity) {
		this.identity = identity;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	public void onReady() {
		create();
		log.warn("Profile 'demo': demo users {} exist with password = user id",
				USERS.stream().map(DemoUser::id).toList());
	}

	/** Creates the missing users and memberships; safe to call any number of times. */
	public void create() {
		for (DemoUser demo : USERS) {
			if (identity.createUserQuery().userId(demo.id()).count() == 0) {
				User user = identity.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.email());
				user.setPassword(demo.id());
				identity.saveUser(user);
			}
			if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.groupId()).count() == 0) {
				identity.createMembership(demo.id(), demo.groupId());
			}
		}
	}

}
