package org.ipoutlet.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recommending departments (推荐部门) and provinces, from {@code config/recommenders.yaml}.
 * Each recommender is the Camunda group {@code recommender-<id>}.
 */
@ConfigurationProperties("outlet")
public record Recommenders(List<Recommender> recommenders, Map<String, String> provinces) {

	public static final String GROUP_PREFIX = "recommender-";

	public Recommenders {
		recommenders = recommenders == null ? List.of() : List.copyOf(recommenders);
		provinces = provinces == null ? Map.of() : Map.copyOf(provinces);
	}

	public Optional<Recommender> find(String id) {
		return recommenders.stream().filter(r -> r.id().equals(id)).findFirst();
	}

	public boolean isProvince(String code) {
		return provinces.containsKey(code);
	}

	public static String groupOf(String recommenderId) {
		return GROUP_PREFIX + recommenderId;
	}

	/** A recommending department: a provincial-level IP office or an industry department. */
	public record Recommender(String id, String name, Type type) {

		public String groupId() {
			return groupOf(id);
		}

		public boolean provincial() {
			return type == Type.PROVINCIAL;
		}
	}

	public enum Type {
		/** A provincial-level IP office (or XPCC): recommends only provincial outlets, Art. 7(一). */
		PROVINCIAL,
		/** An industry department recommending institutions it manages directly. */
		INDUSTRY
	}

}
