package org.ipoutlet.web;

import java.util.List;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Who the caller is: portals use it to show the right menus. */
@RestController
class MeController {

	@GetMapping("/api/me")
	@ApiResponse(responseCode = "200", description = "The caller")
	@ApiResponse(responseCode = "401", description = "No or wrong credentials",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@Operation(summary = "The logged-in user", description = "User id, Camunda groups and the roles derived from them.")
	Me me(ApiUser user) {
		return new Me(user.id(), user.groups(), user.recommenderIds(), user.isAdmin(), user.isCnipa(),
				user.isAuditor(), user.isOutlet());
	}

	record Me(String id, List<String> groups, List<String> recommenderIds, boolean admin, boolean cnipa,
			boolean auditor, boolean outlet) {
	}

}
