package org.ipoutlet.register.web;

import java.util.List;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.PublicityQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public 公示 as JSON (Art. 7(三)): no login needed. */
@RestController
@Tag(name = "register", description = "网点名录: the public register of filed outlets (Art. 8)")
@SecurityRequirements
class PublicityApiController {

	private final PublicityQuery publicity;
	private final Recommenders recommenders;
	private final BusinessClock clock;

	PublicityApiController(PublicityQuery publicity, Recommenders recommenders, BusinessClock clock) {
		this.publicity = publicity;
		this.recommenders = recommenders;
		this.clock = clock;
	}

	@GetMapping("/api/publicity")
	@Operation(summary = "公示 / Applications under publicity",
			description = "Every application from CNIPA's approval until its publicity period has ended (upcoming and "
					+ "running), oldest start first. Anyone may object to one of them until the end of its last day: "
					+ "POST /api/filings/{applicationNo}/objections.")
	@ApiResponse(responseCode = "200", description = "The applications under publicity", content = @Content(
			array = @ArraySchema(schema = @Schema(implementation = PublicityView.class))))
	List<PublicityView> list() {
		var today = clock.today();
		return publicity.underPublicity(today).stream().map(c -> PublicityView.of(c, recommenders, today)).toList();
	}

}
