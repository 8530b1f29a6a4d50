package org.ipoutlet.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.ApplicationStatus;
import org.ipoutlet.filing.FilingApplication;
import org.ipoutlet.institution.DocumentChecks;
import org.ipoutlet.institution.DocumentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The filing's documents (README, "The 备案表 document"): what a submission carried into the store, what
 * is still missing before a recommendation, the 备案表 as it stands, and the archive of the final one.
 */
@Service
public class FilingDocumentService {

	/** Before the recommendation the applicant may (re)place its documents; afterwards they are what was reviewed. */
	public static final Set<ApplicationStatus> OPEN_FOR_UPLOADS = EnumSet.of(ApplicationStatus.SUBMITTED,
			ApplicationStatus.ELIGIBLE, ApplicationStatus.RETURNED, ApplicationStatus.SUPPLEMENTED);

	private static final Logger log = LoggerFactory.getLogger(FilingDocumentService.class);

	private final FilingDocuments documents;
	private final FilingFormReader forms;
	private final FilingFormPdf pdf;
	private final BusinessClock clock;

	FilingDocumentService(FilingDocuments documents, FilingFormReader forms, FilingFormPdf pdf, BusinessClock clock) {
		this.documents = documents;
		this.forms = forms;
		this.pdf = pdf;
		this.clock = clock;
	}

	/**
	 * Stores the documents a submission carried as File variables (a start or a supplement through
	 * Tasklist, {@code /engine-rest} or {@code POST /api/filings}), already checked by the form's rules,
	 * unless the same content was stored for the application before.
	 */
	public void captureVariables(String applicationNo, String uploadedBy, VariableScope scope,
			FilingDocuments.Route route) {
		for (DocumentKind kind : DocumentKind.uploads()) {
			if (!(scope.getVariableTyped(kind.field()) instanceof FileValue file) || file.getValue() == null) {
				continue;
			}
			byte[] content = bytes(file);
			String sha256 = FilingDocuments.sha256(content);
			// A variable still holding a document stored before (e.g. the start's scan, replaced since by an
			// upload) is not stored again: it would displace the newer one.
			if (documents.all(applicationNo).stream().anyMatch(d -> d.kind() == kind && d.sha256().equals(sha256))) {
				continue;
			}
			DocumentChecks.Checked checked = DocumentChecks.check(kind, file.getFilename(), content);
			if (!checked.accepted()) {
				// The form's rules refuse such a submission before it gets here; a write that bypassed them
				// (an administrator's variable write) is not taken into the documents.
				log.warn("Filing application {}: {} not stored, it fails the document checks: {}", applicationNo,
						kind.field(), checked.problems());
				continue;
			}
			documents.store(applicationNo, kind, checked.fileName(), checked.type().mediaType(), content, uploadedBy,
					route, clock.now());
		}
	}

	/** Stores a document that passed {@link DocumentChecks}. */
	public FilingDocuments.StoredDocument store(String applicationNo, DocumentKind kind, DocumentChecks.Checked checked,
			byte[] content, String uploadedBy, FilingDocuments.Route route) {
		long id = documents.store(applicationNo, kind, checked.fileName(), checked.type().mediaType(), content,
				uploadedBy, route, clock.now());
		log.info("Filing application {}: {} '{}' ({} bytes, {}) stored by {} via {}", applicationNo, kind.field(),
				checked.fileName(), content.length, checked.type(), uploadedBy, route);
		return documents.find(applicationNo, id).orElseThrow();
	}

	/** The uploads still missing before the application may be recommended (Art. 6). */
	public List<DocumentKind> missing(String applicationNo) {
		return DocumentKind.uploads().stream().filter(k -> documents.current(applicationNo, k).isEmpty()).toList();
	}

	/** The 备案表 as it stands now. */
	public byte[] formPdf(FilingApplication application) {
		return pdf.render(forms.read(application));
	}

	/** Archives the final 备案表 (after CNIPA's decision), once. */
	public void archive(FilingApplication application) {
		if (documents.current(application.applicationNo(), DocumentKind.FINAL_FORM).isPresent()) {
			return;
		}
		byte[] content = formPdf(application);
		documents.store(application.applicationNo(), DocumentKind.FINAL_FORM,
				"备案表-" + application.applicationNo() + ".pdf", DocumentKind.FileType.PDF.mediaType(), content, null,
				FilingDocuments.Route.ARCHIVE, clock.now());
		log.info("Filing application {}: final 备案表 archived ({} bytes)", application.applicationNo(), content.length);
	}

	public static byte[] bytes(FileValue file) {
		try (InputStream in = file.getValue()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
