package org.ipoutlet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile's users: the contract's ids, password = id, one group each, created once. */
@WebTest
class DemoUsersTest {

	private static final Map<String, String> GROUP_OF = Map.of("admin", "camunda-admin", "cnipa", "cnipa-reviewers",
			"shanghai", "recommender-310000", "beijing", "recommender-110000", "mct", "recommender-mct",
			"applicant", "outlets", "applicant2", "outlets", "auditor", "auditors");

	@Autowired DemoUsers demoUsers;
	@Autowired IdentityService identityService;
	@Autowired AuthorizationService authorizationService;

	@Test
	void demoUsersHavePasswordEqualToIdAndTheirGroup() {
		GROUP_OF.forEach((userId, groupId) -> {
			User user = identityService.createUserQuery().userId(userId).singleResult();
			assertThat(user).as(userId).isNotNull();
			assertThat(user.getFirstName() + user.getLastName()).as(userId).matches(".*\\p{IsHan}.*");
			assertThat(user.getEmail()).as(userId).contains("@");
			assertThat(identityService.checkPassword(userId, userId)).as(userId).isTrue();
			assertThat(identityService.createGroupQuery().groupMember(userId).list())
				.extracting(g -> g.getId()).containsExactly(groupId);
		});
	}

	@Test
	void secondRunCreatesNoUserMembershipOrAuthorization() {
		long users = identityService.createUserQuery().count();
		long admins = identityService.createUserQuery().memberOfGroup("camunda-admin").count();
		long outlets = identityService.createUserQuery().memberOfGroup("outlets").count();
		long authorizations = authorizationService.createAuthorizationQuery().count();
		demoUsers.create();
		assertThat(identityService.createUserQuery().count()).isEqualTo(users);
		assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(admins);
		assertThat(identityService.createUserQuery().memberOfGroup("outlets").count()).isEqualTo(outlets);
		assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
	}

}
