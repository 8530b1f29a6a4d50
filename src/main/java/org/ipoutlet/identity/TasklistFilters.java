package org.ipoutlet.identity;

import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, found by name and created once, each readable by the groups that
 * work with it. Tasks inside a filter are still subject to the task authorizations.
 */
@Component
public class TasklistFilters {

	public static final String MINE = "我的待办";
	public static final String DEPARTMENT = "本部门待办";
	public static final String ALL = "全部待办";

	private final FilterService filterService;
	private final TaskService taskService;
	private final Grants grants;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizations) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.grants = new Grants(authorizations);
	}

	/** Creates the missing filters and grants READ on them; recommenderGroups see the first two. */
	void ensure(List<String> recommenderGroups) {
		List<String> reviewers = new ArrayList<>(recommenderGroups);
		reviewers.add(AppGroups.CNIPA_REVIEWERS);
		List<String> workers = new ArrayList<>(reviewers);
		workers.add(AppGroups.OUTLETS);

		Filter mine = filter(MINE, "分配给我本人的任务", -10,
				taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		Filter department = filter(DEPARTMENT, "本部门（我所在的组）可认领或办理的任务", 0,
				taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks());
		Filter all = filter(ALL, "全国范围内的全部待办任务（国家知识产权局监督）", 10, taskService.createTaskQuery());

		workers.forEach(group -> grants.grant(group, FILTER, mine.getId(), Permissions.READ));
		reviewers.forEach(group -> grants.grant(group, FILTER, department.getId(), Permissions.READ));
		grants.grant(AppGroups.CNIPA_REVIEWERS, FILTER, all.getId(), Permissions.READ);
	}

	private Filter filter(String name, String description, int priority, TaskQuery query) {
		Filter existing = filterService.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
		if (existing != null) {
			return existing;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
		return filterService.saveFilter(filter);
	}

}
