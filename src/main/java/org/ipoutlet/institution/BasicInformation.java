package org.ipoutlet.institution;

import static org.ipoutlet.institution.OutletVariables.*;

import java.util.List;
import java.util.regex.Pattern;

import org.ipoutlet.validation.Checks;

/**
 * Art. 10: the outlet's important information (name, place: address and province, head and the head's
 * title, contact, main service items),
 * the part of the 备案表 that a change report may alter. Their names are the 备案表's field names
 * (README, "Reference"); each text field is checked as in the 备案表, so the register never holds a
 * value the form would refuse.
 */
public final class BasicInformation {

	/** The fields a change report may carry, in display order. */
	public static final List<String> FIELDS = List.of(ORG_NAME, ADDRESS, PROVINCE, HEAD_NAME, HEAD_TITLE, CONTACT_NAME,
			PHONE, EMAIL, SERVICE_ITEMS);

	/** A province's administrative division code (e.g. 310000); which codes exist is the recommenders' configuration. */
	public static final Pattern PROVINCE_PATTERN = Pattern.compile("^[1-9][0-9]0000$");

	/** A mainland mobile number or a landline with its area code. */
	public static final Pattern PHONE_PATTERN = Pattern
		.compile("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$");

	private BasicInformation() {
	}

	/** Checks one of the text fields above with the 备案表's rule for it. */
	public static void check(Checks c, String field) {
		switch (field) {
			case ORG_NAME -> c.text(ORG_NAME, "机构名称", true, 100);
			case ADDRESS -> c.text(ADDRESS, "地址", true, 200);
			case HEAD_NAME -> c.text(HEAD_NAME, "主要负责人", true, 50);
			case HEAD_TITLE -> c.text(HEAD_TITLE, "主要负责人职务", true, 50);
			case PROVINCE -> c.text(PROVINCE, "所在省份", true, 6, PROVINCE_PATTERN, "province",
					"a province code such as 310000", "省级行政区划代码，如310000");
			case CONTACT_NAME -> c.text(CONTACT_NAME, "联系人", true, 50);
			case PHONE -> c.text(PHONE, "联系电话", true, 30, PHONE_PATTERN, "phone",
					"a mainland mobile or landline number", "手机号码或带区号的固定电话");
			case EMAIL -> c.email(EMAIL, "邮箱", true, 100);
			default -> throw new IllegalArgumentException(field + " is not a field a change report may alter");
		}
	}

}
