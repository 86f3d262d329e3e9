package ai.lepton.ml.dataset;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which columns hold personal data and the key that pseudonymises them. Columns come from {@code
 * lepton.pii.columns} (every engagement) and from an engagement's requirements ({@code
 * piiColumns}); the key only from the environment ({@code LEPTON_PII_KEY}). Columns configured
 * without a key stop Lepton at start-up.
 */
@Component
public class PersonalDataSettings {

  private final Set<String> globalColumns;
  private final Pseudonymiser pseudonymiser;

  public PersonalDataSettings(
      @Value("${lepton.pii.columns:}") String columns, @Value("${lepton.pii.key:}") String key) {
    this.globalColumns = parse(columns);
    if (key != null && !key.isBlank() && estimatedBits(key) < MIN_KEY_BITS) {
      throw new IllegalStateException(
          String.format(
              "LEPTON_PII_KEY holds about %d bits of entropy; a"
                  + " pseudonymisation key needs %d (32 random bytes), or its tokens can be reversed by trying values:"
                  + " generate one with 'openssl rand -base64 32'",
              estimatedBits(key), MIN_KEY_BITS));
    }
    this.pseudonymiser = key == null || key.isBlank() ? null : new Pseudonymiser(key);
    if (!globalColumns.isEmpty() && pseudonymiser == null) {
      throw new IllegalStateException(
          "lepton.pii.columns names personal-data columns "
              + globalColumns
              + " but no pseudonymisation key is set: set LEPTON_PII_KEY in the environment (a long random secret)");
    }
  }

  /** 32 bytes of entropy, as {@code openssl rand -base64 32} or {@code -hex 32} gives. */
  public static final int MIN_KEY_BITS = 256;

  /**
   * A key's entropy as if its characters were drawn at random from the smallest alphabet that holds
   * them (hex, base64, printable ASCII, any); a key of few distinct characters counts by those
   * ({@code aaaa…} is worth nothing). An upper bound for keys people type, a fair measure of
   * generated ones.
   */
  public static int estimatedBits(String key) {
    long distinct = key.chars().distinct().count();
    double perCharacter;
    if (key.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      perCharacter = 4;
    } else if (key.chars()
        .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "+/=-_".indexOf(c) >= 0))) {
      perCharacter = 6;
    } else if (key.chars().allMatch(c -> c >= 32 && c < 127)) {
      perCharacter = Math.log(95) / Math.log(2);
    } else {
      perCharacter = 8;
    }
    perCharacter = Math.min(perCharacter, Math.log(Math.max(distinct, 1)) / Math.log(2) * 2);
    return (int) Math.floor(perCharacter * key.length());
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
    Arrays.stream(columns.split(","))
        .map(String::strip)
        .filter(c -> !c.isEmpty())
        .forEach(parsed::add);
    return parsed;
  }
}
