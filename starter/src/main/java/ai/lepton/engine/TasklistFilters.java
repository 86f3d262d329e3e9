package ai.lepton.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tasklist's shared filter: every task a user may see, listed with the engagement id and client it
 * belongs to, so two "Approve model" tasks of different engagements can be told apart at a glance.
 */
@ConditionalOnProperty(prefix = "lepton.tasklist-filters", name = "enabled", matchIfMissing = true)
@Component
public class TasklistFilters implements ApplicationRunner {

  static final String NAME = "Engagement tasks";

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (filters.createFilterQuery().filterName(NAME).count() > 0) {
      return;
    }
    Filter filter =
        filters
            .newTaskFilter(NAME)
            .setQuery(tasks.createTaskQuery().orderByTaskCreateTime().asc())
            .setProperties(
                Map.of(
                    "description",
                    "Tasks of Lepton engagements, with their engagement id and client",
                    "priority",
                    -10,
                    "refresh",
                    true,
                    "variables",
                    List.of(
                        Map.of("name", "engagementId", "label", "Engagement"),
                        Map.of("name", "client", "label", "Client"))));
    filters.saveFilter(filter);
  }
}
