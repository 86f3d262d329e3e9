package ai.lepton.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule sets as Lepton's jar ships them, each as its version 1: what decides when no store of
 * versions is at hand (a host without Lepton's tables, the benchmarks), and what a store starts
 * from.
 */
public final class JarRules implements RuleSource {

  @Override
  public RuleSetVersion active(RuleSet ruleSet) {
    return shipped(ruleSet);
  }

  @Override
  public Optional<RuleSetVersion> version(RuleSet ruleSet, int version) {
    return version == 1 ? Optional.of(shipped(ruleSet)) : Optional.empty();
  }

  private static final java.util.Map<RuleSet, RuleSetVersion> SHIPPED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The DRL in the jar, as version 1 (read once). */
  public static RuleSetVersion shipped(RuleSet ruleSet) {
    return SHIPPED.computeIfAbsent(ruleSet, JarRules::read);
  }

  private static RuleSetVersion read(RuleSet ruleSet) {
    try (InputStream in =
        JarRules.class.getClassLoader().getResourceAsStream(ruleSet.drlResource())) {
      if (in == null) {
        throw new IllegalStateException("Lepton's jar lacks " + ruleSet.drlResource());
      }
      return RuleSetVersion.of(
          ruleSet.wireName(), 1, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
