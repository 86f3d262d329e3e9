package ai.lepton.ml.scoring;

import ai.lepton.ml.dataset.DatasetStore;
import ai.lepton.ml.registry.ModelFileReader;
import ai.lepton.ml.registry.ModelIntegrityException;
import ai.lepton.ml.registry.ModelRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * The models live under each name, deserialized once and kept; {@link #refresh} drops a name's entry when a new
 * version is deployed, so the next decision loads it.
 */
@Component
public class DeployedModels {

  /**
   * A deployed version ready to score: the classifier, the header it was trained on and the training data's mean or
   * mode per attribute (null when the training data cannot be read: decisions then carry no explanation).
   */
  public record Loaded(String versionId, Classifier classifier, Instances header, double[] baseline) {}

  private static final Logger LOG = LoggerFactory.getLogger(DeployedModels.class);

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final Map<String, Loaded> byName = new ConcurrentHashMap<>();

  public DeployedModels(ModelRegistry registry, DatasetStore datasets) {
    this.registry = registry;
    this.datasets = datasets;
  }

  public Loaded get(String modelName) {
    Loaded loaded = byName.get(modelName);
    return loaded != null ? loaded : byName.computeIfAbsent(modelName, this::load);
  }

  public void refresh(String modelName) {
    byName.remove(modelName);
  }

  private double[] baseline(String versionId, Instances header) {
    String datasetId = registry.get(versionId).datasetId();
    try {
      return PerturbationExplainer.baseline(header, datasets.load(datasetId));
    } catch (RuntimeException e) {
      LOG.warn("Decisions of model version {} will carry no explanation: its training data {} cannot be read ({})",
          versionId, datasetId, e.getMessage());
      return null;
    }
  }

  private Loaded load(String modelName) {
    List<String> live = registry.deployedUnder(modelName);
    if (live.isEmpty()) {
      boolean known = registry.findAll().stream().anyMatch(v -> v.modelName().equals(modelName));
      throw new ScoringException(ScoringException.MODEL_NOT_FOUND, known
          ? "Model '" + modelName + "' has no deployed version yet"
          : "No model is named '" + modelName + "'");
    }
    String versionId = live.get(0);
    List<Object> modelAndHeader;
    try {
      modelAndHeader = ModelFileReader.read(versionId, registry.modelFile(versionId),
          registry.get(versionId).modelSha256());
    } catch (ModelIntegrityException e) {
      LOG.error("Model '{}' cannot score: {}", modelName, e.getMessage());
      throw new ScoringException(ScoringException.MODEL_UNAVAILABLE, e.getMessage());
    }
    Instances header = (Instances) modelAndHeader.get(1);
    return new Loaded(versionId, (Classifier) modelAndHeader.get(0), header, baseline(versionId, header));
  }
}
