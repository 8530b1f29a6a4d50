package org.ipoutlet.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.institution.DocumentKind.SEALED_FORM;
import static org.ipoutlet.institution.DocumentKind.WORK_RULES;

import org.ipoutlet.institution.DocumentKind.FileType;
import org.ipoutlet.document.TestDocuments;
import org.junit.jupiter.api.Test;

/** Safe uploads: the type comes from the content (Apache Tika), never from the name. */
class DocumentChecksTest {

	@Test
	void acceptsWhatTheContentIs() {
		assertThat(DocumentChecks.check(SEALED_FORM, "备案表.pdf", TestDocuments.PDF).type()).isEqualTo(FileType.PDF);
		assertThat(DocumentChecks.check(SEALED_FORM, "scan.PNG", TestDocuments.PNG).type()).isEqualTo(FileType.PNG);
		assertThat(DocumentChecks.check(SEALED_FORM, "scan.jpeg", TestDocuments.JPEG).type()).isEqualTo(FileType.JPEG);
		assertThat(DocumentChecks.check(WORK_RULES, "工作制度.docx", TestDocuments.DOCX).type()).isEqualTo(FileType.DOCX);
		assertThat(DocumentChecks.check(WORK_RULES, "工作制度.pdf", TestDocuments.PDF).accepted()).isTrue();
	}

	@Test
	void htmlRenamedPdfAndAnExecutableNamedPdfAreRefusedByTheirContent() {
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "备案表.pdf", TestDocuments.HTML))).containsExactly("fileContent");
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "备案表.pdf", TestDocuments.EXE))).containsExactly("fileContent");
		assertThat(rules(DocumentChecks.check(WORK_RULES, "制度.docx", TestDocuments.EXE))).containsExactly("fileContent");
		// A ZIP that is not a Word document is not a .docx
		assertThat(rules(DocumentChecks.check(WORK_RULES, "制度.docx", zipWithout()))).containsExactly("fileContent");
		// A PNG is not a work rules document, whatever its name
		assertThat(rules(DocumentChecks.check(WORK_RULES, "制度.pdf", TestDocuments.PNG))).containsExactly("fileContent");
	}

	@Test
	void theNameMustAgreeWithTheContent() {
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "scan.png", TestDocuments.PDF))).containsExactly("fileType");
	}

	@Test
	void sizesPerDocument() {
		assertThat(DocumentChecks.check(SEALED_FORM, "a.pdf", TestDocuments.pdfOfSize(20 * 1024 * 1024)).accepted()).isTrue();
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "a.pdf", TestDocuments.pdfOfSize(20 * 1024 * 1024 + 1))))
			.containsExactly("fileSize");
		assertThat(rules(DocumentChecks.check(WORK_RULES, "a.pdf", TestDocuments.pdfOfSize(10 * 1024 * 1024 + 1))))
			.containsExactly("fileSize");
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "a.pdf", new byte[0]))).containsExactly("fileSize");
	}

	@Test
	void namesArePlainNames() {
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "../../etc/备案表.pdf", TestDocuments.PDF))).contains("fileName");
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "..\\备案表.pdf", TestDocuments.PDF))).contains("fileName");
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "备案\u0000表.pdf", TestDocuments.PDF))).contains("fileName");
		assertThat(rules(DocumentChecks.check(SEALED_FORM, " ", TestDocuments.PDF))).contains("fileName");
		assertThat(rules(DocumentChecks.check(SEALED_FORM, "x".repeat(201) + ".pdf", TestDocuments.PDF))).contains("fileName");
		assertThat(DocumentChecks.check(SEALED_FORM, "备案表\"<b>\".pdf", TestDocuments.PDF).fileName()).isEqualTo("备案表__b__.pdf");
	}

	@Test
	void theMessagesNameTheFieldInChinese() {
		var error = DocumentChecks.check(SEALED_FORM, "备案表.pdf", TestDocuments.HTML).fieldErrors(SEALED_FORM).get(0);
		assertThat(error.field()).isEqualTo("sealedForm");
		assertThat(error.messageZh()).startsWith("盖章备案表扫描件：").contains("PDF");
		assertThat(error.message()).contains("text/html");
	}

	private static byte[] zipWithout() {
		var out = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("payload.txt"));
			zip.write("x".getBytes());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static java.util.List<String> rules(DocumentChecks.Checked checked) {
		return checked.problems().stream().map(DocumentChecks.Problem::rule).toList();
	}

}
