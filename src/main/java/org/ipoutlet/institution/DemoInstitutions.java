package org.ipoutlet.institution;

import java.time.LocalDate;
import java.util.List;

import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: an exempt institution (Art. 19) and a banned one (Art. 18), so that a demo user
 * can see the eligibility check refuse them, and a few provincial outlets of Shanghai and Beijing
 * (Art. 7(一)), so that a demo applicant can file on the provincial route (README, "Registers behind the
 * eligibility check"). Created once; other profiles start with empty lists, which CNIPA and the
 * provincial offices fill (bans are written by the processes themselves).
 */
@Component
@Profile("demo")
class DemoInstitutions {

	/** A technology and innovation support centre (TISC): exempt from filing. */
	static final String EXEMPT_USCC = Uscc.complete("12100000400000999");
	/** An institution found to have given false materials: banned for three years. */
	static final String BANNED_USCC = Uscc.complete("52310000500000777");

	/** Provincial outlets (USCC, name, province, provincial filing number, filed on). */
	static final List<List<String>> PROVINCIAL_OUTLETS = List.of(
			List.of(Uscc.complete("12310000425010001"), "上海市某高校图书馆", "310000", "沪知信网-2024-001", "2024-05-20"),
			List.of(Uscc.complete("12310000425010002"), "上海市某科技情报研究所", "310000", "沪知信网-2024-002", "2024-05-20"),
			List.of(Uscc.complete("12110000400010003"), "北京市某高校图书馆", "110000", "京知信网-2023-015", "2023-11-08"));

	private static final Logger log = LoggerFactory.getLogger(DemoInstitutions.class);

	private final ExemptInstitutions exempt;
	private final BannedInstitutions banned;
	private final ProvincialOutlets provincialOutlets;
	private final BusinessClock clock;

	DemoInstitutions(ExemptInstitutions exempt, BannedInstitutions banned, ProvincialOutlets provincialOutlets,
			BusinessClock clock) {
		this.exempt = exempt;
		this.provincialOutlets = provincialOutlets;
		this.banned = banned;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(20)
	public void seed() {
		if (exempt.exemptionOf(EXEMPT_USCC).isEmpty()) {
			exempt.add(EXEMPT_USCC, "示例技术与创新支持中心（TISC）", ExemptInstitutions.Exemption.TISC, "演示数据");
			log.info("Demo: exempt institution {} (TISC)", EXEMPT_USCC);
		}
		if (banned.banEnds(BANNED_USCC).isEmpty()) {
			LocalDate until = banned.ban(BANNED_USCC, "示例违规服务机构", "演示数据：备案过程中提供虚假材料（第十八条）",
					clock.today(), "demo");
			log.info("Demo: banned institution {} until {}", BANNED_USCC, until);
		}
		for (List<String> o : PROVINCIAL_OUTLETS) {
			if (provincialOutlets.find(o.get(0)).isEmpty()) {
				provincialOutlets.save(new ProvincialOutlets.ProvincialOutlet(o.get(0), o.get(1), o.get(2), o.get(3),
						LocalDate.parse(o.get(4)), "demo", clock.now()));
				log.info("Demo: provincial outlet {} of {}", o.get(0), o.get(2));
			}
		}
	}

}
