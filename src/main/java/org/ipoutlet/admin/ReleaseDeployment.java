package org.ipoutlet.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the release's diagrams and forms (bpmn/, forms/ on the classpath) so that they and the
 * administrators' Modeler deployments don't fight (README, "For administrators"):
 * <ul>
 * <li>each resource is compared on its own with the release's previous deployment of it
 * ({@code deployChangedOnly}), under a stable name (the file name, as Modeler names it), so a restart
 * deploys nothing and a release that changes one diagram creates a version of that diagram only: an
 * administrator's newer version of any other diagram stays the newest;</li>
 * <li>when a release does change a diagram whose newest version an administrator deployed, the
 * release's version becomes the newest (it may need the release's code) and the log says, at WARN,
 * which administrator version it supersedes: never silently.</li>
 * </ul>
 * It takes the resources the Spring Boot starter would auto-deploy (all in one deployment, compared
 * as a whole, under their file-system paths) and deploys them itself at the same moment.
 */
@Component
class ReleaseDeployment extends AbstractProcessEnginePlugin {

	/** The name of the release's deployments (the starter's, so earlier releases compare too). */
	public static final String DEPLOYMENT_NAME = "SpringAutoDeployment";
	/** The source of the release's deployments; Modeler sends "Camunda Modeler". */
	public static final String DEPLOYMENT_SOURCE = "ip-outlet-filing release";

	private static final Logger LOG = LoggerFactory.getLogger(ReleaseDeployment.class);

	private Resource[] resources = new Resource[0];

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		if (!(engine.getProcessEngineConfiguration() instanceof SpringProcessEngineConfiguration spring)
				|| spring.getDeploymentResources() == null) {
			return;
		}
		// The starter deploys its resources right after this callback: take them over.
		resources = spring.getDeploymentResources();
		spring.setDeploymentResources(new Resource[0]);
		deploy(engine.getRepositoryService());
	}

	private void deploy(RepositoryService repository) {
		if (resources.length == 0) {
			return;
		}
		DeploymentBuilder builder = repository.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_SOURCE)
			.enableDuplicateFiltering(true);
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				builder.addInputStream(resource.getFilename(), in);
			}
			catch (IOException ex) {
				throw new ProcessEngineException("Cannot read release resource " + resource, ex);
			}
		}
		// Nothing changed: the engine returns the previous deployment, without deployed definitions.
		List<ProcessDefinition> deployed = builder.deployWithResult().getDeployedProcessDefinitions();
		if (deployed == null || deployed.isEmpty()) {
			LOG.info("Release diagrams unchanged: nothing deployed");
			return;
		}
		for (ProcessDefinition definition : deployed) {
			LOG.info("Release deployed {} version {}", definition.getKey(), definition.getVersion());
			warnIfAdministratorVersionSuperseded(repository, definition);
		}
	}

	private void warnIfAdministratorVersionSuperseded(RepositoryService repository, ProcessDefinition release) {
		if (release.getVersion() == 1) {
			return;
		}
		ProcessDefinition previous = repository.createProcessDefinitionQuery()
			.processDefinitionKey(release.getKey())
			.processDefinitionVersion(release.getVersion() - 1)
			.singleResult();
		if (previous == null) {
			return;
		}
		Deployment previousDeployment = repository.createDeploymentQuery()
			.deploymentId(previous.getDeploymentId())
			.singleResult();
		if (!isRelease(previousDeployment)) {
			LOG.warn("Release version {} of {} supersedes version {} deployed by an administrator "
					+ "(deployment '{}', source '{}', {}): re-apply that change in bpmn/ or deploy it again from Modeler",
					release.getVersion(), release.getKey(), previous.getVersion(), previousDeployment.getName(),
					previousDeployment.getSource(), previousDeployment.getDeploymentTime().toInstant());
		}
	}

	static boolean isRelease(Deployment deployment) {
		return DEPLOYMENT_NAME.equals(deployment.getName());
	}

	/** The names of the resources the release deploys (file names), for the admin endpoints. */
	public List<String> resourceNames() {
		List<String> names = new ArrayList<>();
		for (Resource resource : resources) {
			names.add(resource.getFilename());
		}
		return names;
	}

}
