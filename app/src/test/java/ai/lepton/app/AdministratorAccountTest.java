package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.app.security.AdministratorAccount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without demo users, Lepton does not start unless its administrator's password is set and not
 * trivially short.
 */
class AdministratorAccountTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"demo", "admin", "short-pass1"})
  void noOrAShortAdministratorPasswordStopsTheStart(String password) {
    assertThatThrownBy(() -> new AdministratorAccount(null, "admin", password))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set LEPTON_ADMIN_PASSWORD");
  }
}
