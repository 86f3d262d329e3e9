package ai.lepton.ml.card;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the card and the engagement record read from the process engine's history: an engagement's
 * process instance, and the values its variables were left with. The engine's history is the record
 * of who started an engagement and when; ml-delegates answers from Camunda's {@code
 * HistoryService}.
 */
public interface EngagementHistory {

  /**
   * The ai-engagement instance with this business key, running or ended; empty when none has it.
   */
  Optional<Instance> engagement(String engagementKey);

  /**
   * The named variables of a process instance as its history keeps them (the latest value of each;
   * one not set is absent), in the order the history lists them.
   */
  Map<String, Object> variables(String processInstanceId, List<String> names);

  /**
   * An engagement's process instance in the history.
   *
   * @param state the engine's word for it ({@code ACTIVE}, {@code COMPLETED}, …)
   * @param endedAt null while it runs
   * @param startUserId who started it (the initiator)
   */
  record Instance(
      String id, String state, Instant startedAt, Instant endedAt, String startUserId) {}
}
