package org.ipoutlet.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.Random;

import org.ipoutlet.institution.Uscc.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ipoutlet.institution.Uscc;

/** The 统一社会信用代码 of GB 32100-2015, as the 备案表's {@code uscc} field requires. */
class UsccTest {

	/** Codes published by their holders (invoices, annual reports, the standard's worked example). */
	@ParameterizedTest
	@ValueSource(strings = {
			"914403001922038216", // 华为技术有限公司
			"9144030071526726XG", // 腾讯科技（深圳）有限公司
			"91110108551385082Q", // 小米科技有限责任公司
			"911000001000013428", // 中国银行股份有限公司
			"12100000400000624D", // 清华大学
			"91350100M000100Y43" // example code quoted with the standard
	})
	void publishedCodesAreValid(String code) {
		assertThat(Uscc.violation(code)).isEmpty();
		assertThat(Uscc.isValid(code)).isTrue();
		assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
		assertThat(Uscc.complete(code.substring(0, 17))).isEqualTo(code);
	}

	@Test
	void checkValueOf31BecomesZero() {
		// every character 0: sum 0, 31 - 0 = 31, written 0
		assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
	}

	@Test
	void checkValue30IsTheLastCharacterOfTheAlphabet() {
		// first character 1 with weight 1: sum 1, 31 - 1 = 30 = 'Y'
		assertThat(Uscc.checkCharacter("10000000000000000")).isEqualTo('Y');
	}

	@Test
	void weightOfEachPositionIsThreeToThePowerOfItsIndexModulo31() {
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		for (int position = 0; position < 17; position++) {
			// a single 1 at this position: sum = weight, check value = 31 - weight
			String first17 = "0".repeat(position) + "1" + "0".repeat(16 - position);
			char expected = Uscc.ALPHABET.charAt(31 - weights[position]);
			assertThat(Uscc.checkCharacter(first17)).as("position %d", position + 1).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t \n" })
	void missingValueIsRequired(String value) {
		assertThat(Uscc.violation(value)).contains(Violation.REQUIRED);
		assertThat(Uscc.isValid(value)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91440300192203821", "9144030019220382160", "914403001922038216 ", " 914403001922038216",
			"9", "91440300-1922038216" })
	void anythingButEighteenCharactersIsTheWrongLength(String value) {
		assertThat(Uscc.violation(value)).contains(Violation.LENGTH);
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'Z', 'S', 'V', '-', ' ', '中' })
	void lettersOutsideTheAlphabetAreRefused(char forbidden) {
		String value = "91350100M000100Y4" + forbidden;
		assertThat(Uscc.violation(value)).contains(Violation.CHARACTERS);
		String inside = "9135" + forbidden + "100M000100Y43";
		assertThat(Uscc.violation(inside)).contains(Violation.CHARACTERS);
	}

	@Test
	void lowerCaseIsRefused() {
		assertThat(Uscc.violation("9144030071526726xg")).contains(Violation.CHARACTERS);
		assertThat(Uscc.violation("91350100m000100Y43")).contains(Violation.CHARACTERS);
	}

	@Test
	void wrongCheckCharacterIsRefused() {
		assertThat(Uscc.violation("914403001922038217")).contains(Violation.CHECK_CHARACTER);
		assertThat(Uscc.violation("9144030071526726XH")).contains(Violation.CHECK_CHARACTER);
	}

	@Test
	void everySingleCharacterChangeIsDetected() {
		String valid = "9144030071526726XG";
		for (int position = 0; position < 18; position++) {
			for (char replacement : Uscc.ALPHABET.toCharArray()) {
				if (replacement == valid.charAt(position)) {
					continue;
				}
				String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
				assertThat(Uscc.violation(changed)).as(changed).contains(Violation.CHECK_CHARACTER);
			}
		}
	}

	@Test
	void swappingTwoDifferentNeighboursIsDetected() {
		String valid = "91110108551385082Q";
		for (int position = 0; position < 16; position++) {
			if (valid.charAt(position) == valid.charAt(position + 1)) {
				continue;
			}
			String swapped = valid.substring(0, position) + valid.charAt(position + 1) + valid.charAt(position)
					+ valid.substring(position + 2);
			assertThat(Uscc.isValid(swapped)).as(swapped).isFalse();
		}
	}

	@Test
	void completeMakesValidCodesFromAnySeventeenCharacters() {
		Random random = new Random(32100);
		for (int n = 0; n < 1000; n++) {
			StringBuilder first17 = new StringBuilder();
			for (int i = 0; i < 17; i++) {
				first17.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
			}
			String code = Uscc.complete(first17.toString());
			assertThat(code).hasSize(18).startsWith(first17);
			assertThat(Uscc.violation(code)).as(code).isEqualTo(Optional.empty());
		}
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "9135010", "91350100M000100Y43", "91350100M000100y4", "91350100M00O100Y4" })
	void checkCharacterNeedsSeventeenCharactersOfTheAlphabet(String first17) {
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.checkCharacter(first17));
		assertThatIllegalArgumentException().isThrownBy(() -> Uscc.complete(first17));
	}

}
