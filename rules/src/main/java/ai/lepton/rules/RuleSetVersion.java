package ai.lepton.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One version of a rule set: its number (1 is the DRL shipped in Lepton's jar), the DRL and the
 * DRL's SHA-256, which every decision it takes names.
 */
public record RuleSetVersion(String ruleSet, int version, String drl, String sha256) {

  public static RuleSetVersion of(String ruleSet, int version, String drl) {
    return new RuleSetVersion(ruleSet, version, drl, sha256(drl));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
