package org.ipoutlet.filing.web;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON with {@code < > & '} written as unicode escapes ({@code \u003C} ...): text an applicant typed
 * (an organisation name with a script tag) stays inert even if a client mistakes the response for
 * HTML. The value a JSON parser reads is unchanged.
 */
@Component
class HtmlSafeJson {

	private final ObjectMapper mapper;

	HtmlSafeJson(ObjectMapper objectMapper) {
		this.mapper = objectMapper.copy();
		this.mapper.getFactory().setCharacterEscapes(new HtmlEscapes());
	}

	byte[] write(Object value) {
		try {
			return mapper.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write JSON", ex);
		}
	}

	private static final class HtmlEscapes extends CharacterEscapes {

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
