package org.ipoutlet.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ipoutlet.register.Outlet.OutletDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The register table. Writes join the caller's transaction (the engine's, inside a delegate). */
@Repository
public class OutletRepository {

	private static final String COLUMNS = "filing_no, application_no, uscc, org_name, org_category, org_nature, "
			+ "province, recommender_id, address, platform_name, platform_url, head_name, contact_name, phone, "
			+ "email, service_targets, service_items, ip_categories, outlet_user, status, valid_from, valid_until, "
			+ "filed_at, status_changed_at, status_reason, version, renewal_stage, rectification_deadline, "
			+ "rectification_verified, head_title, renewal_applied_on, revocation_decided";

	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	public OutletRepository(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public void insert(Outlet o) {
		OutletDetails d = o.details();
		jdbc.update("insert into outlet (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				o.filingNo(), o.applicationNo(), o.uscc(), d.orgName(), d.orgCategory(), d.orgNature(),
				d.province(), o.recommenderId(), d.address(), d.platformName(), d.platformUrl(), d.headName(),
				d.contactName(), d.phone(), d.email(), d.serviceTargets(), join(d.serviceItems()),
				join(d.ipCategories()), o.outletUser(), o.status().name(), o.validFrom(), o.validUntil(),
				timestamp(o.filedAt()), timestamp(o.statusChangedAt()), o.statusReason(), o.version(),
				o.renewalStage() == null ? null : o.renewalStage().name(), o.rectificationDeadline(),
				o.rectificationVerified(), o.headTitle(), o.renewalAppliedOn(), o.revocationDecided());
	}

	/**
	 * Saves a changed outlet; fails if someone else changed it since it was read. A change of its basic
	 * information or of its head's title (the Art. 10 items) is published as {@link OutletChanged}.
	 */
	public void update(Outlet o) {
		Outlet before = find(o.filingNo()).orElse(null);
		OutletDetails d = o.details();
		int rows = jdbc.update("update outlet set org_name=?, org_category=?, org_nature=?, province=?, address=?, "
				+ "platform_name=?, platform_url=?, head_name=?, contact_name=?, phone=?, email=?, service_targets=?, "
				+ "service_items=?, ip_categories=?, status=?, valid_until=?, status_changed_at=?, status_reason=?, "
				+ "renewal_stage=?, rectification_deadline=?, rectification_verified=?, head_title=?, "
				+ "renewal_applied_on=?, revocation_decided=?, recommender_id=?, "
				+ "version=version+1 where filing_no=? and version=?", d.orgName(), d.orgCategory(), d.orgNature(),
				d.province(), d.address(), d.platformName(), d.platformUrl(), d.headName(), d.contactName(), d.phone(),
				d.email(), d.serviceTargets(), join(d.serviceItems()), join(d.ipCategories()), o.status().name(),
				o.validUntil(), timestamp(o.statusChangedAt()), o.statusReason(),
				o.renewalStage() == null ? null : o.renewalStage().name(), o.rectificationDeadline(),
				o.rectificationVerified(), o.headTitle(), o.renewalAppliedOn(), o.revocationDecided(), o.recommenderId(),
				o.filingNo(), o.version());
		if (rows != 1) {
			throw new OptimisticLockingFailureException("Outlet " + o.filingNo() + " was changed concurrently");
		}
		if (before != null && (!before.details().equals(d) || !Objects.equals(before.headTitle(), o.headTitle()))) {
			events.publishEvent(new OutletChanged(before, o));
		}
	}

	public Optional<Outlet> find(String filingNo) {
		return jdbc.query("select " + COLUMNS + " from outlet where filing_no = ?", OutletRepository::map, filingNo)
			.stream()
			.findFirst();
	}

	/** The outlet with this filing number; fails when there is none. */
	public Outlet get(String filingNo) {
		return find(filingNo).orElseThrow(() -> new IllegalStateException("No outlet with filing number " + filingNo));
	}

	/** Outlets of an institution that still hold a valid filing (FILED or RECTIFYING). */
	public List<Outlet> findActiveByUscc(String uscc) {
		return jdbc.query("select " + COLUMNS + " from outlet where uscc = ? and status in ('FILED','RECTIFYING')",
				OutletRepository::map, uscc);
	}

	public List<Outlet> findByRecommender(String recommenderId) {
		return jdbc.query("select " + COLUMNS + " from outlet where recommender_id = ? order by filing_no",
				OutletRepository::map, recommenderId);
	}

	public List<Outlet> findAll() {
		return jdbc.query("select " + COLUMNS + " from outlet order by filing_no", OutletRepository::map);
	}

	static Outlet map(ResultSet rs, int row) throws SQLException {
		OutletDetails details = new OutletDetails(rs.getString("org_name"), rs.getString("org_category"),
				rs.getString("org_nature"), rs.getString("province"), rs.getString("address"),
				rs.getString("platform_name"), rs.getString("platform_url"), rs.getString("head_name"),
				rs.getString("contact_name"), rs.getString("phone"), rs.getString("email"),
				rs.getString("service_targets"), split(rs.getString("service_items")),
				split(rs.getString("ip_categories")));
		return new Outlet(rs.getString("filing_no"), rs.getString("application_no"), rs.getString("uscc"), details,
				rs.getString("recommender_id"), rs.getString("outlet_user"), OutletStatus.valueOf(rs.getString("status")),
				rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate(),
				instant(rs.getTimestamp("filed_at")), instant(rs.getTimestamp("status_changed_at")),
				rs.getString("status_reason"), rs.getInt("version"))
			.withSteps(rs.getString("renewal_stage") == null ? null : Outlet.RenewalStage.valueOf(rs.getString("renewal_stage")),
					rs.getDate("rectification_deadline") == null ? null : rs.getDate("rectification_deadline").toLocalDate(),
					rs.getBoolean("rectification_verified"))
			.withRecord(rs.getString("head_title"),
					rs.getDate("renewal_applied_on") == null ? null : rs.getDate("renewal_applied_on").toLocalDate(),
					rs.getBoolean("revocation_decided"));
	}

	private static String join(List<String> codes) {
		return String.join(",", codes);
	}

	private static List<String> split(String codes) {
		return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
