package org.ipoutlet.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Pages, paragraphs and table rows of one A4 document in one embedded font. Text wraps inside its cell;
 * a row taller than what is left of the page continues on the next page (填表说明 五: the table may be
 * extended), so no text is ever cut off. Characters the font has no glyph for are printed as "?" and
 * counted ({@link #missingGlyphs()}).
 */
final class PdfLayout implements AutoCloseable {

	static final float MARGIN = 56.7f; // 2 cm
	static final float PAD = 5f;
	static final float LINE_FACTOR = 1.45f;

	enum Align {
		LEFT, CENTER
	}

	/** One cell of a table row: its width, its text, and whether it is a printed label (centred). */
	record Cell(float width, String text, boolean label) {

		static Cell label(float width, String text) {
			return new Cell(width, text, true);
		}

		static Cell value(float width, String text) {
			return new Cell(width, text, false);
		}
	}

	private final PDDocument document;
	private final PDType0Font font;
	private final CmapLookup glyphs;
	private final Map<Integer, Float> widths = new HashMap<>();
	private final float pageWidth = PDRectangle.A4.getWidth();
	private final float pageHeight = PDRectangle.A4.getHeight();
	private PDPageContentStream content;
	private float y;
	private int missingGlyphs;

	PdfLayout(PDDocument document, TrueTypeFont ttf) throws IOException {
		this.document = document;
		this.glyphs = ttf.getUnicodeCmapLookup();
		this.font = PDType0Font.load(document, ttf, true);
	}

	float contentWidth() {
		return pageWidth - 2 * MARGIN;
	}

	int missingGlyphs() {
		return missingGlyphs;
	}

	void newPage() {
		try {
			closeContent();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			content.setLineWidth(0.75f);
			y = pageHeight - MARGIN;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Moves the cursor down (or to an absolute height from the page's bottom with {@link #moveTo}). */
	void space(float points) {
		y -= points;
	}

	void moveTo(float fromBottom) {
		y = fromBottom;
	}

	/** A paragraph across {@code width} starting at {@code x}, wrapped; continues on a new page when needed. */
	void paragraph(String text, float size, Align align, float x, float width) {
		float lineHeight = size * LINE_FACTOR;
		for (String line : wrap(text, size, width)) {
			if (y - lineHeight < MARGIN) {
				newPage();
			}
			float offset = align == Align.CENTER ? (width - width(line, size)) / 2 : 0;
			showText(line, size, x + offset, baseline(y, size));
			y -= lineHeight;
		}
	}

	void paragraph(String text, float size, Align align) {
		paragraph(text, size, align, MARGIN, contentWidth());
	}

	/**
	 * A table row of bordered cells, at least {@code minHeight} high. When the page cannot hold it, it
	 * is moved to the next page, or, when it is higher than a page, split line by line over several.
	 */
	void row(float size, float minHeight, Cell... cells) {
		float lineHeight = size * LINE_FACTOR;
		List<List<String>> lines = new ArrayList<>();
		for (Cell cell : cells) {
			lines.add(new ArrayList<>(wrap(cell.text(), size, cell.width() - 2 * PAD)));
		}
		boolean firstPart = true;
		float pageRoom = pageHeight - 2 * MARGIN;
		while (true) {
			int most = lines.stream().mapToInt(List::size).max().orElse(0);
			float needed = Math.max(most * lineHeight + 2 * PAD, firstPart ? minHeight : 0);
			float available = y - MARGIN;
			if (needed <= available) {
				drawRow(cells, lines, needed, size, true);
				y -= needed;
				return;
			}
			boolean freshPage = y >= pageHeight - MARGIN - 1;
			int fitting = (int) Math.floor((available - 2 * PAD) / lineHeight);
			if (!freshPage && (needed <= pageRoom || fitting < 2)) {
				newPage(); // the row fits on the next page whole, or too little is left here
				continue;
			}
			fitting = Math.max(fitting, 1);
			if (fitting >= most) {
				drawRow(cells, lines, available, size, true);
				y -= available;
				return;
			}
			List<List<String>> part = new ArrayList<>();
			for (List<String> cellLines : lines) {
				int n = Math.min(fitting, cellLines.size());
				part.add(new ArrayList<>(cellLines.subList(0, n)));
				cellLines.subList(0, n).clear();
			}
			drawRow(cells, part, available, size, false);
			newPage();
			firstPart = false;
		}
	}

	/** "第 i 页 共 n 页" at the bottom of every page after the first (the cover), then the document's bytes. */
	byte[] finish() {
		try {
			closeContent();
			int pages = document.getNumberOfPages();
			for (int i = 1; i < pages; i++) {
				try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
						PDPageContentStream.AppendMode.APPEND, true, true)) {
					String text = "第 " + i + " 页 共 " + (pages - 1) + " 页";
					float size = 10.5f;
					footer.beginText();
					footer.setFont(font, size);
					footer.newLineAtOffset((pageWidth - width(text, size)) / 2, MARGIN / 2);
					footer.showText(text);
					footer.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		document.close();
	}

	private void drawRow(Cell[] cells, List<List<String>> lines, float height, float size, boolean whole) {
		float lineHeight = size * LINE_FACTOR;
		float x = MARGIN;
		try {
			for (int i = 0; i < cells.length; i++) {
				Cell cell = cells[i];
				content.addRect(x, y - height, cell.width(), height);
				content.stroke();
				List<String> cellLines = lines.get(i);
				float top = y - PAD;
				if (cell.label() && whole) {
					top -= (height - 2 * PAD - cellLines.size() * lineHeight) / 2;
				}
				for (String line : cellLines) {
					float offset = cell.label() ? (cell.width() - 2 * PAD - width(line, size)) / 2 : 0;
					showText(line, size, x + PAD + offset, baseline(top, size));
					top -= lineHeight;
				}
				x += cell.width();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static float baseline(float top, float size) {
		float lineHeight = size * LINE_FACTOR;
		return top - (lineHeight - size) / 2 - size * 0.86f;
	}

	private void showText(String line, float size, float x, float baseline) {
		if (line.isEmpty()) {
			return;
		}
		try {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, baseline);
			content.showText(line);
			content.endText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Lines of at most {@code width} points: CJK breaks anywhere, Latin words at spaces where possible. */
	List<String> wrap(String text, float size, float width) {
		List<String> lines = new ArrayList<>();
		String normalized = printable(text == null ? "" : text);
		for (String paragraph : normalized.split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			float lineWidth = 0;
			int wordStart = 0;
			for (int i = 0; i < paragraph.length();) {
				int cp = paragraph.codePointAt(i);
				i += Character.charCount(cp);
				float w = charWidth(cp) * size / 1000;
				if (lineWidth + w > width && line.length() > 0) {
					String carried = "";
					if (latin(cp) && wordStart > 0 && wordStart < line.length()) {
						carried = line.substring(wordStart);
						line.setLength(wordStart);
					}
					else if (closing(cp) && line.length() > 1) {
						// No line starts with closing punctuation: the last character goes down with it.
						int last = line.offsetByCodePoints(line.length(), -1);
						carried = line.substring(last);
						line.setLength(last);
					}
					lines.add(line.toString().stripTrailing());
					line = new StringBuilder(carried);
					lineWidth = width(carried, size);
					wordStart = 0;
				}
				line.appendCodePoint(cp);
				lineWidth += w;
				if (!latin(cp)) {
					wordStart = line.length();
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	float width(String text, float size) {
		float total = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			total += charWidth(cp);
			i += Character.charCount(cp);
		}
		return total * size / 1000;
	}

	private float charWidth(int cp) {
		return widths.computeIfAbsent(cp, c -> {
			try {
				return font.getStringWidth(new String(Character.toChars(c)));
			}
			catch (IOException | IllegalArgumentException e) {
				return 1000f;
			}
		});
	}

	/** Tabs as spaces, line breaks as \n, other control characters dropped, unknown glyphs as "?". */
	private String printable(String text) {
		String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
		StringBuilder out = new StringBuilder(unified.length());
		unified.codePoints().forEach(cp -> {
			if (cp == '\n') {
				out.append('\n');
			}
			else if (Character.isISOControl(cp)) {
				return;
			}
			else if (glyphs.getGlyphId(cp) == 0 && !Character.isWhitespace(cp)) {
				missingGlyphs++;
				out.append('?');
			}
			else {
				out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
			}
		});
		return out.toString();
	}

	private static boolean latin(int cp) {
		return cp < 0x2E80 && !Character.isWhitespace(cp) && !closing(cp);
	}

	private static boolean closing(int cp) {
		return "，。、；：？！）》」』”’】〕…,.;:?!)]}".indexOf(cp) >= 0;
	}

	private void closeContent() throws IOException {
		if (content != null) {
			content.close();
			content = null;
		}
	}

}
