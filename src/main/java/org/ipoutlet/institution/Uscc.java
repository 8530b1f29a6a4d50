package org.ipoutlet.institution;

import java.util.Optional;

import org.ipoutlet.validation.Checks;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015.
 * <p>
 * Eighteen characters from a 31-character alphabet (digits and upper-case Latin letters without
 * I, O, Z, S and V): the registration authority (1st), the institution type (2nd), the
 * administrative division of the registration authority (3rd–8th), the organisation code
 * (9th–17th) and a check character (18th). The check character is computed, as in the standard,
 * over the first 17 characters: each character's value in the alphabet (0–30) is multiplied by the
 * weight 3<sup>i</sup> mod 31 of its position i (0-based), and the check value is
 * 31 − (sum mod 31), where 31 becomes 0.
 */
public final class Uscc {

	/** Length of a complete code. */
	public static final int LENGTH = 18;

	/** The code's alphabet; a character's value is its index. */
	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int MODULUS = ALPHABET.length(); // 31

	/** Weights of positions 1–17: 3^i mod 31. */
	private static final int[] WEIGHTS = new int[LENGTH - 1];

	static {
		int weight = 1;
		for (int i = 0; i < WEIGHTS.length; i++) {
			WEIGHTS[i] = weight;
			weight = weight * 3 % MODULUS;
		}
	}

	/** Why a value is not a valid code, in the order the checks are made. */
	public enum Violation {
		/** Null, empty or blank. */
		REQUIRED,
		/** Not exactly 18 characters. */
		LENGTH,
		/** A character outside 0–9 and A–Y without I, O, S, V, Z (lower case included). */
		CHARACTERS,
		/** The 18th character does not match the check character of the first 17. */
		CHECK_CHARACTER
	}

	private Uscc() {
	}

	public static boolean isValid(String value) {
		return violation(value).isEmpty();
	}

	/** The first rule the value breaks, or empty when it is a valid code. The value is not trimmed. */
	public static Optional<Violation> violation(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(Violation.REQUIRED);
		}
		if (value.length() != LENGTH) {
			return Optional.of(Violation.LENGTH);
		}
		if (!inAlphabet(value)) {
			return Optional.of(Violation.CHARACTERS);
		}
		if (value.charAt(LENGTH - 1) != checkOf(value)) {
			return Optional.of(Violation.CHECK_CHARACTER);
		}
		return Optional.empty();
	}

	/**
	 * Checks a field holding a code with the 备案表's rules and messages (required, 18 characters, the
	 * alphabet, the check character of GB 32100-2015).
	 * @return the code when it is valid
	 */
	public static Optional<String> check(Checks c, String field, String label) {
		Optional<String> text = c.text(field, label, true, LENGTH);
		Optional<Violation> violation = text.flatMap(Uscc::violation);
		violation.ifPresent(v -> {
			switch (v) {
				case REQUIRED -> c.reject(field, label, "required", "must not be empty", "必填");
				case LENGTH -> c.reject(field, label, "length", "must have 18 characters", "应为18位");
				case CHARACTERS -> c.reject(field, label, "characters",
						"may only contain digits and upper-case letters other than I, O, Z, S, V",
						"只能包含数字和大写字母（不含I、O、Z、S、V）");
				case CHECK_CHARACTER -> c.reject(field, label, "checkCharacter",
						"has a wrong check character (GB 32100-2015)", "校验码错误，请核对（GB 32100-2015）");
			}
		});
		return violation.isPresent() ? Optional.empty() : text;
	}

	/**
	 * The check character (18th) for the first 17 characters of a code.
	 * @throws IllegalArgumentException unless {@code first17} is 17 characters of the alphabet
	 */
	public static char checkCharacter(String first17) {
		if (first17 == null || first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("USCC without check character must be 17 characters, was "
					+ (first17 == null ? "null" : first17.length() + " ('" + first17 + "')"));
		}
		if (!inAlphabet(first17)) {
			throw new IllegalArgumentException("USCC '" + first17 + "' has a character outside " + ALPHABET);
		}
		return checkOf(first17);
	}

	/** The 17 characters followed by their check character: a valid code. */
	public static String complete(String first17) {
		return first17 + checkCharacter(first17);
	}

	private static char checkOf(String code) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		int check = MODULUS - sum % MODULUS;
		return ALPHABET.charAt(check == MODULUS ? 0 : check);
	}

	private static boolean inAlphabet(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (ALPHABET.indexOf(value.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

}
