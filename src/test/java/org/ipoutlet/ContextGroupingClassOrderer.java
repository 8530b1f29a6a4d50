package org.ipoutlet;

import java.util.Comparator;

import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs test classes grouped by the Spring context they need: plain unit tests, then
 * {@link ProcessTest}s, then {@link WebTest}s, then any other (e.g. the PostgreSQL) context, so the
 * log of a run reads in that order and a failing context shows up once, not between unrelated
 * classes. (Which engine a class talks to is settled by {@link EngineRegistration}.)
 */
public class ContextGroupingClassOrderer implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors()
			.sort(Comparator.comparingInt(ContextGroupingClassOrderer::group)
				.thenComparing(d -> d.getTestClass().getName()));
	}

	private static int group(ClassDescriptor descriptor) {
		Class<?> type = descriptor.getTestClass();
		if (AnnotationSupport.isAnnotated(type, ProcessTest.class)) {
			return 1;
		}
		if (AnnotationSupport.isAnnotated(type, WebTest.class)) {
			return 2;
		}
		return AnnotationSupport.isAnnotated(type, SpringBootTest.class) ? 3 : 0;
	}

}
