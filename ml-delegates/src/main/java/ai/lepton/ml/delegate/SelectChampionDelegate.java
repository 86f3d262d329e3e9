package ai.lepton.ml.delegate;

import ai.lepton.ml.Json;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.CandidateSkills;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelStatus;
import ai.lepton.ml.registry.ModelVersion;
import ai.lepton.ml.training.CandidateMetrics;
import ai.lepton.ml.training.ProblemType;
import ai.lepton.ml.training.SuccessMetric;
import ai.lepton.process.ProcessBeans;
import ai.lepton.process.ProcessVariables;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Picks the best candidate of this training round by the engagement's success metric and says
 * whether it meets the threshold ({@code championMeetsThreshold}), which routes the engagement to
 * approval or to a review. Its metrics go to the approval-policy rules as the JSON variable {@code
 * championMetrics}.
 */
@Component(ProcessBeans.SELECT_CHAMPION)
public class SelectChampionDelegate implements JavaDelegate {

  private final ModelRegistry registry;
  private final RequirementsRecord requirements;

  public SelectChampionDelegate(ModelRegistry registry, RequirementsRecord requirements) {
    this.registry = registry;
    this.requirements = requirements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Requirements recorded = requirements.of(execution.getProcessBusinessKey());
    ProblemType problemType = ProblemType.of(recorded.problemType());
    SuccessMetric metric = SuccessMetric.of(recorded.successMetric(), problemType);
    double threshold = recorded.successThreshold();
    int round = RequiredVariables.integer(execution, ProcessVariables.TRAINING_ROUND);
    List<ModelVersion> candidates = registry.candidatesOf(execution.getProcessInstanceId(), round);
    if (candidates.isEmpty()) {
      throw new IllegalStateException("Training round " + round + " registered no candidate model");
    }
    ModelVersion champion = candidates.get(0);
    for (ModelVersion candidate : candidates) {
      if (metric.better(candidate.metric(metric.name()), champion.metric(metric.name()))) {
        champion = candidate;
      }
    }
    double value = champion.metric(metric.name());
    boolean meets = !Double.isNaN(value) && metric.meets(value, threshold);
    registry.changeStatus(
        champion.id(),
        ModelStatus.CHAMPION,
        ModelRegistry.SYSTEM,
        String.format(
            Locale.ROOT,
            "best of %d candidates in round %d by %s = %.4f",
            candidates.size(),
            round,
            metric,
            value));
    execution.setVariable(ProcessVariables.MODEL_VERSION_ID, champion.id());
    execution.setVariable(ProcessVariables.CHAMPION_ALGORITHM, command(champion));
    execution.setVariable(ProcessVariables.CHAMPION_METRIC_VALUE, value);
    execution.setVariable(ProcessVariables.CHAMPION_METRICS, JsonVariables.of(champion.metrics()));
    execution.setVariable(ProcessVariables.CHAMPION_MEETS_THRESHOLD, meets);
    execution.setVariable(
        ProcessVariables.CHAMPION_SUMMARY, summary(candidates, champion, metric, threshold, meets));
    execution.setVariable(
        ProcessVariables.CANDIDATE_SKILLS,
        JsonVariables.of(Json.convert(CandidateSkills.of(candidates, champion), Map.class)));
  }

  private static String summary(
      List<ModelVersion> candidates,
      ModelVersion champion,
      SuccessMetric metric,
      double threshold,
      boolean meets) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Champion %s: %s%n", champion.id(), command(champion)));
    text.append(
        String.format(
            Locale.ROOT,
            "%s = %.4f, threshold %s %.4f: %s%n",
            metric,
            champion.metric(metric.name()),
            metric.higherIsBetter() ? ">=" : "<=",
            threshold,
            meets ? "met" : "missed"));
    text.append(keyMetrics(champion)).append('\n');
    CandidateMetrics.Folds folds = champion.figures().folds();
    if (folds != null && folds.stdDev() != null) {
      text.append(
          String.format(
              Locale.ROOT,
              "Per fold %s: mean %.4f, standard deviation %.4f%n",
              folds.metric(),
              folds.mean(),
              folds.stdDev()));
    }
    text.append(
        String.format(
            "Cross-validated %d-fold, seed %d, on dataset %s (sha256 %s)%n",
            champion.folds(), champion.seed(), champion.datasetId(), champion.datasetSha256()));
    text.append("Candidates:\n");
    for (ModelVersion candidate : candidates) {
      text.append(
          String.format(
              Locale.ROOT,
              "- %s %s: %s = %.4f%n",
              candidate.id(),
              command(candidate),
              metric,
              candidate.metric(metric.name())));
    }
    return text.toString();
  }

  private static String keyMetrics(ModelVersion version) {
    String[] names =
        version.figures().classification()
            ? new String[] {"pctCorrect", "kappa", "weightedAreaUnderROC", "weightedFMeasure"}
            : new String[] {
              "correlationCoefficient",
              "meanAbsoluteError",
              "rootMeanSquaredError",
              "rootRelativeSquaredError"
            };
    StringBuilder line = new StringBuilder();
    for (String name : names) {
      line.append(line.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s %.4f", name, version.metric(name)));
    }
    return line.toString();
  }

  private static String command(ModelVersion version) {
    return (version.algorithm() + " " + version.options()).strip();
  }
}
