package org.ipoutlet.web.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's per-user login delay (README: Security). After the n-th wrong password in a row a
 * user's logins are refused for {@code min(delayBase * delayFactor^(n-1), delayMaxTime)} seconds on
 * the engine clock, whatever the route (/api, /engine-rest, the webapps); wrong passwords during the
 * delay are not counted. Camunda locks a user for good after {@code loginMaxAttempts} (default 10),
 * which lets anyone lock out anyone: the maximum is raised so far ({@code outlet.security.login.max-attempts},
 * default {@link Integer#MAX_VALUE}) that only the delay, at most {@code delayMaxTime}, remains.
 * Failed logins per client address are throttled by {@link LoginThrottle}.
 */
@Component
class LoginEngineSettings extends AbstractProcessEnginePlugin {

	private final SecuritySettings.Login login;

	LoginEngineSettings(SecuritySettings settings) {
		this.login = settings.login();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setLoginMaxAttempts(login.maxAttempts());
		configuration.setLoginDelayBase(login.delayBaseSeconds());
		configuration.setLoginDelayFactor(login.delayFactor());
		configuration.setLoginDelayMaxTime(login.delayMaxSeconds());
	}

}
