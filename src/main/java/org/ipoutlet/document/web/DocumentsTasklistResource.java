package org.ipoutlet.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.ipoutlet.document.FilingDocumentService;
import org.ipoutlet.document.FilingDocuments;
import org.ipoutlet.filing.FilingApplication;
import org.ipoutlet.filing.FilingApplications;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.web.context.support.WebApplicationContextUtils;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Tasklist plugin's resource, under {@code /camunda/api/tasklist/plugin/outlet-documents/}: the same
 * rules as {@code /api/filings/{applicationNo}/documents} (who may read, who may upload, the upload
 * checks), for the user logged in to Tasklist. Errors are JSON {@code {message, errors: [{field, rule,
 * message, messageZh}]}}.
 */
@Path("plugin/" + DocumentsTasklistPlugin.ID)
public class DocumentsTasklistResource extends AbstractTasklistPluginRootResource {

	public DocumentsTasklistResource() {
		super(DocumentsTasklistPlugin.ID);
	}

	/** The caller's own applications, newest first, each with its documents (the applicant's panel). */
	@GET
	@Path("{engine}/applications")
	@Produces(MediaType.APPLICATION_JSON)
	public Response mine(@PathParam("engine") String engine) {
		return handle(() -> {
			ApiUser user = user(engine);
			List<Map<String, Object>> out = bean(FilingApplications.class).ofApplicant(user.id())
				.stream()
				.map(a -> view(a, user))
				.toList();
			return Response.ok(out).build();
		});
	}

	/**
	 * One application's documents by its number: what the Cockpit audit view lists (README, "Auditors in
	 * Cockpit"; the same Camunda session, read only). The applicant, its recommender, CNIPA and auditors;
	 * 404 for anyone else.
	 */
	@GET
	@Path("{engine}/applications/{applicationNo}")
	@Produces(MediaType.APPLICATION_JSON)
	public Response application(@PathParam("engine") String engine, @PathParam("applicationNo") String applicationNo) {
		return handle(() -> {
			ApiUser user = user(engine);
			return Response.ok(view(bean(DocumentUploads.class).readable(applicationNo, user), user)).build();
		});
	}

	/** The documents of the filing a task belongs to (the 备案材料 tab). */
	@GET
	@Path("{engine}/tasks/{taskId}")
	@Produces(MediaType.APPLICATION_JSON)
	public Response ofTask(@PathParam("engine") String engine, @PathParam("taskId") String taskId) {
		return handle(() -> {
			ApiUser user = user(engine);
			return Response.ok(view(ofTask(taskId, user), user)).build();
		});
	}

	@GET
	@Path("{engine}/applications/{applicationNo}/form.pdf")
	public Response formPdf(@PathParam("engine") String engine, @PathParam("applicationNo") String applicationNo) {
		return handle(() -> {
			FilingApplication a = bean(DocumentUploads.class).readable(applicationNo, user(engine));
			return download("备案表-" + applicationNo + ".pdf", "application/pdf", bean(FilingDocumentService.class).formPdf(a));
		});
	}

	@GET
	@Path("{engine}/applications/{applicationNo}/documents/{id}")
	public Response document(@PathParam("engine") String engine, @PathParam("applicationNo") String applicationNo,
			@PathParam("id") long id) {
		return handle(() -> {
			bean(DocumentUploads.class).readable(applicationNo, user(engine));
			FilingDocuments documents = bean(FilingDocuments.class);
			FilingDocuments.StoredDocument d = documents.find(applicationNo, id)
				.orElseThrow(() -> new NotFoundException("No document " + id));
			return download(d.fileName(), d.mediaType(), documents.content(id));
		});
	}

	/** The applicant's upload of one document; the body is the file (at most its kind's limit). */
	@POST
	@Path("{engine}/applications/{applicationNo}/documents/{field}")
	@Consumes(MediaType.WILDCARD)
	@Produces(MediaType.APPLICATION_JSON)
	public Response upload(@PathParam("engine") String engine, @PathParam("applicationNo") String applicationNo,
			@PathParam("field") String field, @QueryParam("fileName") String fileName, InputStream body) {
		return handle(() -> {
			ApiUser user = user(engine);
			DocumentKind kind = DocumentKind.ofField(field)
				.filter(DocumentKind::uploadable)
				.orElseThrow(() -> new InvalidRequestException(new FieldError("field", "enum",
						"Upload workRules or sealedForm", "只能上传相关工作制度或盖章备案表扫描件")));
			byte[] content = read(body, kind);
			bean(DocumentUploads.class).upload(applicationNo, user, kind, fileName, content, FilingDocuments.Route.TASKLIST);
			return Response.status(201)
				.entity(view(bean(FilingApplications.class).find(applicationNo).orElseThrow(), user))
				.build();
		});
	}

	// --- helpers ---

