package org.ipoutlet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application on an in-memory H2 database, without the job executor
 * (tests execute jobs and fire timers by hand) and with the engine clock reset after each test.
 * Every class with this annotation shares one Spring context, so tests must not depend on an empty
 * database: give each test its own USCC and business keys.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(ProcessTest.ResetClock.class)
public @interface ProcessTest {

	/** ClockUtil is one clock per JVM: put it back after every test. */
	class ResetClock implements AfterEachCallback {

		@Override
		public void afterEach(ExtensionContext context) {
			ClockUtil.reset();
		}

	}

}
