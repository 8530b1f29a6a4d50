package org.ipoutlet.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Idempotent group grants: one GRANT authorization per (group, resource type, resource id) holding
 * exactly the given permissions — created when missing, corrected when it holds more or fewer (so a
 * release that narrows a role narrows existing installations too); an unchanged grant is not written
 * again.
 */
class Grants {

	private final AuthorizationService authorizations;

	Grants(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	private static int mask(Permission... permissions) {
		AuthorizationEntity probe = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
		probe.setPermissions(permissions);
		return probe.getPermissions();
	}

	void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization grant = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (grant == null) {
			grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(groupId);
			grant.setResource(resource);
			grant.setResourceId(resourceId);
		}
		else if (grant instanceof AuthorizationEntity existing && existing.getPermissions() == mask(permissions)) {
			return;
		}
		grant.setPermissions(permissions);
		authorizations.saveAuthorization(grant);
	}

}
