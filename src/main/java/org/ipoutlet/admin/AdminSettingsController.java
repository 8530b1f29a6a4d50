package org.ipoutlet.admin;

import java.util.List;

import org.ipoutlet.OutletProperties;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The regulation's periods as this running application has them ({@code outlet.*} in
 * application.yaml or the environment), read-only, for administrators: which officials' requests are
 * a setting rather than a diagram change (README "For administrators — settings").
 */
@RestController
@Tag(name = "administration", description = "流程版本迁移 / migrating running instances (administrators)")
class AdminSettingsController {

	/** One setting: its property, environment variable, current value, and when a change applies. */
	record Setting(String property, String environmentVariable, Object value, String descriptionZh, String takesEffect) {
	}

	private final OutletProperties properties;

	AdminSettingsController(OutletProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/admin/settings")
	@Operation(summary = "查看期限设置 / The periods in force (read-only)",
			description = "outlet.* settings with their current values; change them in application.yaml or the "
					+ "environment and restart. None needs a new diagram version.")
	@ApiResponse(responseCode = "200", description = "The settings")
	@ApiResponse(responseCode = "403", description = "Not an administrator (camunda-admin)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	List<Setting> settings(ApiUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators (camunda-admin) read the settings");
		}
		var filing = properties.filing();
		var lifecycle = properties.lifecycle();
		return List.of(
				new Setting("outlet.filing.publicity-working-days", "OUTLET_FILING_PUBLICITYWORKINGDAYS",
						filing.publicityWorkingDays(), "公示期（工作日）", "publicity periods set after the restart"),
				new Setting("outlet.filing.supplement-deadline-days", "OUTLET_FILING_SUPPLEMENTDEADLINEDAYS",
						filing.supplementDeadlineDays(), "补正期限（日）", "supplement requests made after the restart"),
				new Setting("outlet.filing.validity-years", "OUTLET_FILING_VALIDITYYEARS", filing.validityYears(),
						"备案及每次续期的有效期（年）", "filings and renewals granted after the restart"),
				new Setting("outlet.filing.ban-years", "OUTLET_FILING_BANYEARS", filing.banYears(),
						"违规后不得申请的年限", "bans imposed after the restart"),
				new Setting("outlet.lifecycle.renewal-window-days", "OUTLET_LIFECYCLE_RENEWALWINDOWDAYS",
						lifecycle.renewalWindowDays(), "有效期届满前开放续期申请的天数",
						"validity terms that start after the restart (a waiting renewal-window timer keeps its date)"),
				new Setting("outlet.lifecycle.rectification-months", "OUTLET_LIFECYCLE_RECTIFICATIONMONTHS",
						lifecycle.rectificationMonths(), "整改期（月）", "rectifications ordered after the restart"),
				new Setting("outlet.time-zone", "OUTLET_TIMEZONE", properties.timeZone().getId(), "业务时区",
						"dates computed after the restart"));
	}

}
