package org.ipoutlet.institution;

import static org.ipoutlet.institution.OutletVariables.*;

import java.util.List;
import java.util.regex.Pattern;

import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FormDefinition;

/**
 * Art. 10: the outlet's important information (name, place: address and province, head and the head's
 * title, contact, main service items),
 * the part of the 备案表 that a change report may alter. Their names are the 备案表's field names
 * (README, "Reference"); each field is checked with the 备案表's own definition of it
 * ({@link FilingFormDefinition}), so the register never holds a value the form would refuse.
 */
public final class BasicInformation {

	/** The fields a change report may carry, in display order. */
	public static final List<String> FIELDS = List.of(ORG_NAME, ADDRESS, PROVINCE, HEAD_NAME, HEAD_TITLE, CONTACT_NAME,
			PHONE, EMAIL, SERVICE_ITEMS);

	/** A province's administrative division code (e.g. 310000); which codes exist is the recommenders' configuration. */
	public static final Pattern PROVINCE_PATTERN = Pattern.compile("^[1-9][0-9]0000$");

	private BasicInformation() {
	}

	/** The 备案表's pattern of a mainland mobile number or a landline with its area code. */
	public static Pattern phonePattern() {
		return FilingFormDefinition.standard().field(PHONE).compiledPattern().orElseThrow();
	}

	/** The 备案表's label of one of the fields above, e.g. for a reviewer's list of changes. */
	public static String label(String field) {
		return definition(FilingFormDefinition.standard(), field).field(field).label();
	}

	/** Checks one of the text fields above with the 备案表's rule for it. */
	public static void check(Checks c, String field) {
		check(c, field, FilingFormDefinition.standard());
	}

	/** Checks one of the text fields above with the rule {@code form} defines for it. */
	public static void check(Checks c, String field, FormDefinition form) {
		var definition = definition(form, field).field(field);
		switch (field) {
			case PHONE -> definition.text(c, "phone", "a mainland mobile or landline number", "手机号码或带区号的固定电话");
			case ORG_NAME, ADDRESS, HEAD_NAME, HEAD_TITLE, CONTACT_NAME, EMAIL -> definition.text(c);
			// The 备案表 chooses the province from a list; a change report names its code.
			case PROVINCE -> c.text(PROVINCE, definition.label(), true, 6, PROVINCE_PATTERN, "province",
					"a province code such as 310000", "省级行政区划代码，如310000");
		}
	}

	private static FormDefinition definition(FormDefinition form, String field) {
		if (!FIELDS.contains(field)) {
			throw new IllegalArgumentException(field + " is not a field a change report may alter");
		}
		return form;
	}

}
