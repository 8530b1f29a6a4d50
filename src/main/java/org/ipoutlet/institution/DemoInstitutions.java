package org.ipoutlet.institution;

import java.time.LocalDate;

import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;

/**
 * Demo profile only: an exempt institution (Art. 19) and a banned one (Art. 18), so that a demo user
 * can see the eligibility check refuse them. Created once; other profiles start with empty lists,
 * which CNIPA fills (bans are written by the processes themselves).
 */
@Component
@Profile("demo")
class DemoInstitutions {

	/** A technology and innovation support centre (TISC): exempt from filing. */
	static final String EXEMPT_USCC = Uscc.complete("12100000400000999");
	/** An institution found to have given false materials: banned for three years. */
	static final String BANNED_USCC = Uscc.complete("52310000500000777");

	private static final Logger log = LoggerFactory.getLogger(DemoInstitutions.class);

	private final ExemptInstitutions exempt;
	private final BannedInstitutions banned;
	private final BusinessClock clock;

	DemoInstitutions(ExemptInstitutions exempt, BannedInstitutions banned, BusinessClock clock) {
		this.exempt = exempt;
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
	}

}
