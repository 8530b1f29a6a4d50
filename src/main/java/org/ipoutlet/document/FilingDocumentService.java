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
import org.ipoutlet.filing.FilingApplications;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filing's documents (README, "The 备案表 document"): uploads by the applicant through the same
 * checks on every route, what the reviewers may open, and the archive of the final 备案表.
 */
@Service
public class FilingDocumentService {

	/** Before the recommendation the applicant may (re)place its documents; afterwards they are what was reviewed. */
	static final Set<ApplicationStatus> OPEN_FOR_UPLOADS = EnumSet.of(ApplicationStatus.SUBMITTED,
			ApplicationStatus.ELIGIBLE, ApplicationStatus.RETURNED, ApplicationStatus.SUPPLEMENTED);

	private static final Logger log = LoggerFactory.getLogger(FilingDocumentService.class);

	private final FilingDocuments documents;
	private final FilingApplications applications;
	private final FilingFormReader forms;
	private final FilingFormPdf pdf;
	private final BusinessClock clock;

	FilingDocumentService(FilingDocuments documents, FilingApplications applications, FilingFormReader forms,
			FilingFormPdf pdf, BusinessClock clock) {
		this.documents = documents;
		this.applications = applications;
		this.forms = forms;
		this.pdf = pdf;
		this.clock = clock;
	}

	/** The application, if {@code user} may see it (the applicant, its recommender, CNIPA, auditors); else 404. */
	public FilingApplication readable(String applicationNo, ApiUser user) {
		return applications.find(applicationNo)
			.filter(a -> mayRead(user, a))
			.orElseThrow(() -> new NotFoundException("No filing application " + applicationNo));
	}

	static boolean mayRead(ApiUser user, FilingApplication a) {
		return user.id().equals(a.applicant()) || user.isRecommender(a.recommenderId()) || user.isCnipa()
				|| user.isAuditor();
	}

	/**
	 * Stores one document the applicant uploads; refused with field errors (nothing stored) when it fails
	 * a check, 404 for anyone but the applicant, 409 once the application was recommended or closed.
	 */
	@Transactional
	public FilingDocuments.StoredDocument upload(String applicationNo, ApiUser user, DocumentKind kind, String fileName,
			byte[] content, FilingDocuments.Route route) {
		FilingApplication application = applications.find(applicationNo)
			.filter(a -> user.id().equals(a.applicant()))
			.orElseThrow(() -> new NotFoundException("No filing application " + applicationNo));
		if (!kind.uploadable()) {
			throw new InvalidRequestException(new FieldError("kind", "enum", "Only workRules and sealedForm are uploaded",
					"只能上传相关工作制度或盖章备案表扫描件"));
		}
		DocumentChecks.Checked checked = DocumentChecks.check(kind, fileName, content);
		if (!checked.accepted()) {
			throw new InvalidRequestException(checked.fieldErrors(kind));
		}
		requireOpen(application);
		long id = documents.store(applicationNo, kind, checked.fileName(), checked.type().mediaType(), content, user.id(),
				route, clock.now());
		log.info("Filing application {}: {} '{}' ({} bytes, {}) stored by {} via {}", applicationNo, kind.field(),
				checked.fileName(), content.length, checked.type(), user.id(), route);
		return documents.find(applicationNo, id).orElseThrow();
	}

	private static void requireOpen(FilingApplication application) {
		if (!OPEN_FOR_UPLOADS.contains(application.status())) {
			throw new ConflictException("Application " + application.applicationNo() + " is " + application.status()
					+ ": documents can be (re)placed only until the recommendation (申请已推荐或已办结，不能再上传或更换材料)");
		}
	}

	/**
	 * Stores the documents a submission carried as File variables (a start or a supplement through
	 * Tasklist, {@code /engine-rest} or {@code POST /api/filings}), already checked by the form's rules,
	 * unless the same content is in force already.
	 */
	public void captureVariables(String applicationNo, String uploadedBy, VariableScope scope,
			FilingDocuments.Route route) {
		for (DocumentKind kind : DocumentKind.uploads()) {
			if (!(scope.getVariableTyped(kind.field()) instanceof FileValue file) || file.getValue() == null) {
				continue;
			}
			byte[] content = bytes(file);
			var current = documents.current(applicationNo, kind);
			if (current.isPresent() && current.get().sha256().equals(FilingDocuments.sha256(content))) {
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
