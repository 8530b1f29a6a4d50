package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;

import org.camunda.bpm.engine.HistoryService;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser that cached Basic credentials for the API would attach them to another site's form post;
 * the browser marks such a request {@code Sec-Fetch-Site: cross-site}, and the API refuses it
 * (README: Security).
 */
@WebTest
class CrossSiteWritesTest {

	@LocalServerPort
	int port;

	@Autowired
	HistoryService history;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	private Response postFiling(String fetchSite) {
		var request = api.request("/api/filings")
			.header("Authorization", ApiClient.basic("applicant", "applicant"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"orgName\":\"跨站提交\"}"));
		if (fetchSite != null) {
			request.header("Sec-Fetch-Site", fetchSite);
		}
		return api.send(request);
	}

	@Test
	void aCrossSiteWriteIsRefusedBeforeItReachesTheApplication() {
		long before = history.createHistoricProcessInstanceQuery().count();
		Response crossSite = postFiling("cross-site");
		assertThat(crossSite.status()).as(crossSite.body()).isEqualTo(403);
		assertThat(crossSite.contentType()).startsWith("application/problem+json");
		assertThat(crossSite.body()).doesNotContain("orgName");

		// The same request from the application's own origin, or from a client that is no browser, reaches
		// the API, which judges its content (here: an incomplete 备案表).
		for (String site : new String[] { "same-origin", null }) {
			Response response = postFiling(site);
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.body()).contains("uscc");
		}
		assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	@Test
	void readsFromOtherSitesStayAllowed() {
		Response response = api.send(api.request("/api/outlets").header("Sec-Fetch-Site", "cross-site").GET());
		assertThat(response.status()).isEqualTo(200);
	}

}
