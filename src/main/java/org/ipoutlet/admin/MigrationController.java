package org.ipoutlet.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Moves the running instances of one version of a process to another (README "For administrators —
 * migration"), with Camunda's migration API: a plan that maps every activity to the activity of the
 * same id in the target version. Timers keep their due dates (their triggers are not recomputed), so
 * a publicity end or a three-year expiry does not move. Validate first ({@code execute: false}), then
 * execute synchronously (all instances in one transaction: all or none) or as a batch.
 */
@RestController
@RequestMapping(path = "/api/admin/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "administration", description = "流程版本迁移 / migrating running instances (administrators)")
@ApiResponse(responseCode = "400", description = "Invalid request, or the plan or an instance cannot be migrated: errors[] and validationReport",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not an administrator (camunda-admin)",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class MigrationController {

	private final RepositoryService repository;
	private final RuntimeService runtime;

	MigrationController(RepositoryService repository, RuntimeService runtime) {
		this.repository = repository;
		this.runtime = runtime;
	}

	/**
	 * @param processDefinitionKey e.g. outlet-filing, outlet-lifecycle
	 * @param sourceVersion the version whose instances move
	 * @param targetVersion the version they move to; the newest when absent
	 * @param processInstanceIds only these instances (of the source version); all when absent
	 * @param execute false (default): validate the plan only; true: migrate
	 * @param async with execute: migrate in a batch (Cockpit shows its progress) instead of at once
	 */
	record MigrationRequest(String processDefinitionKey, Integer sourceVersion, Integer targetVersion,
			List<String> processInstanceIds, Boolean execute, Boolean async) {
	}

	record Instruction(String sourceActivityId, String targetActivityId) {
	}

	record MigrationResult(String processDefinitionKey, int sourceVersion, int targetVersion,
			String sourceProcessDefinitionId, String targetProcessDefinitionId, List<Instruction> instructions,
			long instances, boolean executed, String batchId) {
	}

	@PostMapping
	@Operation(summary = "迁移运行中的流程实例 / Validate or execute a migration",
			description = "Maps each activity to the one with the same id in the target version. "
					+ "execute=false validates only; execute=true migrates every (or the listed) instance of the source "
					+ "version in one transaction; async=true runs a batch instead (202 with batchId).")
	@ApiResponse(responseCode = "200", description = "Validated, or migrated synchronously")
	@ApiResponse(responseCode = "202", description = "Batch created")
	ResponseEntity<MigrationResult> migrate(ApiUser user, @RequestBody MigrationRequest request) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators (camunda-admin) migrate process instances");
		}
		String key = required(request.processDefinitionKey(), "processDefinitionKey");
		ProcessDefinition source = version(key, required(request.sourceVersion(), "sourceVersion"), "sourceVersion");
		ProcessDefinition target = request.targetVersion() == null ? latest(key)
				: version(key, request.targetVersion(), "targetVersion");
		if (source.getId().equals(target.getId())) {
			throw new InvalidRequestException(new FieldError("targetVersion", "sameVersion",
					"The target version must differ from the source version", "目标版本须与源版本不同"));
		}

		MigrationPlan plan = plan(source, target);
		ProcessInstanceQuery instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
		List<String> ids = request.processInstanceIds();
		if (ids != null && !ids.isEmpty()) {
			instances.processInstanceIds(new java.util.HashSet<>(ids));
			if (instances.count() != ids.size()) {
				throw new InvalidRequestException(new FieldError("processInstanceIds", "notOfSourceVersion",
						"Every listed instance must be a running instance of the source version",
						"所列实例须为源版本的运行中实例"));
			}
		}
		long count = instances.count();
		List<Instruction> instructions = plan.getInstructions().stream()
			.map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId()))
			.toList();
		if (!Boolean.TRUE.equals(request.execute())) {
			return ResponseEntity.ok(result(source, target, instructions, count, false, null));
		}
		MigrationPlanExecutionBuilder migration = runtime.newMigration(plan).processInstanceQuery(instances);
		if (Boolean.TRUE.equals(request.async())) {
			Batch batch = migration.executeAsync();
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(result(source, target, instructions, count, false,
					batch.getId()));
		}
		try {
			migration.execute();
		}
		catch (MigratingProcessInstanceValidationException ex) {
			throw instanceRefused(ex);
		}
		return ResponseEntity.ok(result(source, target, instructions, count, true, null));
	}

	/** Same-id mapping; event triggers (timer due dates, message names) stay as they are. */
	private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
		try {
			return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
		}
		catch (MigrationPlanValidationException ex) {
			List<FieldError> errors = new ArrayList<>();
			List<Map<String, Object>> report = new ArrayList<>();
			for (MigrationInstructionValidationReport instruction : ex.getValidationReport().getInstructionReports()) {
				MigrationInstruction mapping = instruction.getMigrationInstruction();
				report.add(Map.of("sourceActivityId", mapping.getSourceActivityId(), "targetActivityId",
						mapping.getTargetActivityId(), "failures", instruction.getFailures()));
				for (String failure : instruction.getFailures()) {
					errors.add(new FieldError("instructions[" + mapping.getSourceActivityId() + "]", "migrationPlan",
							failure, "迁移计划无效：活动 " + mapping.getSourceActivityId() + " 不能迁移到目标版本"));
				}
			}
			ex.getValidationReport().getVariableReports().forEach((name, variable) -> {
				report.add(Map.of("variable", name, "failures", variable.getFailures()));
				variable.getFailures().forEach(failure -> errors.add(new FieldError("variables[" + name + "]",
						"migrationPlan", failure, "迁移计划无效：变量 " + name)));
			});
			if (errors.isEmpty()) {
				errors.add(new FieldError("targetVersion", "migrationPlan", "The migration plan is invalid",
						"迁移计划无效"));
			}
			return throwRefused(errors, report);
		}
	}

	private MigrationRefusedException instanceRefused(MigratingProcessInstanceValidationException ex) {
		var validation = ex.getValidationReport();
		List<FieldError> errors = new ArrayList<>();
		List<String> failures = new ArrayList<>(validation.getFailures());
		for (MigratingActivityInstanceValidationReport activity : validation.getActivityInstanceReports()) {
			activity.getFailures().forEach(f -> failures.add(activity.getSourceScopeId() + ": " + f));
		}
		for (MigratingTransitionInstanceValidationReport transition : validation.getTransitionInstanceReports()) {
			transition.getFailures().forEach(f -> failures.add(transition.getSourceScopeId() + ": " + f));
		}
		for (String failure : failures) {
			errors.add(new FieldError("processInstanceIds[" + validation.getProcessInstanceId() + "]",
					"migratingInstance", failure, "流程实例 " + validation.getProcessInstanceId() + " 不能迁移"));
		}
		if (errors.isEmpty()) {
			errors.add(new FieldError("processInstanceIds[" + validation.getProcessInstanceId() + "]",
					"migratingInstance", "The instance cannot be migrated", "流程实例不能迁移"));
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("processInstanceId", validation.getProcessInstanceId());
		report.put("failures", failures);
		return new MigrationRefusedException(errors, List.of(report));
	}

	private static <T> T throwRefused(List<FieldError> errors, List<Map<String, Object>> report) {
		throw new MigrationRefusedException(errors, report);
	}

	private ProcessDefinition version(String key, int version, String field) {
		if (version < 1) {
			throw new InvalidRequestException(new FieldError(field, "min", "Versions start at 1", "版本号从1开始"));
		}
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.withoutTenantId()
			.singleResult();
		if (definition == null) {
			throw new InvalidRequestException(new FieldError(field, "unknownVersion",
					"No version " + version + " of process " + key, "流程 " + key + " 没有版本 " + version));
		}
		return definition;
	}

	private ProcessDefinition latest(String key) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new InvalidRequestException(new FieldError("processDefinitionKey", "unknownProcess",
					"No process " + key, "没有流程 " + key));
		}
		return definition;
	}

	private static <T> T required(T value, String field) {
		if (value == null || value instanceof String s && s.isBlank()) {
			throw new InvalidRequestException(new FieldError(field, "required", field + " is required", "必填"));
		}
		return value;
	}

	private static MigrationResult result(ProcessDefinition source, ProcessDefinition target,
			List<Instruction> instructions, long count, boolean executed, String batchId) {
		return new MigrationResult(source.getKey(), source.getVersion(), target.getVersion(), source.getId(),
				target.getId(), instructions, count, executed, batchId);
	}

}
