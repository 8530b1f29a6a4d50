package org.ipoutlet.filing.web;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.FilingMessages;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The objection form of the register page's 公示 section (Art. 7(三); README "公示 is public"): a plain
 * HTML form post, no login and no script, answered with a Chinese receipt page, or the Chinese reason
 * of a refusal. The same rules as {@code POST /api/filings/{no}/objections}: objection and contact
 * required, only within the publicity period, and the same per-client rate limit.
 */
@Controller
class ObjectionPageController {

	private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final FilingMessages messages;
	private final FilingStatusQuery statuses;
	private final IdentityService identity;
	private final BusinessClock clock;

	ObjectionPageController(FilingMessages messages, FilingStatusQuery statuses, IdentityService identity,
			BusinessClock clock) {
		this.messages = messages;
		this.statuses = statuses;
		this.identity = identity;
		this.clock = clock;
	}

	@PostMapping(path = "/outlets/publicity/{applicationNo}/objections",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String object(@PathVariable String applicationNo, @RequestParam(required = false) String objection,
			@RequestParam(required = false) String objectorContact, Model model, HttpServletResponse response) {
		model.addAttribute("applicationNo", applicationNo);
		Map<String, Object> form = new HashMap<>();
		form.put(OBJECTION, objection);
		form.put(OBJECTOR_CONTACT, objectorContact);
		Checks checks = new Checks(form);
		checks.text(OBJECTION, "异议内容", true, FilingApiController.OBJECTION_MAX);
		checks.text(OBJECTOR_CONTACT, "异议人联系方式", true, FilingApiController.OBJECTOR_CONTACT_MAX);
		if (!checks.errors().isEmpty()) {
			return refused(model, response, HttpStatus.BAD_REQUEST,
					checks.errors().stream().map(FieldError::messageZh).toList());
		}
		if (!statuses.exists(applicationNo)) {
			return refused(model, response, HttpStatus.NOT_FOUND, List.of("没有申请号为 " + applicationNo + " 的备案申请。"));
		}
		try {
			EngineCalls.asSystem(identity,
					() -> messages.raiseObjection(applicationNo, objection.strip(), objectorContact.strip()));
		}
		catch (FilingMessages.NotInPublicityException ex) {
			return refused(model, response, HttpStatus.CONFLICT,
					List.of("公示期外不受理异议：申请 " + applicationNo + " 不在公示期内。"));
		}
		model.addAttribute("accepted", true);
		model.addAttribute("receivedAt", clock.now().atZone(clock.zone()).format(RECEIVED));
		return "objection-receipt";
	}

	private static String refused(Model model, HttpServletResponse response, HttpStatus status, List<String> reasons) {
		response.setStatus(status.value());
		model.addAttribute("accepted", false);
		model.addAttribute("messages", reasons);
		return "objection-receipt";
	}

}
