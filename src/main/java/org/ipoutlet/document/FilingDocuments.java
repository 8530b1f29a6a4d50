package org.ipoutlet.document;

import org.ipoutlet.institution.DocumentChecks;
import org.ipoutlet.institution.DocumentKind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The documents store, table {@code filing_document} (V6): every accepted upload and the archived
 * final 备案表, with its content. Rows are never changed; the newest row of a kind is the one in force.
 */
@Repository
public class FilingDocuments {

	/** Where a document came from: the documents endpoint (API or Tasklist), a start, a supplement, the archive. */
	public enum Route {
		API, TASKLIST, START, SUPPLEMENT, ATTACH, ARCHIVE
	}

	/** A stored document without its content. */
	public record StoredDocument(long id, String applicationNo, DocumentKind kind, String fileName, String mediaType,
			long size, String sha256, String uploadedBy, Instant uploadedAt, Route route) {
	}

	private static final String COLUMNS = "id, application_no, kind, file_name, media_type, size_bytes, sha256, "
			+ "uploaded_by, uploaded_at, route";

	private final JdbcTemplate jdbc;

	FilingDocuments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a checked document; call only with what {@link DocumentChecks} accepted (or generated). */
	public long store(String applicationNo, DocumentKind kind, String fileName, String mediaType, byte[] content,
			String uploadedBy, Route route, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var ps = connection.prepareStatement("insert into filing_document (application_no, kind, file_name, "
					+ "media_type, size_bytes, sha256, content, uploaded_by, uploaded_at, route) values (?,?,?,?,?,?,?,?,?,?)",
					new String[] { "id" });
			ps.setString(1, applicationNo);
			ps.setString(2, kind.name());
			ps.setString(3, fileName);
			ps.setString(4, mediaType);
			ps.setLong(5, content.length);
			ps.setString(6, sha256(content));
			ps.setBytes(7, content);
			ps.setString(8, uploadedBy);
			ps.setTimestamp(9, Timestamp.from(now));
			ps.setString(10, route.name());
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	/** Every document of the application, newest first. */
	public List<StoredDocument> all(String applicationNo) {
		return jdbc.query("select " + COLUMNS + " from filing_document where application_no = ? order by id desc",
				(rs, i) -> new StoredDocument(rs.getLong("id"), rs.getString("application_no"),
						DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("media_type"),
						rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
						rs.getTimestamp("uploaded_at").toInstant(), Route.valueOf(rs.getString("route"))),
				applicationNo);
	}

	/** The document of this kind in force (the newest). */
	public Optional<StoredDocument> current(String applicationNo, DocumentKind kind) {
		return all(applicationNo).stream().filter(d -> d.kind() == kind).findFirst();
	}

	public Optional<StoredDocument> find(String applicationNo, long id) {
		return all(applicationNo).stream().filter(d -> d.id() == id).findFirst();
	}

	public byte[] content(long id) {
		return jdbc.queryForObject("select content from filing_document where id = ?", (rs, i) -> rs.getBytes(1), id);
	}

	public int count(String applicationNo) {
		Integer n = jdbc.queryForObject("select count(*) from filing_document where application_no = ?", Integer.class,
				applicationNo);
		return n == null ? 0 : n;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
