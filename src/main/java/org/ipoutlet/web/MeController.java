package org.ipoutlet.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Who the caller is: portals use it to show the right menus. */
@RestController
class MeController {

	@GetMapping("/api/me")
	@Operation(summary = "The logged-in user", description = "User id, Camunda groups and the roles derived from them.")
	Me me(ApiUser user) {
		return new Me(user.id(), user.groups(), user.recommenderIds(), user.isAdmin(), user.isCnipa(),
				user.isAuditor(), user.isOutlet());
	}

	record Me(String id, List<String> groups, List<String> recommenderIds, boolean admin, boolean cnipa,
			boolean auditor, boolean outlet) {
	}

}
