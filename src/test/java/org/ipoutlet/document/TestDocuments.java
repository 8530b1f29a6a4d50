package org.ipoutlet.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/** Small files whose content is what their name says (and a few that lie), for the upload checks. */
public final class TestDocuments {

	private TestDocuments() {
	}

	public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	public static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0,
			0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82);

	public static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
			0xFF, 0xD9);

	public static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	/** The start of a Windows executable: the MZ header and the DOS stub's message. */
	public static final byte[] EXE = concat(bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0),
			new byte[48], "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII));

	/** A minimal Word document: a ZIP with [Content_Types].xml and word/document.xml. */
	public static final byte[] DOCX = docx();

	/** {@code size} bytes that start as a PDF. */
	public static byte[] pdfOfSize(int size) {
		byte[] content = Arrays.copyOf(PDF, size);
		Arrays.fill(content, PDF.length, size, (byte) ' ');
		return content;
	}

	public static FileValue file(String name, byte[] content) {
		return Variables.fileValue(name).file(content).create();
	}

	/** A File variable in the REST API's typed form ({@code type: File}, base64 value, the file name). */
	public static java.util.Map<String, Object> restFile(FileValue file) {
		try (var in = file.getValue()) {
			return java.util.Map.of("type", "File", "value", java.util.Base64.getEncoder().encodeToString(in.readAllBytes()),
					"valueInfo", java.util.Map.of("filename", file.getFilename()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] docx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
					+ "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
				.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static byte[] bytes(int... values) {
		byte[] b = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			b[i] = (byte) values[i];
		}
		return b;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

}
