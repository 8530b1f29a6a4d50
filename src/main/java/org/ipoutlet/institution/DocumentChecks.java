package org.ipoutlet.institution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.ipoutlet.institution.DocumentKind.FileType;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;

/**
 * The checks of an uploaded document, the same on every route (README, "Safe uploads"): the file name
 * is a plain name (no path parts, no control characters, at most 200 characters; characters that are
 * unsafe in a download's name are replaced), the size is within the kind's limit, and the type is
 * the one Apache Tika detects <em>from the content</em> — the name's extension must agree with it,
 * and the client's own Content-Type is never believed. A Word document (DOCX) must be a ZIP holding
 * {@code word/document.xml}; an old Word document (DOC) an OLE2 container named {@code .doc}.
 */
public final class DocumentChecks {

	static final int MAX_NAME = 200;

	private static final Tika TIKA = new Tika();

	private DocumentChecks() {
	}

	/** One refusal: the rule, and the English and Chinese messages (without the field's label). */
	public record Problem(String rule, String message, String messageZh) {

		public FieldError toFieldError(DocumentKind kind) {
			return new FieldError(kind.field(), rule, message, kind.label() + "：" + messageZh);
		}
	}

	/** The outcome: the problems found (none when accepted), the sanitised name and the detected type. */
	public record Checked(List<Problem> problems, String fileName, FileType type) {

		public boolean accepted() {
			return problems.isEmpty();
		}

		public List<FieldError> fieldErrors(DocumentKind kind) {
			return problems.stream().map(p -> p.toFieldError(kind)).toList();
		}
	}

	public static Checked check(DocumentKind kind, String submittedName, byte[] content) {
		List<Problem> problems = new ArrayList<>();
		String name = fileName(submittedName, problems);
		if (content == null || content.length == 0) {
			problems.add(new Problem("fileSize", "must not be empty", "文件不能为空"));
			return new Checked(problems, name, null);
		}
		if (content.length > kind.maxBytes()) {
			problems.add(tooLarge(kind));
			return new Checked(problems, name, null);
		}
		FileType type = detect(content, name).orElse(null);
		if (type == null || !kind.types().contains(type)) {
			String allowed = String.join("、", kind.types().stream().map(FileType::name).toList());
			problems.add(new Problem("fileContent",
					"must be a " + String.join(", ", kind.types().stream().map(FileType::name).toList())
							+ " document; its content is " + TIKA.detect(content),
					"文件内容不是允许的格式（应为" + allowed + "）"));
			return new Checked(problems, name, null);
		}
		if (name != null && !type.extensions().contains(extension(name))) {
			problems.add(new Problem("fileType", "the name's extension does not match the content (" + type.name() + ")",
					"文件扩展名与文件内容（" + type.name() + "）不符"));
		}
		return new Checked(problems, name, type);
	}

	/** The document checks as field errors of a submission's File variable (start, supplement, attach). */
	public static void check(Checks c, DocumentKind kind, String submittedName, byte[] content) {
		for (Problem p : check(kind, submittedName, content).problems()) {
			c.reject(kind.field(), kind.label(), p.rule(), p.message(), p.messageZh());
		}
	}

	static Problem tooLarge(DocumentKind kind) {
		long mb = kind.maxBytes() / (1024 * 1024);
		return new Problem("fileSize", "must have at most " + mb + " MB", "文件不得超过" + mb + "MB");
	}

	/**
	 * The name as stored and served: Unicode NFC, trimmed, characters unsafe in a file name replaced by
	 * "_"; null (with a problem) when it is missing, has path parts or is too long.
	 */
	static String fileName(String submitted, List<Problem> problems) {
		if (submitted == null || submitted.isBlank()) {
			problems.add(new Problem("fileName", "a file name is required", "须提供文件名"));
			return null;
		}
		String name = Normalizer.normalize(submitted.strip(), Normalizer.Form.NFC);
		if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
				|| name.startsWith("..") || name.chars().anyMatch(Character::isISOControl)) {
			problems.add(new Problem("fileName", "must be a plain file name without path parts or control characters",
					"文件名不能包含路径（/、\\、..）或控制字符"));
			return null;
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			problems.add(new Problem("fileName", "must have at most " + MAX_NAME + " characters",
					"文件名不得超过" + MAX_NAME + "个字符"));
			return null;
		}
		return name.replaceAll("[\"<>:*?|;%]", "_");
	}

	static String extension(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
	}

	/** The type from the content (Tika's magic numbers), refined for Word's containers. */
	static Optional<FileType> detect(byte[] content, String name) {
		String detected = TIKA.detect(content);
		return switch (detected) {
			case "application/pdf" -> Optional.of(FileType.PDF);
			case "image/jpeg" -> Optional.of(FileType.JPEG);
			case "image/png" -> Optional.of(FileType.PNG);
			case "application/zip", "application/x-tika-ooxml" -> wordDocument(content) ? Optional.of(FileType.DOCX)
					: Optional.empty();
			case "application/x-tika-msoffice", "application/msword" ->
				name != null && "doc".equals(extension(name)) ? Optional.of(FileType.DOC) : Optional.empty();
			default -> Optional.empty();
		};
	}

	private static boolean wordDocument(byte[] content) {
		boolean types = false;
		boolean document = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			int entries = 0;
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null && entries++ < 10_000;) {
				types |= entry.getName().equals("[Content_Types].xml");
				document |= entry.getName().equals("word/document.xml");
			}
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
		return types && document;
	}

}
