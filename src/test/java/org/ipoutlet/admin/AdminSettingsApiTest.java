package org.ipoutlet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.ipoutlet.OutletProperties;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/admin/settings: the periods in force, for administrators only (README "For administrators"). */
@WebTest
class AdminSettingsApiTest {

	@LocalServerPort int port;
	@Autowired OutletProperties properties;

	@Test
	void administratorsReadTheValuesInForce() {
		Response response = new ApiClient(port).get("/api/admin/settings", "admin", "admin");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, Object> values = new HashMap<>();
		response.json().forEach(s -> values.put(s.get("property").asText(), s.get("value").asText()));
		assertThat(values)
			.containsEntry("outlet.filing.publicity-working-days", String.valueOf(properties.filing().publicityWorkingDays()))
			.containsEntry("outlet.filing.supplement-deadline-days", String.valueOf(properties.filing().supplementDeadlineDays()))
			.containsEntry("outlet.lifecycle.renewal-window-days", String.valueOf(properties.lifecycle().renewalWindowDays()))
			.containsEntry("outlet.lifecycle.rectification-months", String.valueOf(properties.lifecycle().rectificationMonths()))
			.containsKeys("outlet.filing.validity-years", "outlet.filing.ban-years", "outlet.time-zone");
		response.json().forEach(s -> assertThat(s.get("environmentVariable").asText())
			.isEqualTo(s.get("property").asText().toUpperCase().replace("-", "").replace('.', '_')));
	}

	@ParameterizedTest
	@ValueSource(strings = { "cnipa", "shanghai", "applicant", "auditor" })
	void othersAreRefused(String user) {
		assertThat(new ApiClient(port).get("/api/admin/settings", user, user).status()).isEqualTo(403);
	}

	@Test
	void anonymousIsRefused() {
		assertThat(new ApiClient(port).get("/api/admin/settings").status()).isEqualTo(401);
	}

}
