package org.ipoutlet.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent group grants: one GRANT authorization per (group, resource type, resource id), created
 * when missing and widened by the missing permissions only; an unchanged grant is not written again.
 */
class Grants {

	private final AuthorizationService authorizations;

	Grants(AuthorizationService authorizations) {
		this.authorizations = authorizations;
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
		else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
			return;
		}
		for (Permission permission : permissions) {
			grant.addPermission(permission);
		}
		authorizations.saveAuthorization(grant);
	}

}
