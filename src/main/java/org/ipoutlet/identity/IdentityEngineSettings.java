package org.ipoutlet.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine settings the identity model depends on, kept next to it.
 * <ul>
 * <li>The group ids (README, "Reference") contain hyphens ({@code cnipa-reviewers}, {@code recommender-310000}),
 * which Camunda's default resource id white list ({@code [a-zA-Z0-9]+|camunda-admin}) refuses: group
 * ids may be hyphen-separated alphanumerics, nothing more (no dots, slashes or spaces). Override with
 * {@code outlet.identity.group-id-pattern}.</li>
 * <li>Historic instance permissions (resources HISTORIC_PROCESS_INSTANCE, HISTORIC_TASK) are enabled,
 * so the auditors' grants on them are enforced rather than ignored.</li>
 * </ul>
 */
@Component
class IdentityEngineSettings extends AbstractProcessEnginePlugin {

	static final String DEFAULT_GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

	private final String groupIdPattern;

	IdentityEngineSettings(
			@Value("${outlet.identity.group-id-pattern:" + DEFAULT_GROUP_ID_PATTERN + "}") String groupIdPattern) {
		this.groupIdPattern = groupIdPattern;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getGroupResourceWhitelistPattern() == null) {
			configuration.setGroupResourceWhitelistPattern(groupIdPattern);
		}
		configuration.setEnableHistoricInstancePermissions(true);
	}

}
