package ai.lepton.ml.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approval policy's verdicts, kept per champion. {@link #record} runs in the end listener of
 * *Check approval policy* (the BPMN's bean {@code policyVerdicts}, in ml-delegates), in the same
 * transaction as the rules that just wrote their verdict, so no one can change it in between; the
 * approval reads the verdict from here, never from the variables the approval form shows.
 */
@Component("recordedPolicyVerdicts")
public class PolicyVerdicts {

  private static final String INSERT =
      "INSERT INTO lepton_policy_verdict (model_version_id, engagement_key, verdict,"
          + " blockers, warnings, quality_verdict, quality_findings, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String LATEST =
      "SELECT model_version_id, engagement_key, verdict, blockers, warnings,"
          + " quality_verdict, quality_findings, recorded_at FROM lepton_policy_verdict WHERE model_version_id = ?"
          + " ORDER BY id DESC";

  private final JdbcTemplate jdbc;
  private final ModelRegistry registry;

  public PolicyVerdicts(JdbcTemplate jdbc, ModelRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
  }

  /**
   * Records the verdict the approval policy's rules just gave for the engagement's champion, with
   * the data-quality verdict it was given on.
   */
  public void record(
      String key,
      String verdict,
      String blockers,
      String warnings,
      String qualityVerdict,
      String qualityFindings) {
    ModelVersion champion =
        registry
            .championOf(key)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Engagement "
                            + key
                            + " has no champion to record an approval-policy verdict for"));
    jdbc.update(
        INSERT,
        champion.id(),
        key,
        verdict,
        blockers,
        warnings,
        qualityVerdict,
        qualityFindings,
        Timestamp.from(Instant.now()));
  }

  public Optional<PolicyVerdict> of(String modelVersionId) {
    return jdbc
        .query(
            LATEST,
            (rs, n) ->
                new PolicyVerdict(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()),
            modelVersionId)
        .stream()
        .findFirst();
  }
}
