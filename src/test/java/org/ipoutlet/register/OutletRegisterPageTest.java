package org.ipoutlet.register;

import static org.assertj.core.api.Assertions.assertThat;
import org.ipoutlet.identity.WebTest;

import java.util.List;

import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Art. 8: the public register page, server-rendered and usable without JavaScript. */
@WebTest
class OutletRegisterPageTest {

	@LocalServerPort
	int port;

	@Autowired
	OutletRepository repository;

	ApiClient api;

	TestOutlets outlets;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		outlets = new TestOutlets(repository);
	}

	@Test
	void Art8_pageListsOutletsWithTheirServiceItemsWithoutLoginOrScript() {
		String filingNo = outlets.outlet(outlets.token() + "大学图书馆")
			.serviceItems("CONSULTATION", "SEARCH", "TRAINING", "DATABASE_TOOLS")
			.insert();

		Response response = api.get("/outlets?q=" + outlets.token());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
		Document page = Jsoup.parse(response.body());
		assertThat(page.title()).isEqualTo("国家知识产权信息公共服务网点名录");
		assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
		assertThat(page.select("script")).isEmpty();
		List<Element> rows = page.select("li.outlet");
		assertThat(rows).hasSize(1);
		Element row = rows.get(0);
		assertThat(row.attr("data-filing-no")).isEqualTo(filingNo);
		assertThat(row.select(".org-name").text()).isEqualTo(outlets.token() + "大学图书馆");
		assertThat(row.select(".status").text()).isEqualTo("有效");
		assertThat(row.select(".province").text()).isEqualTo("上海市");
		assertThat(row.select(".service-items li").eachText()).containsExactly("知识产权咨询服务", "知识产权信息查询检索服务",
				"知识产权宣传培训服务", "知识产权数据库及工具平台开发");
		assertThat(row.text()).doesNotContain("张三", "李四");
		assertThat(page.select(".summary strong").text()).isEqualTo("1");
		// The search form is a plain GET form: filters work without JavaScript.
		Element form = page.selectFirst("form.search");
		assertThat(form.attr("method")).isEqualTo("get");
		assertThat(form.select("select#province option")).hasSizeGreaterThan(31);
		assertThat(form.select("label[for=q]")).hasSize(1);
		assertThat(form.select("input#q").val()).isEqualTo(outlets.token());
	}

	@Test
	void filtersFromQueryParametersAndCountsByProvince() {
		outlets.outlet(outlets.token() + "沪一").province("310000").insert();
		outlets.outlet(outlets.token() + "沪二").province("310000").insert();
		String beijingLibrary = outlets.outlet(outlets.token() + "京馆")
			.province("110000")
			.category("PUBLIC_LIBRARY")
			.insert();
		outlets.outlet(outlets.token() + "京校").province("110000").insert();
		outlets.outlet(outlets.token() + "粤撤").province("440000").status(OutletStatus.REVOKED).insert();

		Document page = page("/outlets?q=" + outlets.token() + "&province=110000&category=PUBLIC_LIBRARY");

		assertThat(page.select("li.outlet").eachAttr("data-filing-no")).containsExactly(beijingLibrary);
		assertThat(page.select("select#province option[selected]").val()).isEqualTo("110000");
		assertThat(page.select("select#category option[selected]").val()).isEqualTo("PUBLIC_LIBRARY");

		Document all = page("/outlets?q=" + outlets.token());
		assertThat(all.select("li.outlet")).hasSize(4);
		assertThat(count(all, "310000")).isEqualTo("2");
		assertThat(count(all, "110000")).isEqualTo("2");
		assertThat(all.select(".counts tr[data-province=440000]")).isEmpty();
		assertThat(all.select(".counts .total").text()).isEqualTo("4");
		assertThat(all.select(".counts tr[data-province=310000] a").text()).isEqualTo("上海市");

		Document withRevoked = page("/outlets?q=" + outlets.token() + "&status=ALL");
		assertThat(withRevoked.select("li.outlet")).hasSize(5);
		assertThat(count(withRevoked, "440000")).isEqualTo("1");
		assertThat(withRevoked.select("li.outlet .status").eachText()).contains("已撤销");
	}

	@Test
	void pagesWithLinksThatKeepTheFilters() {
		for (int i = 0; i < 3; i++) {
			outlets.outlet(outlets.token() + "网点" + i).insert();
		}

		Document first = page("/outlets?q=" + outlets.token() + "&size=2");

		assertThat(first.select("li.outlet")).hasSize(2);
		Element next = first.selectFirst(".pager a[rel=next]");
		assertThat(next.attr("href")).contains("q=" + outlets.token()).contains("size=2").contains("page=1");
		Document second = page(next.attr("href"));
		assertThat(second.select("li.outlet")).hasSize(1);
		assertThat(second.select(".pager [aria-current=page]").text()).isEqualTo("2");
	}

	@Test
	void markupInDataIsShownAsText() {
		String name = outlets.token() + "<script>alert('x')</script><b>中心</b>";
		outlets.outlet(name).platformUrl("javascript:alert(1)").insert();

		Response response = api.get("/outlets?q=" + outlets.token());

		assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<b>中心");
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("script")).isEmpty();
		assertThat(page.select("li.outlet .org-name").text()).isEqualTo(name);
		assertThat(page.select("li.outlet b")).isEmpty();
		assertThat(page.select("li.outlet a[href^=javascript]")).isEmpty();
		assertThat(page.select("li.outlet").text()).contains("javascript:alert(1)");
	}

	@Test
	void invalidParametersAreExplainedInChinese() {
		Response response = api.get("/outlets?sort=uscc&page=x");

		assertThat(response.status()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".errors li").eachText()).containsExactly("页码须为整数");
		assertThat(Jsoup.parse(api.get("/outlets?sort=uscc").body()).select(".errors li").eachText())
			.containsExactly("排序字段无效");
	}

	@Test
	void stylesheetIsServedLocally() {
		Response css = api.get("/css/outlets.css");
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.contentType()).startsWith("text/css");
		Document page = page("/outlets");
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/outlets.css");
	}

	private Document page(String path) {
		Response response = api.get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String count(Document page, String province) {
		return page.select(".counts tr[data-province=" + province + "] td.count").text();
	}

}
