package org.ipoutlet.register;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The itemised 服务事项清单 of each filed outlet (Art. 8: CNIPA publishes the outlets' basic information
 * and service item lists), as its 备案表 listed them (README, "The team and the service items").
 */
@Repository
public class OutletServiceItems {

	/** One item: name, description, IP category, the Art. 12/13 code, FREE or LOW_COST. */
	public record Item(String name, String description, String ipCategory, String serviceCode, String cost) {
	}

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;

	public OutletServiceItems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Records the outlet's items, replacing any it had. */
	public void replace(String filingNo, List<Item> items) {
		jdbc.update("delete from outlet_service_item where filing_no = ?", filingNo);
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			jdbc.update("insert into outlet_service_item (filing_no, position, name, description, ip_category, "
					+ "service_code, cost) values (?,?,?,?,?,?,?)", filingNo, i, item.name(), item.description(),
					item.ipCategory(), item.serviceCode(), item.cost());
		}
	}

	public List<Item> of(String filingNo) {
		return ofAll(List.of(filingNo)).getOrDefault(filingNo, List.of());
	}

	/** The items of several outlets (one page of the register), by filing number, each in its order. */
	public Map<String, List<Item>> ofAll(Collection<String> filingNos) {
		Map<String, List<Item>> items = new LinkedHashMap<>();
		if (filingNos.isEmpty()) {
			return items;
		}
		named.query("select filing_no, name, description, ip_category, service_code, cost from outlet_service_item "
				+ "where filing_no in (:nos) order by filing_no, position", Map.of("nos", filingNos), rs -> {
					items.computeIfAbsent(rs.getString("filing_no"), no -> new java.util.ArrayList<>())
						.add(new Item(rs.getString("name"), rs.getString("description"), rs.getString("ip_category"),
								rs.getString("service_code"), rs.getString("cost")));
				});
		return items;
	}

}
