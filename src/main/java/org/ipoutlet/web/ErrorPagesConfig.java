package org.ipoutlet.web;

import org.apache.catalina.Host;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error pages (requests refused before the application sees them, such as a malformed
 * URL) show neither a report nor the server's name and version. Spring's {@code /error} is set in
 * {@code application.yaml} ({@code server.error.*}: no stack trace, message or exception). README: Security.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPagesConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietTomcatErrorPages() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof Host host) {
				// Installed before the host starts, which then adds no default ErrorReportValve of its own.
				ErrorReportValve valve = new ErrorReportValve();
				valve.setShowReport(false);
				valve.setShowServerInfo(false);
				host.getPipeline().addValve(valve);
			}
		});
	}

}
