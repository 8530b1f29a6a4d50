package org.ipoutlet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda's REST API and webapps look the engine up by name ("default") in a JVM-wide registry,
 * where the engine of the last-started Spring test context wins. Before each test class, this
 * registers the engine of that class's own context, so HTTP tests talk to the engine whose database
 * they set up. Registered in META-INF/spring.factories.
 */
public class EngineRegistration implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestClass(TestContext testContext) {
		if (AnnotatedElementUtils.hasAnnotation(testContext.getTestClass(), SpringBootTest.class)) {
			testContext.getApplicationContext()
				.getBeanProvider(ProcessEngine.class)
				.ifAvailable(ProcessEngines::registerProcessEngine);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
