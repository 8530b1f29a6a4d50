package org.ipoutlet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deployment exactly as Camunda Modeler 5 sends it for Camunda Platform 7 (README "For
 * administrators"): {@code POST /engine-rest/deployment/create}, multipart with
 * {@code deployment-name}, {@code deploy-changed-only}, {@code deployment-source} "Camunda Modeler",
 * no {@code tenant-id}, the diagram and, optionally, its forms. Only {@code camunda-admin} deploys.
 */
@WebTest
class ModelerDeploymentTest {

	private static final String FILING = "outlet-filing";

	@LocalServerPort int port;
	@Autowired RepositoryService repository;

	private ApiClient client;
	private final List<String> deployments = new ArrayList<>();

	@BeforeEach
	void setUp() {
		client = new ApiClient(port);
	}

	/** The shared context's later tests must find the release's diagrams as the newest again. */
	@AfterEach
	void deleteDeployments() {
		deployments.forEach(id -> repository.deleteDeployment(id, true));
	}

	@Test
	void adminDeploysTheDiagramWithItsFormAsANewVersionAndAnUnchangedRedeployCreatesNone() throws IOException {
		int before = latestVersion(FILING);
		Map<String, String> files = new LinkedHashMap<>();
		files.put("outlet-filing.bpmn", Files.readString(Path.of("bpmn/outlet-filing.bpmn")));
		files.put("preliminary-review.form", Files.readString(Path.of("forms/preliminary-review.form")));

		Response deployed = deploy("admin", FILING, true, files);
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		deployments.add(deployed.json().get("id").asText());
		assertThat(deployed.json().get("source").asText()).isEqualTo("Camunda Modeler");
		assertThat(deployed.json().get("tenantId").isNull()).isTrue();
		assertThat(deployed.json().get("deployedProcessDefinitions").fieldNames()).toIterable().hasSize(1);
		assertThat(latestVersion(FILING)).isEqualTo(before + 1);
		assertThat(repository.createDeploymentQuery().deploymentId(deployments.get(0)).singleResult().getName())
			.isEqualTo(FILING);
		assertThat(repository.getDeploymentResourceNames(deployments.get(0)))
			.containsExactlyInAnyOrder("outlet-filing.bpmn", "preliminary-review.form");

		// Deploy again unchanged: Modeler's deploy-changed-only filters every resource, no new version.
		Response again = deploy("admin", FILING, true, files);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(latestVersion(FILING)).isEqualTo(before + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cnipa", "shanghai", "beijing", "mct", "applicant", "applicant2", "auditor" })
	void everyOtherDemoRoleIsRefusedWith403AndNothingIsDeployed(String user) throws IOException {
		int before = latestVersion(FILING);
		Response refused = deploy(user, FILING, true,
				Map.of("outlet-filing.bpmn", Files.readString(Path.of("bpmn/outlet-filing.bpmn"))));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("\tat ").doesNotContain("Exception:");
		assertThat(latestVersion(FILING)).isEqualTo(before);
	}

	@Test
	void anonymousIsRefusedWith401() throws IOException {
		Response refused = deploy(null, FILING, true,
				Map.of("outlet-filing.bpmn", Files.readString(Path.of("bpmn/outlet-filing.bpmn"))));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
	}

	/** Code in a diagram runs with the engine's rights: only administrators may bring it in. */
	@ParameterizedTest
	@ValueSource(strings = { "shanghai", "cnipa", "applicant", "auditor" })
	void aDiagramWithAScriptTaskOrAJavaCallingExpressionFromANonAdminIsRefused(String user) {
		String key = "code-probe-" + UUID.randomUUID().toString().substring(0, 8);
		String diagram = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe" targetNamespace="http://bpmn.io/schema/bpmn">
				  <bpmn:process id="%s" name="代码探测" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="Start" />
				    <bpmn:scriptTask id="Script" name="脚本" scriptFormat="javascript">
				      <bpmn:script>java.lang.Runtime.getRuntime().exec("id")</bpmn:script>
				    </bpmn:scriptTask>
				    <bpmn:serviceTask id="Expression" name="表达式" camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}" />
				    <bpmn:endEvent id="End" />
				    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Script" />
				    <bpmn:sequenceFlow id="F2" sourceRef="Script" targetRef="Expression" />
				    <bpmn:sequenceFlow id="F3" sourceRef="Expression" targetRef="End" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key);
		Response refused = deploy(user, key, false, Map.of(key + ".bpmn", diagram));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
		assertThat(repository.createDeploymentQuery().deploymentName(key).count()).isZero();
	}

	private int latestVersion(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
			.getVersion();
	}

	/** Camunda Modeler's request: no tenant-id part (the diagram targets no tenant). */
	private Response deploy(String user, String name, boolean changedOnly, Map<String, String> files) {
		String boundary = "----CamundaModeler" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		part(body, boundary, "deployment-name", null, name);
		part(body, boundary, "deploy-changed-only", null, Boolean.toString(changedOnly));
		part(body, boundary, "deployment-source", null, "Camunda Modeler");
		files.forEach((file, content) -> part(body, boundary, file, file, content));
		body.append("--").append(boundary).append("--\r\n");
		var request = client.request("/engine-rest/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
		if (user != null) {
			request.header("Authorization", ApiClient.basic(user, user));
		}
		return client.send(request);
	}

	private static void part(StringBuilder body, String boundary, String name, String filename, String content) {
		body.append("--").append(boundary).append("\r\n");
		body.append("Content-Disposition: form-data; name=\"").append(name).append('"');
		if (filename != null) {
			body.append("; filename=\"").append(filename).append("\"\r\nContent-Type: application/octet-stream");
		}
		body.append("\r\n\r\n").append(content).append("\r\n");
	}

}
