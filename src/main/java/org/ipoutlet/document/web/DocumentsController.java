package org.ipoutlet.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.document.FilingDocumentService;
import org.ipoutlet.document.FilingDocuments;
import org.ipoutlet.filing.FilingApplication;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The filing's documents (README, "The 备案表 document"): the printable 备案表, the list of documents,
 * each document's download, and the applicant's upload of one document.
 */
@RestController
@RequestMapping("/api/filings/{applicationNo}")
@Tag(name = "documents", description = "备案材料 / the filing's documents (Art. 6)")
class DocumentsController {

	/** What is read of an upload's body at most before it is refused (a larger body is cut off). */
	static final long DISCARD_LIMIT = 64L * 1024 * 1024;

	private final DocumentUploads uploads;
	private final FilingDocumentService service;
	private final FilingDocuments documents;

	DocumentsController(DocumentUploads uploads, FilingDocumentService service, FilingDocuments documents) {
		this.uploads = uploads;
		this.service = service;
		this.documents = documents;
	}

	@GetMapping(path = "/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "下载备案表 / The 备案表 as PDF",
			description = "The filled 备案表 (cover and sections 一–八, A4) from the filing's data as it stands now, to print, "
					+ "sign and seal. The applicant, its recommender, CNIPA and auditors; 404 for anyone else.")
	@ApiResponse(responseCode = "200", description = "The PDF, as a download")
	@ApiResponse(responseCode = "404", description = "No such application, or not visible to the caller",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<byte[]> formPdf(ApiUser user, @PathVariable String applicationNo) {
		FilingApplication application = uploads.readable(applicationNo, user);
		return download("备案表-" + applicationNo + ".pdf", MediaType.APPLICATION_PDF_VALUE, service.formPdf(application));
	}

	@GetMapping(path = "/documents", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "备案材料清单 / The application's documents",
			description = "Every stored document, newest first (current = the one in force for its kind), the uploads still "
					+ "missing, and the links to download them. The applicant, its recommender, CNIPA and auditors; 404 otherwise.")
	DocumentList list(ApiUser user, @PathVariable String applicationNo) {
		uploads.readable(applicationNo, user);
		List<FilingDocuments.StoredDocument> all = documents.all(applicationNo);
		List<DocumentView> views = all.stream()
			.map(d -> new DocumentView(d.id(), d.kind().field(), d.kind().label(), d.fileName(), d.mediaType(), d.size(),
					d.sha256(), d.uploadedBy(), d.uploadedAt(), d.route().name(),
					all.stream().filter(o -> o.kind() == d.kind()).findFirst().map(o -> o.id() == d.id()).orElse(false),
					"/api/filings/" + applicationNo + "/documents/" + d.id()))
			.toList();
		return new DocumentList(applicationNo, views,
				service.missing(applicationNo).stream().map(DocumentKind::field).toList(),
				"/api/filings/" + applicationNo + "/form.pdf");
	}

	@GetMapping("/documents/{id}")
	@Operation(summary = "下载备案材料 / Download one document",
			description = "Always as an attachment, with the type detected at upload and X-Content-Type-Options: nosniff.")
	@ApiResponse(responseCode = "404", description = "No such document, or not visible to the caller",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<byte[]> document(ApiUser user, @PathVariable String applicationNo, @PathVariable long id) {
		uploads.readable(applicationNo, user);
		FilingDocuments.StoredDocument d = documents.find(applicationNo, id)
			.orElseThrow(() -> new NotFoundException("No document " + id + " of " + applicationNo));
		return download(d.fileName(), d.mediaType(), documents.content(d.id()));
	}

	@PostMapping(path = "/documents/{field}", consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "上传备案材料 / Upload one document",
			description = "The applicant only, until the recommendation. field: workRules (PDF/DOCX/DOC, at most 10 MB) or "
					+ "sealedForm (the signed and sealed 备案表 scanned: PDF/JPG/PNG, at most 20 MB). The body is the file itself; "
					+ "fileName its name. The type is detected from the content; a refused file is not stored (400 with "
					+ "errors[] naming field and rule: fileName, fileSize, fileContent, fileType). 404 for anyone else, 409 "
					+ "once recommended or closed.")
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "400", description = "Refused; errors[] names the field and the rule",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<DocumentView> upload(ApiUser user, @PathVariable String applicationNo, @PathVariable String field,
			@RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
		DocumentKind kind = DocumentKind.ofField(field)
			.filter(DocumentKind::uploadable)
			.orElseThrow(() -> new InvalidRequestException(new FieldError("field", "enum",
					"Upload workRules or sealedForm", "只能上传相关工作制度（workRules）或盖章备案表扫描件（sealedForm）")));
		byte[] content = body(request, kind);
		FilingDocuments.Route route = "tasklist".equals(request.getHeader("X-Outlet-Client")) ? FilingDocuments.Route.TASKLIST
				: FilingDocuments.Route.API;
		FilingDocuments.StoredDocument d = uploads.upload(applicationNo, user, kind, fileName, content, route);
		return ResponseEntity.status(201)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new DocumentView(d.id(), kind.field(), kind.label(), d.fileName(), d.mediaType(), d.size(), d.sha256(),
					d.uploadedBy(), d.uploadedAt(), d.route().name(), true,
					"/api/filings/" + applicationNo + "/documents/" + d.id()));
	}

	/** The body, at most the kind's limit; a larger one is read to its end (up to a bound) and refused. */
	private static byte[] body(HttpServletRequest request, DocumentKind kind) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > DISCARD_LIMIT) {
			throw tooLarge(kind);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] content = in.readNBytes((int) Math.min(kind.maxBytes() + 1, Integer.MAX_VALUE - 8));
			if (content.length > kind.maxBytes()) {
				// Read the rest so that the client hears the refusal instead of a reset connection.
				in.transferTo(new BoundedSink(DISCARD_LIMIT));
				throw tooLarge(kind);
			}
			return content;
		}
	}

	private static InvalidRequestException tooLarge(DocumentKind kind) {
		long mb = kind.maxBytes() / (1024 * 1024);
		return new InvalidRequestException(new FieldError(kind.field(), "fileSize", "must have at most " + mb + " MB",
				kind.label() + "：文件不得超过" + mb + "MB"));
	}

	static ResponseEntity<byte[]> download(String fileName, String mediaType, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

	/** Discards what is written, failing past a bound. */
	private static final class BoundedSink extends OutputStream {

		private final long limit;
		private long count;

		BoundedSink(long limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			count += len;
			if (count > limit) {
				throw new IOException("Upload larger than " + limit + " bytes");
			}
		}
	}

	@Schema(description = "A stored document")
	record DocumentView(long id, String field, String label, String fileName, String mediaType, long size, String sha256,
			String uploadedBy, Instant uploadedAt, String route, boolean current, String href) {
	}

	@Schema(description = "The application's documents")
	record DocumentList(String applicationNo, List<DocumentView> documents, List<String> missing, String formPdf) {
	}

}
