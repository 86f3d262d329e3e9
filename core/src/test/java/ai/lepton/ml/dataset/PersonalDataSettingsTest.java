package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataSettingsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "secret",
        "ingest-test-secret",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "0123456789abcdef0123456789abcdef",
        "correct horse battery staple"
      })
  void weakKeysStopTheStart(String key) {
    assertThatThrownBy(() -> new PersonalDataSettings("", key))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs 256")
        .hasMessageContaining("openssl rand -base64 32");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q3Vb0G7kz1mJc4pX9RtY2wNfH8sLdE6aUoKiBgTvZrM=",
        "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f1a3c5e7b9d0f"
      })
  void generatedKeysPass(String key) {
    assertThat(new PersonalDataSettings("customer_name", key).pseudonymiser()).isPresent();
  }
}