	private FilingApplication ofTask(String taskId, ApiUser user) {
		HistoricTaskInstance task = bean(HistoryService.class).createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.singleResult();
		if (task == null || task.getProcessInstanceId() == null) {
			throw new NotFoundException("No task " + taskId);
		}
		FilingApplications applications = bean(FilingApplications.class);
		FilingApplication a;
		try {
			a = applications.ofProcessInstance(task.getProcessInstanceId());
		}
		catch (IllegalStateException notAFiling) {
			throw new NotFoundException("Task " + taskId + " is not a filing's");
		}
		return bean(DocumentUploads.class).readable(a.applicationNo(), user);
	}

	private Map<String, Object> view(FilingApplication a, ApiUser user) {
		FilingDocuments documents = bean(FilingDocuments.class);
		String base = "plugin/" + DocumentsTasklistPlugin.ID + "/default/applications/" + a.applicationNo();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("applicationNo", a.applicationNo());
		out.put("orgName", a.orgName());
		out.put("status", a.status().name());
		out.put("mayUpload", user.id().equals(a.applicant()) && FilingDocumentService.OPEN_FOR_UPLOADS.contains(a.status()));
		out.put("formPdf", base + "/form.pdf");
		List<FilingDocuments.StoredDocument> all = documents.all(a.applicationNo());
		out.put("documents", all.stream().map(d -> {
			Map<String, Object> v = new LinkedHashMap<>();
			v.put("id", d.id());
			v.put("field", d.kind().field());
			v.put("label", d.kind().label());
			v.put("fileName", d.fileName());
			v.put("size", d.size());
			v.put("uploadedAt", d.uploadedAt().toString());
			v.put("uploadedBy", d.uploadedBy());
			v.put("route", d.route().name());
			v.put("current", all.stream().filter(o -> o.kind() == d.kind()).findFirst().map(o -> o.id() == d.id()).orElse(false));
			v.put("href", base + "/documents/" + d.id());
			return v;
		}).toList());
		out.put("missing", bean(FilingDocumentService.class).missing(a.applicationNo()).stream().map(DocumentKind::field).toList());
		// What each upload may be, from the one definition of the documents (DocumentKind), for the file pickers.
		out.put("kinds", DocumentKind.uploads().stream().map(kind -> {
			Map<String, Object> k = new LinkedHashMap<>();
			List<String> extensions = kind.types().stream().flatMap(t -> t.extensions().stream()).toList();
			k.put("field", kind.field());
			k.put("label", kind.label());
			k.put("accept", String.join(",", extensions.stream().map(e -> "." + e).toList()));
			k.put("hint", String.join("、", kind.types().stream().map(t -> t.extensions().get(0).toUpperCase(java.util.Locale.ROOT)).toList())
					+ "，不超过 " + kind.maxBytes() / (1024 * 1024) + "MB");
			return k;
		}).toList());
		return out;
	}

	private static ApiUser user(String engine) {
		Authentications all = Authentications.getCurrent();
		if (all == null || !(all.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication auth)) {
			throw new Unauthenticated();
		}
		return new ApiUser(auth.getName(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
	}

	private static byte[] read(InputStream body, DocumentKind kind) throws IOException {
		byte[] content = body.readNBytes((int) Math.min(kind.maxBytes() + 1, Integer.MAX_VALUE - 8));
		if (content.length > kind.maxBytes()) {
			long mb = kind.maxBytes() / (1024 * 1024);
			throw new InvalidRequestException(new FieldError(kind.field(), "fileSize", "must have at most " + mb + " MB",
					kind.label() + "：文件不得超过" + mb + "MB"));
		}
		return content;
	}

	private static Response download(String fileName, String mediaType, byte[] content) {
		return Response.ok(content, mediaType)
			.header("Content-Disposition", ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Cache-Control", "private, no-store")
			.build();
	}

	private <T> T bean(Class<T> type) {
		ApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		return context.getBean(type);
	}

	private interface Call {
		Response run() throws IOException;
	}

	/** Our refusals as JSON with field errors; nothing else of the exception leaves the server. */
	private static Response handle(Call call) {
		try {
			return call.run();
		}
		catch (InvalidRequestException e) {
			return error(400, "Invalid request", e.errors());
		}
		catch (NotFoundException e) {
			return error(404, "Not found", List.of());
		}
		catch (ConflictException e) {
			return error(409, e.getMessage(), List.of());
		}
		catch (Unauthenticated e) {
			return error(401, "Not logged in", List.of());
		}
		catch (IOException e) {
			return error(400, "The upload could not be read", List.of());
		}
	}

	private static Response error(int status, String message, List<FieldError> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("errors", errors.stream()
			.map(e -> Map.of("field", e.field(), "rule", e.rule(), "message", e.message(), "messageZh", e.messageZh()))
			.toList());
		return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
	}

	private static final class Unauthenticated extends RuntimeException {
		private static final long serialVersionUID = 1L;
	}

}
