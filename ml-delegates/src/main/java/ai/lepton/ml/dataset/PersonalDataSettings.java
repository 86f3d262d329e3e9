package ai.lepton.ml.dataset;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which columns hold personal data and the key that pseudonymises them. Columns come from
 * {@code lepton.pii.columns} (every engagement) and from an engagement's requirements ({@code piiColumns}); the key
 * only from the environment ({@code LEPTON_PII_KEY}). Columns configured without a key stop Lepton at start-up.
 */
@Component
public class PersonalDataSettings {

  private final Set<String> globalColumns;
  private final Pseudonymiser pseudonymiser;

  public PersonalDataSettings(@Value("${lepton.pii.columns:}") String columns,
      @Value("${lepton.pii.key:}") String key) {
    this.globalColumns = parse(columns);
    this.pseudonymiser = key == null || key.isBlank() ? null : new Pseudonymiser(key);
    if (!globalColumns.isEmpty() && pseudonymiser == null) {
      throw new IllegalStateException("lepton.pii.columns names personal-data columns " + globalColumns
          + " but no pseudonymisation key is set: set LEPTON_PII_KEY in the environment (a long random secret)");
    }
  }

  public Optional<Pseudonymiser> pseudonymiser() {
    return Optional.ofNullable(pseudonymiser);
  }

  /** The configured columns plus an engagement's own ({@code piiColumns}, comma-separated). */
  public Set<String> columnsFor(Object engagementColumns) {
    Set<String> columns = new LinkedHashSet<>(globalColumns);
    columns.addAll(parse(engagementColumns == null ? "" : engagementColumns.toString()));
    return columns;
  }

  public static Set<String> parse(String columns) {
    Set<String> parsed = new LinkedHashSet<>();
    Arrays.stream(columns.split(",")).map(String::strip).filter(c -> !c.isEmpty()).forEach(parsed::add);
    return parsed;
  }
}
