package org.ipoutlet.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every JSON answer of the application (the whole {@code /api}, problems included) writes
 * {@code < > & '} as unicode escapes ({@code \u003C} ...): text an applicant typed (an organisation
 * name with a script tag) stays inert even if a client mistakes the response for HTML. The value a
 * JSON parser reads is unchanged. One mechanism: Spring Boot's {@link ObjectMapper}, which Spring MVC
 * writes every JSON body with. README: Security.
 */
@Configuration(proxyBeanMethods = false)
class HtmlSafeJsonConfig {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer htmlEscapingJson() {
		return builder -> builder.postConfigurer(HtmlSafeJsonConfig::escapeHtml);
	}

	static void escapeHtml(ObjectMapper mapper) {
		mapper.getFactory().setCharacterEscapes(new HtmlEscapes());
	}

	/** JSON's own escapes plus {@code < > & '}. */
	static final class HtmlEscapes extends CharacterEscapes {

		private static final long serialVersionUID = 1L;

		private final int[] escapes;

		HtmlEscapes() {
			escapes = CharacterEscapes.standardAsciiEscapesForJSON();
			for (char c : new char[] { '<', '>', '&', '\'' }) {
				escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
			}
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return escapes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return null;
		}

	}

}
