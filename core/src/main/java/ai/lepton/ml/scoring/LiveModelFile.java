package ai.lepton.ml.scoring;

import ai.lepton.ml.registry.ModelFileReader;
import ai.lepton.ml.registry.ModelIntegrityException;
import ai.lepton.ml.registry.ModelRegistry;
import ai.lepton.ml.registry.ModelVersion;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weka.core.Instances;

/**
 * The version live under a model name and its approved file, read and checked against its SHA-256:
 * what decisions and forecasts both start from. {@code header} is the data's header (a forecaster
 * keeps its series' last periods).
 */
public record LiveModelFile(ModelVersion version, Object model, Instances header) {

  private static final Logger LOG = LoggerFactory.getLogger(LiveModelFile.class);

  /**
   * @throws ScoringException MODEL_NOT_FOUND (nothing deployed under the name), MODEL_UNAVAILABLE
   *     (file altered)
   */
  public static LiveModelFile read(ModelRegistry registry, String modelName) {
    List<String> live = registry.deployedUnder(modelName);
    if (live.isEmpty()) {
      boolean known = registry.findAll().stream().anyMatch(v -> v.modelName().equals(modelName));
      throw new ScoringException(
          ScoringException.MODEL_NOT_FOUND,
          known
              ? "Model '" + modelName + "' has no deployed version yet"
              : "No model is named '" + modelName + "'");
    }
    return readVersion(registry, live.get(0));
  }

  /**
   * One version's approved file, read and checked against its SHA-256 (a challenger's, or the live
   * one's).
   */
  public static LiveModelFile readVersion(ModelRegistry registry, String versionId) {
    ModelVersion version = registry.get(versionId);
    String modelName = version.modelName();
    try {
      List<Object> modelAndHeader =
          ModelFileReader.read(
              version.id(), registry.modelFile(version.id()), version.modelSha256());
      return new LiveModelFile(version, modelAndHeader.get(0), (Instances) modelAndHeader.get(1));
    } catch (ModelIntegrityException e) {
      LOG.error("Model '{}' cannot answer: {}", modelName, e.getMessage());
      throw new ScoringException(ScoringException.MODEL_UNAVAILABLE, e.getMessage());
    }
  }
}
