package org.ipoutlet.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Creates the users a test needs, idempotently: the demo users may already exist (demo profile),
 * and all HTTP tests share one application context.
 */
public final class TestUsers {

	private TestUsers() {
	}

	/** A user with password = id in the given group, creating whatever is missing. */
	public static void ensure(IdentityService identity, String userId, String groupId) {
		ensure(identity, userId, userId, groupId);
	}

	public static void ensure(IdentityService identity, String userId, String password, String groupId) {
		identity.clearAuthentication();
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			user.setFirstName(userId);
			user.setLastName("Test");
			user.setPassword(password);
			identity.saveUser(user);
		}
		if (identity.createGroupQuery().groupId(groupId).count() == 0) {
			var group = identity.newGroup(groupId);
			group.setName(groupId);
			group.setType("WORKFLOW");
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			identity.createMembership(userId, groupId);
		}
	}

}
