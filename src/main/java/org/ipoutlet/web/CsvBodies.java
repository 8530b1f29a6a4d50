package org.ipoutlet.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;

/**
 * CSV imports of the API (README, "Registers behind the eligibility check"): a UTF-8 text, with or
 * without byte-order mark (Excel's "CSV UTF-8"), whose first row names the columns — by their JSON
 * names or their Chinese headings. Each row becomes a map from JSON name to text (an empty cell is
 * absent), checked by the same rules as the JSON endpoint; every error of every row is reported at
 * once, as {@code rows[N].field} with the sheet's row number N (the heading is row 1).
 */
public final class CsvBodies {

	/** At most this many rows per import. */
	public static final int MAX_ROWS = 5000;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

	private CsvBodies() {
	}

	/** One data row: its row number in the sheet and its cells by JSON name. */
	public record Row(long number, Map<String, Object> values) {

		/** The prefix of this row's fields in errors, e.g. {@code rows[3].}. */
		public String field(String name) {
			return "rows[" + number + "]." + name;
		}

		/** A field error of this row: the field prefixed with the row, the Chinese message with 第N行. */
		public FieldError error(FieldError e) {
			return new FieldError("rows[" + number + "]." + e.field(), e.rule(), "row " + number + ": " + e.message(),
					"第" + number + "行：" + e.messageZh());
		}

		public FieldError error(String name, String rule, String message, String messageZh) {
			return error(new FieldError(name, rule, message, messageZh));
		}

	}

	/**
	 * The rows of a CSV body.
	 * @param columns each column's JSON name and its Chinese heading; both are accepted in the first row
	 * @param required the columns the first row must have
	 * @throws InvalidRequestException when the body is not UTF-8, not CSV, has no rows, too many rows,
	 *         a missing, unknown or repeated column
	 */
	public static List<Row> rows(byte[] body, Map<String, String> columns, List<String> required) {
		String text = utf8(body);
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		List<CSVRecord> records;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
			records = parser.getRecords();
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new InvalidRequestException(new FieldError("body", "csv", "The body is not valid CSV: " + ex.getMessage(),
					"文件不是有效的CSV格式（逗号分隔，文本中的逗号和引号须用双引号括起）"));
		}
		records = records.stream().filter(r -> !blank(r)).toList();
		if (records.isEmpty()) {
			throw new InvalidRequestException(new FieldError("body", "required", "The CSV has no heading row",
					"文件为空：第1行应为列名"));
		}
		List<String> names = header(records.get(0), columns, required);
		if (records.size() == 1) {
			throw new InvalidRequestException(new FieldError("rows", "required", "The CSV has no data rows",
					"文件中没有数据行"));
		}
		if (records.size() - 1 > MAX_ROWS) {
			throw new InvalidRequestException(new FieldError("rows", "size",
					"At most " + MAX_ROWS + " rows per import, has " + (records.size() - 1),
					"每次最多导入" + MAX_ROWS + "行（现有" + (records.size() - 1) + "行）"));
		}
		List<Row> rows = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			Row row = new Row(record.getRecordNumber(), new LinkedHashMap<>());
			if (record.size() > names.size()) {
				errors.add(row.error("columns", "size", "has " + record.size() + " cells, the heading " + names.size(),
						"有" + record.size() + "列，多于列名的" + names.size() + "列"));
			}
			for (int i = 0; i < names.size() && i < record.size(); i++) {
				if (!record.get(i).isEmpty()) {
					row.values().put(names.get(i), record.get(i));
				}
			}
			rows.add(row);
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return rows;
	}

	/**
	 * Checks every row with {@code rule} and refuses the import with every row's errors at once.
	 * @return what {@code rule} made of each row, in order
	 */
	public static <T> List<T> checkAll(List<Row> rows, Function<Row, Checked<T>> rule) {
		List<FieldError> errors = new ArrayList<>();
		List<T> results = new ArrayList<>();
		for (Row row : rows) {
			Checked<T> checked = rule.apply(row);
			checked.errors().stream().map(row::error).forEach(errors::add);
			results.add(checked.value());
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return results;
	}

	/** The outcome of a row's rules: the value when there was no error. */
	public record Checked<T>(T value, List<FieldError> errors) {

		public static <T> Checked<T> of(Checks checks, java.util.function.Supplier<T> value) {
			return checks.errors().isEmpty() ? new Checked<>(value.get(), List.of()) : new Checked<>(null, checks.errors());
		}

	}

	private static List<String> header(CSVRecord heading, Map<String, String> columns, List<String> required) {
		Map<String, String> byHeading = new LinkedHashMap<>();
		columns.forEach((name, zh) -> {
			byHeading.put(name.toLowerCase(java.util.Locale.ROOT), name);
			byHeading.put(zh, name);
		});
		List<String> names = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		for (String cell : heading) {
			String name = byHeading.get(cell.toLowerCase(java.util.Locale.ROOT));
			if (name == null) {
				errors.add(new FieldError("columns", "unknown", "Unknown column '" + cell + "'; the columns are "
						+ String.join(", ", columns.keySet()), "第1行：不认识的列名“" + cell + "”，列名应为："
								+ String.join("、", columns.values())));
			}
			else if (names.contains(name)) {
				errors.add(new FieldError("columns", "unique", "Column " + name + " appears twice",
						"第1行：列“" + columns.get(name) + "”重复"));
			}
			names.add(name);
		}
		for (String name : required) {
			if (!names.contains(name)) {
				errors.add(new FieldError("columns", "required", "Column " + name + " is missing",
						"第1行：缺少列“" + columns.get(name) + "”（" + name + "）"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return names;
	}

	private static boolean blank(CSVRecord record) {
		for (String cell : record) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String utf8(byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidRequestException(new FieldError("body", "required", "The request body is missing",
					"缺少导入文件内容"));
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidRequestException(new FieldError("body", "encoding", "The CSV must be UTF-8 encoded",
					"文件应为UTF-8编码：在Excel中请“另存为”“CSV UTF-8（逗号分隔）(*.csv)”"));
		}
	}

}
