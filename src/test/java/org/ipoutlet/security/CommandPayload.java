package org.ipoutlet.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;

/**
 * An expression that, when evaluated, runs an operating-system command creating a marker file (and
 * waits for it, so the file exists as soon as the evaluation returns). A request that carried it was
 * harmless exactly when the marker does not exist afterwards.
 */
final class CommandPayload {

	/** The two expression syntaxes JUEL (and so the engine) accepts. */
	enum Syntax {
		DOLLAR("$"), HASH("#");

		final String sign;

		Syntax(String sign) {
			this.sign = sign;
		}

		@Override
		public String toString() {
			return sign + "{…}";
		}
	}

	private final Path marker = Path.of(System.getProperty("java.io.tmpdir"), "ipo-marker-" + UUID.randomUUID());

	Path marker() {
		return marker;
	}

	boolean fired() {
		return Files.exists(marker);
	}

	String expression(Syntax syntax) {
		return syntax.sign + "{''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
				+ ".exec('touch " + marker + "').waitFor()}";
	}

	/**
	 * Evaluates the expression with a plain JUEL context (the expression language and resolvers the
	 * engine's default expression manager is built on), independent of any defence the application adds.
	 */
	void evaluateDirectly(Syntax syntax) {
		ExpressionFactoryImpl factory = new ExpressionFactoryImpl();
		SimpleContext context = new SimpleContext();
		factory.createValueExpression(context, expression(syntax), Object.class).getValue(context);
	}

	void delete() {
		try {
			Files.deleteIfExists(marker);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
