package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ipoutlet.institution.IpCategory;
import org.ipoutlet.institution.Labels;
import org.ipoutlet.institution.ServiceItem;
import org.ipoutlet.validation.Checks;

/**
 * The 备案表's facts that must agree with each other (README, "The team and the service items"):
 * section 三 lists the head and at least as many full-time members as 一 claims (Art. 5(一)); the
 * itemised 服务事项清单 and the ticked service codes name the same services (Art. 8, 12, 13). Each
 * disagreement is a field error; the fields' own rules (required, lengths, codes) come first and a
 * field they refused is not compared again.
 */
final class FilingEvidence {

	static final String ITEM_SERVICE_CODE = "serviceCode";
	static final String ITEM_IP_CATEGORY = "ipCategory";
	static final String MEMBER_NAME = "name";
	static final String MEMBER_FULL_TIME = "fullTime";

	private FilingEvidence() {
	}

	/** Section 三 against section 一: the head (主要负责人) by name, and the full-time members by count. */
	static void checkTeam(Checks c, String label) {
		if (!(c.value(TEAM_MEMBERS) instanceof List<?> members) || refused(c, TEAM_MEMBERS)) {
			return;
		}
		if (c.value(HEAD_NAME) instanceof String head && !head.isBlank() && !c.hasError(HEAD_NAME)
				&& members.stream().noneMatch(m -> m instanceof Map<?, ?> member && member.get(MEMBER_NAME) instanceof String name
						&& name.strip().equals(head.strip()))) {
			c.reject(TEAM_MEMBERS, label, "head", "must list the head named in headName",
					"须列出主要负责人（姓名与“主要负责人”一栏一致），《备案表》第三部分");
		}
		if (c.value(STAFF_FULL_TIME) instanceof Number claimed && !c.hasError(STAFF_FULL_TIME)) {
			long listed = members.stream()
				.filter(m -> m instanceof Map<?, ?> member && isTrue(member.get(MEMBER_FULL_TIME)))
				.count();
			if (listed < claimed.longValue()) {
				c.reject(TEAM_MEMBERS, label, "fullTimeMembers",
						"lists " + listed + " full-time members, staffFullTime claims " + claimed,
						"勾选“专职”的人员（现有" + listed + "名）不得少于专职人员数量（" + claimed + "名），须逐一列出（《办法》第五条（一））");
			}
		}
	}

	/** The itemised list against the ticked codes (and the chosen IP categories): each names the other. */
	static void checkServiceItems(Checks c, String label) {
		if (!(c.value(SERVICE_ITEM_LIST) instanceof List<?> items) || refused(c, SERVICE_ITEM_LIST)
				|| c.hasError(SERVICE_ITEMS) || c.hasError(IP_CATEGORIES)) {
			return;
		}
		List<?> codes = c.value(SERVICE_ITEMS) instanceof List<?> l ? l : List.of();
		List<?> categories = c.value(IP_CATEGORIES) instanceof List<?> l ? l : List.of();
		for (int i = 0; i < items.size(); i++) {
			if (!(items.get(i) instanceof Map<?, ?> item)) {
				continue;
			}
			String path = SERVICE_ITEM_LIST + "[" + i + "].";
			String itemLabel = label + "第" + (i + 1) + "项";
			if (item.get(ITEM_SERVICE_CODE) instanceof String code && ServiceItem.codes().contains(code)
					&& !codes.contains(code)) {
				c.reject(path + ITEM_SERVICE_CODE, itemLabel + "所属服务类别", "notInServiceItems",
						"is " + code + ", which serviceItems does not tick",
						"“" + Labels.serviceItem(code) + "”未在服务事项清单中勾选");
			}
			// No category chosen at all is the eligibility check's to refuse (NO_IP_CATEGORY, Art. 5(二)).
			if (item.get(ITEM_IP_CATEGORY) instanceof String category && IpCategory.codes().contains(category)
					&& !categories.isEmpty() && !categories.contains(category) && !c.hasError(path + ITEM_IP_CATEGORY)) {
				c.reject(path + ITEM_IP_CATEGORY, itemLabel + "知识产权类别", "notInIpCategories",
						"is " + category + ", which ipCategories does not choose",
						"“" + Labels.ipCategory(category) + "”不在所选的服务知识产权类别中");
			}
		}
		for (Object code : codes) {
			boolean itemised = items.stream()
				.anyMatch(i -> i instanceof Map<?, ?> item && Objects.equals(item.get(ITEM_SERVICE_CODE), code));
			if (!itemised) {
				c.reject(SERVICE_ITEM_LIST, label, "missingItem", "has no item of " + code + ", which serviceItems ticks",
						"已勾选“" + Labels.serviceItem((String) code) + "”，但未列出该类服务事项");
			}
		}
	}

	/** Whether the list or one of its items' fields was refused by its own rules. */
	private static boolean refused(Checks c, String list) {
		return c.errors().stream().anyMatch(e -> e.field().equals(list) || e.field().startsWith(list + "["));
	}

	private static boolean isTrue(Object value) {
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

}
