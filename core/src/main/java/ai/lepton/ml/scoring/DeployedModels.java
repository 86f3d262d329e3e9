package ai.lepton.ml.scoring;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.dataset.StoredDataset;
import ai.lepton.ml.engagement.Requirements;
import ai.lepton.ml.engagement.RequirementsRecord;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.training.CandidateMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * The models live under each name, deserialized once and kept; {@link #refresh} drops a name's
 * entry when a new version is deployed or rolled back to on this node, so the next decision loads
 * it. Other nodes of a cluster learn of it within {@code lepton.scoring.recheck-live-version}
 * (default 5 s): a kept entry older than that is checked against the registry (one query) before it
 * is used again.
 */
@Component
public class DeployedModels {

  /**
   * A deployed version ready to score: the classifier, the header it was trained on and the
   * training data's mean or mode per attribute (null when the training data cannot be read:
   * decisions then carry no explanation).
   */
  /**
   * A live model ready to score. {@code setAside}: attributes of the engagement's data that
   * preparation dropped (identifiers, constants, leaks); a record may carry them, and they are
   * ignored.
   */
  /**
   * @param important the attributes its validation found to drive the model overall (permutation
   *     importance), which the decisions' explanations point out
   */
  public record Loaded(
      String versionId,
      Classifier classifier,
      Instances header,
      double[] baseline,
      java.util.Set<String> setAside,
      java.util.List<String> ruleSets,
      java.util.Set<String> important) {

    public Loaded(String versionId, Classifier classifier, Instances header, double[] baseline) {
      this(
          versionId,
          classifier,
          header,
          baseline,
          java.util.Set.of(),
          java.util.List.of(),
          java.util.Set.of());
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeployedModels.class);

  private record KeptChallenger(java.util.Optional<Loaded> loaded, long checkedAt) {}

  private final Map<String, KeptChallenger> challengers = new ConcurrentHashMap<>();

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final RequirementsRecord requirements;

  private record Kept(Loaded loaded, long checkedAt) {}

  private final Map<String, Kept> byName = new ConcurrentHashMap<>();
  private final long recheckNanos;

  public DeployedModels(
      ModelRegistry registry, DatasetStore datasets, RequirementsRecord requirements) {
    this(registry, datasets, requirements, Duration.ofSeconds(5));
  }

  @Autowired
  public DeployedModels(
      ModelRegistry registry,
      DatasetStore datasets,
      RequirementsRecord requirements,
      @Value("${lepton.scoring.recheck-live-version:PT5S}") Duration recheck) {
    this.registry = registry;
    this.datasets = datasets;
    this.requirements = requirements;
    this.recheckNanos = recheck.toNanos();
  }

  public Loaded get(String modelName) {
    Kept kept = byName.get(modelName);
    long now = System.nanoTime();
    if (kept != null && now - kept.checkedAt() < recheckNanos) {
      return kept.loaded();
    }
    if (kept != null) {
      if (registry.deployedUnder(modelName).equals(List.of(kept.loaded().versionId()))) {
        byName.replace(modelName, kept, new Kept(kept.loaded(), now));
        return kept.loaded();
      }
      byName.remove(modelName, kept);
    }
    return byName
        .computeIfAbsent(modelName, name -> new Kept(load(name), System.nanoTime()))
        .loaded();
  }

  public void refresh(String modelName) {
    byName.remove(modelName);
    challengers.remove(modelName);
  }

  /**
   * The version on trial as a challenger under a model name, ready to score in shadow (no
   * explanation: its answers are never returned), or empty; checked against the registry as often
   * as the live version is.
   */
  public java.util.Optional<Loaded> challenger(String modelName) {
    KeptChallenger kept = challengers.get(modelName);
    long now = System.nanoTime();
    if (kept != null && now - kept.checkedAt() < recheckNanos) {
      return kept.loaded();
    }
    List<String> onTrial = registry.challengersUnder(modelName);
    java.util.Optional<Loaded> loaded =
        kept != null
                && kept.loaded().map(l -> List.of(l.versionId())).orElse(List.of()).equals(onTrial)
            ? kept.loaded()
            : onTrial.stream().findFirst().map(this::read);
    challengers.put(modelName, new KeptChallenger(loaded, now));
    return loaded;
  }

  /**
   * Any version, its file read now and checked against its SHA-256 (not kept): what a replay of its
   * decisions scores with. No explanation.
   *
   * @throws ScoringException MODEL_UNAVAILABLE when the file no longer matches,
   *     NOT_A_DECISION_MODEL for a forecaster
   */
  public Loaded read(String versionId) {
    LiveModelFile file = LiveModelFile.readVersion(registry, versionId);
    if (!(file.model() instanceof Classifier classifier)) {
      throw new ScoringException(
          ScoringException.NOT_A_DECISION_MODEL,
          "Model version " + versionId + " forecasts a series: it does not decide on one record");
    }
    return new Loaded(
        versionId,
        classifier,
        file.header(),
        null,
        setAside(versionId, file.header()),
        java.util.List.of(),
        java.util.Set.of());
  }

  private double[] baseline(String versionId, Instances header) {
    String datasetId = registry.get(versionId).datasetId();
    try {
      return PerturbationExplainer.baseline(header, datasets.load(datasetId));
    } catch (RuntimeException e) {
      LOG.warn(
          "Decisions of model version {} will carry no explanation: its training data {} cannot be read ({})",
          versionId,
          datasetId,
          e.getMessage());
      return null;
    }
  }

  private Loaded load(String modelName) {
    LiveModelFile live = LiveModelFile.read(registry, modelName);
    String versionId = live.version().id();
    Instances header = live.header();
    if (!(live.model() instanceof Classifier classifier)) {
      throw new ScoringException(
          ScoringException.NOT_A_DECISION_MODEL,
          "Model '"
              + modelName
              + "' forecasts a"
              + " series (problem type forecasting): it does not decide on one record");
    }
    return new Loaded(
        versionId,
        classifier,
        header,
        baseline(versionId, header),
        setAside(versionId, header),
        ruleSets(versionId),
        important(versionId));
  }

  /**
   * The attributes the version's permutation importance marked important (none when it was not
   * measured).
   */
  private java.util.Set<String> important(String versionId) {
    CandidateMetrics.Importance importance = registry.get(versionId).figures().importance();
    if (importance == null || importance.attributes() == null) {
      return java.util.Set.of();
    }
    return importance.attributes().stream()
        .filter(a -> Boolean.TRUE.equals(a.important()))
        .map(CandidateMetrics.AttributeImportance::attribute)
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * The decision rule sets the version's engagement named with its requirements (none: no decision
   * may use it).
   */
  private java.util.List<String> ruleSets(String versionId) {
    if (requirements == null) {
      return java.util.List.of();
    }
    return requirements
        .latest(registry.get(versionId).engagementKey())
        .map(Requirements::ruleSetNames)
        .orElse(java.util.List.of());
  }

  /**
   * The attributes of the data the version was trained from, back to what the client sent, that it
   * does not use.
   */
  private java.util.Set<String> setAside(String versionId, Instances header) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    try {
      String datasetId = registry.get(versionId).datasetId();
      for (int depth = 0; datasetId != null && depth < 10; depth++) {
        StoredDataset dataset = datasets.get(datasetId);
        dataset.schema().forEach(column -> names.add(String.valueOf(column.get("name"))));
        datasetId = dataset.derivedFrom();
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Model version {}: its training data's columns cannot be read ({}); records must use the model's"
              + " attributes only",
          versionId,
          e.getMessage());
    }
    for (int i = 0; i < header.numAttributes(); i++) {
      names.remove(header.attribute(i).name());
    }
    return java.util.Set.copyOf(names);
  }
}
