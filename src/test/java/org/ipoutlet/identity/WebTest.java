package org.ipoutlet.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * An HTTP test: the whole application on a random port, in-memory H2, no job executor, with the demo
 * users (profile {@code demo}, password = user id). Every class with this annotation shares one
 * Spring context (separate from {@link ProcessTest}'s): don't add @MockBean or properties, and give
 * each test its own business keys. Inject the port with {@code @LocalServerPort}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@ExtendWith(ProcessTest.ResetClock.class)
public @interface WebTest {
}
