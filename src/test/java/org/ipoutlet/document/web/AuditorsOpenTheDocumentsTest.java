package org.ipoutlet.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.document.TestDocuments;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.tasklist.web.TasklistSession;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * README, "Auditors in Cockpit": the audit view lists the filing's documents and opens each of them,
 * through the webapps' documents resource under the Cockpit session, with the same rules as the API
 * (the applicant, its recommender, CNIPA and auditors; anyone else 404), always as a download.
 */
@WebTest
class AuditorsOpenTheDocumentsTest {

	private static final String RESOURCE = "/camunda/api/tasklist/plugin/outlet-documents/default/";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Test
	void Art6_anAuditorInCockpitListsAndDownloadsEveryDocumentOfAFiling() {
		String no = filingWithBothDocuments();

		for (String auditor : List.of("auditor", "cnipa")) {
			TasklistSession cockpit = TasklistSession.login(port, auditor, "cockpit");
			Response list = cockpit.get(RESOURCE + "applications/" + no);
			assertThat(list.status()).as(auditor + ": " + list.body()).isEqualTo(200);
			JsonNode application = list.json();
			assertThat(application.path("mayUpload").asBoolean()).as("auditors only read").isFalse();
			assertThat(application.path("missing")).isEmpty();
			assertThat(application.path("documents").findValuesAsText("field")).containsExactlyInAnyOrder(WORK_RULES, SEALED_FORM);
			assertThat(application.path("documents").findValuesAsText("uploadedBy")).containsOnly("applicant");
			assertThat(application.path("documents").findValuesAsText("route")).containsOnly("START");
			for (JsonNode document : application.path("documents")) {
				HttpResponse<byte[]> download = cockpit.download("/camunda/api/tasklist/" + document.path("href").asText());
				assertThat(download.statusCode()).as(document.toString()).isEqualTo(200);
				assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
				assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
				assertThat(download.body()).isEqualTo(document.path("field").asText().equals(SEALED_FORM)
						? TestDocuments.PNG : TestDocuments.PDF);
			}
			HttpResponse<byte[]> pdf = cockpit.download("/camunda/api/tasklist/" + application.path("formPdf").asText());
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
			assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		}

		// Not the filing's recommender, nor another institution: not found, as in the API.
		for (String other : List.of("beijing", "applicant2")) {
			Response refused = TasklistSession.login(port, other).get(RESOURCE + "applications/" + no);
			assertThat(refused.status()).as(other).isEqualTo(404);
			assertThat(refused.body()).doesNotContain(no + "\"", "documents");
		}
		assertThat(new org.ipoutlet.web.ApiClient(port).get(RESOURCE + "applications/" + no).status())
			.as("without a session").isIn(401, 403);
	}

	private String filingWithBothDocuments() {
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.remove(APPLICANT);
		application.put(SEALED_FORM, TestDocuments.file("备案表-盖章.png", TestDocuments.PNG));
		identity.setAuthentication("applicant", List.of("outlets"));
		ProcessInstance pi;
		try {
			pi = runtime.startProcessInstanceByKey(ProcessKeys.OUTLET_FILING, application);
		}
		finally {
			identity.clearAuthentication();
		}
		Jobs.runDue(management, pi.getId());
		return pi.getBusinessKey();
	}

}
