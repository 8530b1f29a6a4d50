package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.validation.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Service task 予以备案 (Art. 7(三), 8, 9): gives the outlet a filing number and three years of
 * validity (the last day inclusive), records it in the public register and starts its
 * {@code outlet-lifecycle}. Refused unless the application's aggregate records a completed
 * publicity period (after eligibility, recommendation and CNIPA's approval, in that order) with no
 * open or upheld objection: a registration reached by a skipped step fails, its job becomes an
 * incident, and nothing is registered. The institution, recommender and applicant are the ones
 * recorded at intake, not the variables.
 */
@Component("registration")
class Registration implements JavaDelegate {


	private static final Logger log = LoggerFactory.getLogger(Registration.class);

	private final DocumentNumbers numbers;
	private final FilingSteps steps;
	private final OutletRepository outlets;
	private final BusinessClock clock;
	private final RuntimeService runtime;
	private final RegulationDates dates;

	Registration(DocumentNumbers numbers, FilingSteps steps, OutletRepository outlets, BusinessClock clock,
			@Lazy RuntimeService runtime, RegulationDates dates) {
		this.numbers = numbers;
		this.steps = steps;
		this.outlets = outlets;
		this.clock = clock;
		this.runtime = runtime;
		this.dates = dates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate validFrom = clock.today();
		FilingApplication application = steps.record(execution, a -> a.file(validFrom, clock.now()));
		LocalDate validUntil = dates.validUntil(validFrom);
		String filingNo = numbers.nextFilingNo(validFrom.getYear());
		Outlet outlet = Outlet.file(filingNo, application.applicationNo(), application.uscc(), details(execution),
				application.recommenderId(), application.applicant(), validFrom, validUntil, clock.now())
			.withHeadTitle(text(execution, HEAD_TITLE));
		outlets.insert(outlet);
		execution.setVariable(FILING_NO, filingNo);
		execution.setVariable(VALID_FROM, validFrom.toString());
		execution.setVariable(VALID_UNTIL, validUntil.toString());

		Map<String, Object> lifecycle = new HashMap<>();
		lifecycle.put(FILING_NO, filingNo);
		lifecycle.put(APPLICATION_NO, application.applicationNo());
		lifecycle.put(USCC, outlet.uscc());
		lifecycle.put(ORG_NAME, outlet.details().orgName());
		lifecycle.put(RECOMMENDER_ID, outlet.recommenderId());
		lifecycle.put(PROVINCE, outlet.details().province());
		lifecycle.put(OUTLET_USER, outlet.outletUser());
		lifecycle.put(VALID_FROM, validFrom.toString());
		lifecycle.put(VALID_UNTIL, validUntil.toString());
		runtime.startProcessInstanceByKey(OUTLET_LIFECYCLE, filingNo, lifecycle);
		log.info("Application {} filed as outlet {}, valid {} to {}", application.applicationNo(), filingNo,
				validFrom, validUntil);
	}

	static OutletDetails details(DelegateExecution execution) {
		return new OutletDetails(text(execution, ORG_NAME), text(execution, ORG_CATEGORY), text(execution, ORG_NATURE),
				text(execution, PROVINCE), text(execution, ADDRESS), text(execution, PLATFORM_NAME),
				text(execution, PLATFORM_URL), text(execution, HEAD_NAME), text(execution, CONTACT_NAME),
				text(execution, PHONE), text(execution, EMAIL), text(execution, SERVICE_TARGETS),
				JsonValues.codes(execution.getVariable(SERVICE_ITEMS)),
				JsonValues.codes(execution.getVariable(IP_CATEGORIES)));
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

}
