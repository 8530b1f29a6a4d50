package org.ipoutlet.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ipoutlet.register.Outlet.OutletDetails;

/**
 * Register entries for tests. Every test works with its own token: it is part of the filing
 * numbers and of the names, so a search for the token finds only that test's outlets although
 * all HTTP tests share one database.
 */
public final class TestOutlets {

	private final OutletRepository repository;
	private final String token;
	private int counter;

	public TestOutlets(OutletRepository repository) {
		this.repository = repository;
		this.token = "ZT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}

	/** Unique to this test: put it in {@code q} to see only this test's outlets. */
	public String token() {
		return token;
	}

	public Builder outlet(String name) {
		return new Builder(name);
	}

	public class Builder {

		private final String name;
		private String category = "UNIVERSITY";
		private String province = "310000";
		private OutletStatus status = OutletStatus.FILED;
		private LocalDate validUntil = LocalDate.of(2029, 6, 30);
		private String address = "上海市徐汇区某路1号";
		private String serviceTargets = "中小微企业";
		private String platformUrl = "https://ip.example.edu.cn";
		private List<String> serviceItems = List.of("CONSULTATION", "SEARCH", "TRAINING");
		private List<String> ipCategories = List.of("PATENT", "TRADEMARK");

		Builder(String name) {
			this.name = name;
		}

		public Builder category(String category) {
			this.category = category;
			return this;
		}

		public Builder province(String province) {
			this.province = province;
			return this;
		}

		public Builder status(OutletStatus status) {
			this.status = status;
			return this;
		}

		public Builder validUntil(LocalDate validUntil) {
			this.validUntil = validUntil;
			return this;
		}

		public Builder address(String address) {
			this.address = address;
			return this;
		}

		public Builder serviceTargets(String serviceTargets) {
			this.serviceTargets = serviceTargets;
			return this;
		}

		public Builder platformUrl(String platformUrl) {
			this.platformUrl = platformUrl;
			return this;
		}

		public Builder serviceItems(String... codes) {
			this.serviceItems = List.of(codes);
			return this;
		}

		/** Inserts the outlet and returns its filing number. */
		public String insert() {
			String filingNo = token + "-" + (++counter);
			String uscc = ("91" + token + "0000000000").substring(0, 18);
			OutletDetails details = new OutletDetails(name, category, "事业单位", province, address, "知识产权信息服务平台",
					platformUrl, "张三", "李四", "021-12345678", "ip@example.edu.cn", serviceTargets, serviceItems,
					ipCategories);
			Instant now = Instant.now();
			repository.insert(new Outlet(filingNo, "SQ" + filingNo, uscc, details, province, "applicant", status,
					LocalDate.of(2026, 7, 1), validUntil, now, now, null, 0));
			return filingNo;
		}
	}

}
