package org.ipoutlet.register.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.Labels;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletServiceItems;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.register.PublicityQuery;
import org.ipoutlet.register.RegisterQuery;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public register page (国家知识产权信息公共服务网点名录), rendered on the server: it works without
 * JavaScript, and every value is escaped by the template.
 */
@Controller
class OutletPageController {

	private final RegisterQuery register;
	private final Recommenders recommenders;
	private final PublicityQuery publicity;
	private final BusinessClock clock;
	private final OutletServiceItems serviceItems;

	OutletPageController(RegisterQuery register, Recommenders recommenders, PublicityQuery publicity,
			BusinessClock clock, OutletServiceItems serviceItems) {
		this.serviceItems = serviceItems;
		this.register = register;
		this.recommenders = recommenders;
		this.publicity = publicity;
		this.clock = clock;
	}

	@GetMapping("/outlets")
	String outlets(@RequestParam(required = false) String province, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model,
			HttpServletResponse response) {
		Map<String, String> provinces = new TreeMap<>(recommenders.provinces());
		model.addAttribute("provinces", provinces);
		model.addAttribute("categories", Labels.ORG_CATEGORIES);
		model.addAttribute("statuses", OutletStatus.values());
		model.addAttribute("form", new Form(province, category, status, q, sort, dir));
		// 公示 (Art. 7(三)) and the 发布名单 of each decision date (Art. 8), above the register itself.
		LocalDate today = clock.today();
		model.addAttribute("publicity",
				publicity.underPublicity(today).stream().map(c -> PublicityView.of(c, recommenders, today)).toList());
		model.addAttribute("announcements", publicity.announcements());
		model.addAttribute("today", today);
		OutletSearch search;
		try {
			search = OutletSearch.parse(province, category, status, q, number("page", page), number("size", size),
					sort, dir, recommenders);
		}
		catch (InvalidRequestException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", ex.errors().stream().map(FieldError::messageZh).toList());
			return "outlets";
		}
		RegisterQuery.Result result = register.search(search.criteria(), search.page(), search.size(), search.sort(),
				search.descending());
		model.addAttribute("result", result);
		Map<String, List<OutletServiceItems.Item>> serviceItemLists = serviceItems
			.ofAll(result.items().stream().map(Outlet::filingNo).toList());
		model.addAttribute("items", result.items().stream()
			.map(o -> OutletView.of(o, provinces, serviceItemLists.getOrDefault(o.filingNo(), List.of())))
			.toList());
		model.addAttribute("pages", pageLinks(result, province, category, status, q, size, sort, dir));
		if (result.hasPrevious()) {
			model.addAttribute("previousUrl", link(province, category, status, q, result.page() - 1, size, sort, dir));
		}
		if (result.hasNext()) {
			model.addAttribute("nextUrl", link(province, category, status, q, result.page() + 1, size, sort, dir));
		}
		List<ProvinceCount> counts = new ArrayList<>();
		register.countByProvince(search.criteria())
			.forEach((code, n) -> counts.add(new ProvinceCount(code, provinces.getOrDefault(code, code), n,
					link(code, category, status, q, null, size, sort, dir))));
		model.addAttribute("provinceCounts", counts);
		model.addAttribute("provinceTotal", counts.stream().mapToLong(ProvinceCount::count).sum());
		return "outlets";
	}

	/** A non-numeric page or size on the page is reported like any other refused parameter. */
	private static Integer number(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException(new FieldError(name, "type", name + " must be a whole number",
					("page".equals(name) ? "页码" : "每页条数") + "须为整数"));
		}
	}

	private static List<PageLink> pageLinks(RegisterQuery.Result result, String province, String category,
			String status, String q, String size, String sort, String dir) {
		List<PageLink> links = new ArrayList<>();
		int pages = result.totalPages();
		for (int i = 0; i < pages; i++) {
			// The first, the last and the pages near the current one; the rest are elided.
			if (i == 0 || i == pages - 1 || Math.abs(i - result.page()) <= 2) {
				links.add(new PageLink(i + 1, link(province, category, status, q, i, size, sort, dir),
						i == result.page()));
			}
			else if (!links.isEmpty() && links.get(links.size() - 1).number() != 0) {
				links.add(new PageLink(0, null, false));
			}
		}
		return links;
	}

	private static String link(String province, String category, String status, String q, Integer page, String size,
			String sort, String dir) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		param(query, "q", q);
		param(query, "province", province);
		param(query, "category", category);
		param(query, "status", status);
		param(query, "sort", sort);
		param(query, "dir", dir);
		param(query, "size", size);
		if (page != null && page > 0) {
			param(query, "page", page.toString());
		}
		return "/outlets" + query;
	}

	private static void param(StringJoiner query, String name, String value) {
		if (value != null && !value.isBlank()) {
			query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
		}
	}

	/** The search form as the visitor filled it in. */
	record Form(String province, String category, String status, String q, String sort, String dir) {
	}

	/** A page number with its link; number 0 stands for elided pages. */
	record PageLink(int number, String url, boolean current) {
	}

	record ProvinceCount(String code, String name, long count, String url) {
	}

}
