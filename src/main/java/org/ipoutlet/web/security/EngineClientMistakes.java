package org.ipoutlet.web.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What in an error message of Camunda's REST APIs is the client's mistake, and what must not reach
 * the client (README: Security). The webapps' engine API maps exceptions with Camunda's own mappers,
 * so there only the message tells; {@code /engine-rest} also checks exception types
 * ({@link org.ipoutlet.web.security.EngineRestConfiguration}).
 */
final class EngineClientMistakes {

	/** A message fragment of a client mistake, and the plain message the client gets instead. */
	private record Mistake(Pattern pattern, String message) {
	}

	private static final List<Mistake> MISTAKES = List.of(
			new Mistake(Pattern.compile("Malformed Json variable value|SPIN/JACKSON-JSON|SPIN/DOM-XML|Unable to parse input into json|"
					+ "Unexpected character|Unrecognized token|Unexpected end-of-input"),
					"A Json or Xml variable value is not well-formed"),
			new Mistake(Pattern.compile("(?i)java serialization format is prohibited|x-java-serialized-object"),
					"Java-serialized variable values are not accepted; send Json instead"),
			new Mistake(Pattern.compile("(?i)cannot deserialize object in variable|Cannot find serializer for value|"
					+ "could not (?:be )?deserializ|Unsupported value type"),
					"A variable value does not match its type"),
			new Mistake(Pattern.compile("ENGINE-13024|(?i)cannot skip custom listeners or input/output mappings"),
					"Listeners and input/output mappings cannot be skipped on a plain start"),
			new Mistake(Pattern.compile("(?i)deployment must contain|no deployment resources|multipart"),
					"A deployment needs at least one resource file"));

	/** A Java class name with its package. */
	private static final Pattern QUALIFIED_CLASS = Pattern
		.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)\\b");

	/** Signs of internals no message may show: stack frames, exception chains, SQL. */
	private static final Pattern INTERNALS = Pattern.compile("(?is)\\bat [\\w.$]+\\(|Exception:|\\bcaused by\\b|"
			+ "\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate\\s+act_|\\bdelete from\\b|\\bACT_[A-Z]{2}_|"
			+ "\\bSQL\\b|constraint");

	private EngineClientMistakes() {
	}

	/** Whether an error message describes a mistake in the client's request. */
	public static boolean isClientMistake(String message) {
		return message != null && MISTAKES.stream().anyMatch(m -> m.pattern().matcher(message).find());
	}

	/** The plain message for a client mistake. */
	public static String describe(String message) {
		return MISTAKES.stream()
			.filter(m -> message != null && m.pattern().matcher(message).find())
			.map(Mistake::message)
			.findFirst()
			.orElse("The request is invalid");
	}

	/** A 4xx message without internals: class names lose their package, anything worse becomes generic. */
	public static String clean(String message) {
		if (message == null) {
			return "";
		}
		if (INTERNALS.matcher(message).find()) {
			return isClientMistake(message) ? describe(message) : "The request was refused";
		}
		return QUALIFIED_CLASS.matcher(message).replaceAll("$1");
	}

	static String truncate(String text) {
		return text.length() > 4000 ? text.substring(0, 4000) + "…" : text;
	}

}
