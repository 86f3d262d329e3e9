package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.access.LeptonGroups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Lepton on an AES-encrypted H2 file, the way the README's operations section says to run it: the
 * key comes with the database password ("file key" + space + "user password", LEPTON_DB_PASSWORD in
 * production). What Lepton stores cannot be read from the file without the key.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.process-engine-name=encryptedTest",
      "lepton.data-dir=target/encrypted-test-data",
      "spring.datasource.url=jdbc:h2:file:./target/encrypted-test-data/lepton;CIPHER=AES;WRITE_DELAY=0;RETENTION_TIME=0;"
          + "QUERY_CACHE_SIZE=256;MAX_LENGTH_INPLACE_LOB=8192",
      "spring.datasource.password="
          + EncryptedDatabaseTest.FILE_KEY
          + " "
          + EncryptedDatabaseTest.USER_PASSWORD,
      "lepton.demo.enabled=false",
      "lepton.admin.password=test-administrator-password",
      "camunda.bpm.job-execution.enabled=false"
    })
class EncryptedDatabaseTest {

  static final String FILE_KEY = "file-key-of-this-test";
  static final String USER_PASSWORD = "user-password";
  private static final String MARKER = "Encrypted Client Holdings 4711";

  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  static {
    // A fresh file each run: the context below creates it.
    try (Stream<Path> old =
        Files.exists(Path.of("target/encrypted-test-data"))
            ? Files.walk(Path.of("target/encrypted-test-data"))
            : Stream.empty()) {
      old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void whatLeptonStoresIsNotInTheFileInTheClearAndTheFileOpensOnlyWithItsKey() throws Exception {
    identity.setAuthentication("pm", List.of(LeptonGroups.PROJECT_MANAGERS));
    try {
      runtime.startProcessInstanceByKey(
          "ai-engagement", "ENG-ENC-1", Map.of("client", MARKER, "engagementName", "Encrypted"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ENG-ENC-1").count())
        .isOne();

    // The file holds the engagement, but not in a form anyone can read
    Path file = Path.of("target/encrypted-test-data/lepton.mv.db");
    byte[] stored = Files.readAllBytes(file);
    assertThat(stored.length).isGreaterThan(100_000);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1))
        .doesNotContain(MARKER)
        .doesNotContain("ACT_RU_EXECUTION")
        .doesNotContain("LEPTON_AUDIT");

    // A copy of it opens with the key, and only with the key
    Path copy = Path.of("target/encrypted-test-data/copy.mv.db");
    Files.copy(file, copy);
    String copyUrl = "jdbc:h2:file:./target/encrypted-test-data/copy;CIPHER=AES";
    assertThatThrownBy(
            () -> DriverManager.getConnection(copyUrl, "sa", "wrong-key " + USER_PASSWORD).close())
        .isInstanceOf(java.sql.SQLException.class);
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(copyUrl.replace(";CIPHER=AES", ""), "sa", USER_PASSWORD)
                    .close())
        .isInstanceOf(java.sql.SQLException.class);
    try (var connection =
            DriverManager.getConnection(copyUrl, "sa", FILE_KEY + " " + USER_PASSWORD);
        var statement =
            connection.prepareStatement("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ?")) {
      statement.setString(1, MARKER);
      try (var result = statement.executeQuery()) {
        result.next();
        assertThat(result.getInt(1)).isOne();
      }
    }
  }
}
