package org.ipoutlet.document;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.FilingApplication;
import org.ipoutlet.filing.FilingOpinion;
import org.ipoutlet.filing.FilingOpinions;
import org.ipoutlet.institution.OrgCategory;
import org.ipoutlet.institution.ServiceItem;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.validation.JsonValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the 备案表 of an application as it stands at any step, from the engine's history (so ended
 * applications print too): sections 一–六 as submitted or last supplemented, 七 from the completion of
 * the signed opinions of the filing (README, "Sections 六–八"): 六 the applicant's declaration, 七 the
 * recommender's, 八 CNIPA's final decision after publicity, each with 经办人 (the user who completed the
 * step, by name), 负责人 and the day.
 */
@Component
class FilingFormReader {

	private final HistoryService history;
	private final IdentityService identity;
	private final Recommenders recommenders;
	private final JdbcTemplate jdbc;
	private final BusinessClock clock;
	private final FilingOpinions opinions;

	FilingFormReader(HistoryService history, IdentityService identity, Recommenders recommenders, JdbcTemplate jdbc,
			BusinessClock clock, FilingOpinions opinions) {
		this.opinions = opinions;
		this.history = history;
		this.identity = identity;
		this.recommenders = recommenders;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public FilingForm read(FilingApplication application) {
		return EngineCalls.asSystem(identity, () -> {
			String instance = application.processInstanceId();
			Map<String, Object> v = variables(instance);
			LocalDate submitted = submittedOn(application.applicationNo());
			String recommender = recommenders.find(application.recommenderId())
				.map(Recommenders.Recommender::name)
				.orElse(application.recommenderId());
			var cover = new FilingForm.Cover(application.applicationNo(), text(v, ORG_NAME), recommender, submitted);
			var basic = new FilingForm.BasicInfo(text(v, ORG_NAME),
					label(text(v, ORG_CATEGORY), OrgCategory.values(), OrgCategory::label), text(v, ORG_NATURE),
					text(v, ADDRESS), text(v, PLATFORM_NAME), text(v, PLATFORM_URL), text(v, HEAD_NAME),
					text(v, HEAD_TITLE), text(v, CONTACT_NAME), text(v, CONTACT_TITLE), text(v, PHONE), text(v, EMAIL),
					integer(v, STAFF_TOTAL), integer(v, STAFF_FULL_TIME), integer(v, STAFF_PART_TIME),
					text(v, SERVICE_TARGETS), JsonValues.codes(v.get(SERVICE_ITEMS))
						.stream()
						.map(code -> label(code, ServiceItem.values(), ServiceItem::label))
						.toList());
			List<FilingForm.TeamMember> team = new ArrayList<>();
			for (Map<String, Object> m : records(v.get(TEAM_MEMBERS))) {
				team.add(new FilingForm.TeamMember(text(m, "name"), text(m, "role"),
						m.get("fullTime") instanceof Boolean b ? b : null, text(m, "resume")));
			}
			List<FilingForm.TypicalCase> cases = new ArrayList<>();
			for (Map<String, Object> c : records(v.get(TYPICAL_CASES))) {
				cases.add(new FilingForm.TypicalCase(text(c, "name"), text(c, "period"), text(c, "content")));
			}
			// 六–八 as the filing signed them (README, "Sections 六–八"): the handler is the user who completed
			// the step, 八 is CNIPA's final decision after publicity, not the approval before it.
			Map<FilingOpinion.Section, FilingOpinion> signed = new EnumMap<>(FilingOpinion.Section.class);
			opinions.sections(application.applicationNo()).forEach(o -> signed.put(o.section(), o));
			String declaration = Boolean.TRUE.equals(v.get(DECLARATION_TRUTHFUL)) ? "本机构承诺所填材料真实、合法。" : null;
			var six = signed.get(FilingOpinion.Section.SIX);
			var applicant = six == null
					? new FilingForm.Opinion(null, declaration, null, text(v, APPLICANT_HEAD), submitted)
					: new FilingForm.Opinion(null, orElse(six.opinion(), declaration), userName(six.handler()), six.head(),
							six.decidedOn());
			var seven = signed.get(FilingOpinion.Section.SEVEN);
			var recommendation = seven == null ? FilingForm.Opinion.NONE
					: new FilingForm.Opinion(switch (String.valueOf(seven.decision())) {
						case "RECOMMEND" -> "同意推荐";
						case "RETURN" -> "退回补正";
						case "NOT_RECOMMEND" -> "不予推荐";
						default -> null;
					}, seven.opinion(), userName(seven.handler()), seven.head(), seven.decidedOn());
			var eight = signed.get(FilingOpinion.Section.EIGHT);
			var decision = eight == null ? FilingForm.Opinion.NONE
					: new FilingForm.Opinion(FilingOpinion.FILED.equals(eight.decision()) ? "准予备案" : "不予备案",
							eight.opinion(), userName(eight.handler()), eight.head(), eight.decidedOn());
			return new FilingForm(cover, basic, text(v, WORK_FOUNDATION), team, text(v, DEVELOPMENT_PLAN), cases, applicant,
					recommendation, decision);
		});
	}

	private Map<String, Object> variables(String processInstanceId) {
		Map<String, Object> vars = new HashMap<>();
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(processInstanceId)
			.disableBinaryFetching()
			.list()) {
			// Process-level values win over a task-local copy of the same name.
			if (processInstanceId.equals(v.getExecutionId()) || !vars.containsKey(v.getName())) {
				if (!"File".equalsIgnoreCase(v.getTypeName())) {
					vars.put(v.getName(), JsonValues.toJava(v.getValue()));
				}
			}
		}
		return vars;
	}

	private static String orElse(String text, String otherwise) {
		return text == null || text.isBlank() ? otherwise : text;
	}

	private String userName(String userId) {
		if (userId == null) {
			return null;
		}
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName())).strip();
		return name.isEmpty() ? userId : name;
	}

	private LocalDate submittedOn(String applicationNo) {
		return jdbc.query("select submitted_at from filing_application where application_no = ?",
				(rs, i) -> rs.getTimestamp(1).toInstant().atZone(clock.zone()).toLocalDate(), applicationNo)
			.stream()
			.findFirst()
			.orElse(null);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> records(Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
	}

	private static <E extends Enum<E>> String label(String code, E[] values, java.util.function.Function<E, String> label) {
		if (code == null) {
			return null;
		}
		return Arrays.stream(values).filter(e -> e.name().equals(code)).findFirst().map(label).orElse(code);
	}

	private static String text(Map<String, Object> values, String name) {
		Object value = values.get(name);
		return value == null ? null : value.toString();
	}

	private static Integer integer(Map<String, Object> values, String name) {
		return values.get(name) instanceof Number n ? n.intValue() : null;
	}

}
