package org.ipoutlet.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.ipoutlet.identity.AppGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator ({@code OUTLET_ADMIN_ID}, {@code OUTLET_ADMIN_PASSWORD}) in group
 * {@code camunda-admin} when the user does not exist yet. An existing user keeps its password (it is
 * changed in Camunda Admin), so the variables matter only for a fresh database. Runs after
 * {@code IdentitySetup} has created the groups and their grants. With an administrator in place,
 * Camunda Admin's first-login page (which lets anyone create one) is closed.
 */
@Component
@ConditionalOnProperty(FirstAdministratorCheck.ID)
class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final IdentityService identity;
	private final String id;
	private final String password;

	FirstAdministrator(IdentityService identity, @Value("${" + FirstAdministratorCheck.ID + "}") String id,
			@Value("${" + FirstAdministratorCheck.PASSWORD + ":}") String password) {
		this.identity = identity;
		this.id = id;
		this.password = password;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(5)
	public void onReady() {
		try {
			ensure();
		}
		catch (ProcessEngineException ex) {
			// Two nodes starting at once on a fresh database: the other one created the user first.
			if (!exists()) {
				throw ex;
			}
			ensureMembership();
		}
	}

	void ensure() {
		if (exists()) {
			if (!password.isEmpty() && !identity.checkPassword(id, password)) {
				log.warn("First administrator {} exists; OUTLET_ADMIN_PASSWORD is not its password and was not applied", id);
			}
		}
		else {
			if (password.isEmpty()) {
				throw new IllegalStateException("OUTLET_ADMIN_PASSWORD is not set: cannot create administrator " + id);
			}
			User user = identity.newUser(id);
			user.setFirstName("系统");
			user.setLastName("管理员");
			user.setPassword(password);
			identity.saveUser(user);
			log.info("First administrator {} created", id);
		}
		ensureMembership();
	}

	private void ensureMembership() {
		if (identity.createUserQuery().userId(id).memberOfGroup(AppGroups.ADMIN).count() == 0) {
			identity.createMembership(id, AppGroups.ADMIN);
		}
	}

	private boolean exists() {
		return identity.createUserQuery().userId(id).count() > 0;
	}

}
