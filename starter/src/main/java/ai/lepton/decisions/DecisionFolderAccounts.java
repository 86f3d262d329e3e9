package ai.lepton.decisions;

import ai.lepton.access.EngineIdentity;
import ai.lepton.api.ProcessStartRights;
import ai.lepton.ml.audit.AuditTrail;
import ai.lepton.process.ProcessKey;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who decides the files dropped into a model's decision folder. Writing a file is no login, so each
 * folder is decided as a Camunda account named for it, {@code
 * lepton.decisions.file-drop.accounts.<model>} (or {@code lepton.decisions.file-drop.account} for
 * every folder not named), and only while that account may make decisions over HTTP itself (the
 * rights to start {@code model-decision}, asked as the API asks them). A folder no account is named
 * for, or whose account is unknown or has no such right, is refused: deny by default. The decision
 * log and audit trail name the account.
 */
public class DecisionFolderAccounts {

  /** Names the account of a refused folder in the audit trail when none is configured. */
  static final String NOBODY = "file-drop";

  private final Map<String, String> accounts;
  private final String everyFolder;
  private final IdentityService identity;
  private final ProcessStartRights rights;
  private final AuditTrail audit;

  public DecisionFolderAccounts(
      Map<String, String> accounts,
      String everyFolder,
      IdentityService identity,
      ProcessStartRights rights,
      AuditTrail audit) {
    this.accounts = Map.copyOf(accounts);
    this.everyFolder = everyFolder == null ? "" : everyFolder.trim();
    this.identity = identity;
    this.rights = rights;
    this.audit = audit;
  }

  /**
   * The account that decides the files of {@code model}'s folder; refused (and audited) when there
   * is none.
   */
  public String accountFor(String model, String fileName) {
    String account = accounts.getOrDefault(model, everyFolder).trim();
    String folder = "decisions/" + model + "/";
    if (account.isEmpty()) {
      throw refused(
          NOBODY,
          folder,
          fileName,
          "no account is named to decide the files of "
              + folder
              + ": set lepton.decisions.file-drop.accounts."
              + model
              + " (or lepton.decisions.file-drop.account) to a"
              + " Camunda user who may make decisions");
    }
    if (identity.createUserQuery().userId(account).count() == 0) {
      throw refused(
          account,
          folder,
          fileName,
          "the account named for " + folder + ", " + account + ", is not a Camunda user");
    }
    EngineIdentity found = EngineIdentity.lookUp(identity, account);
    if (!rights.mayStart(
        new Authentication(account, found.groupIds(), found.tenantIds()),
        ProcessKey.MODEL_DECISION.key())) {
      throw refused(
          account,
          folder,
          fileName,
          "the account named for "
              + folder
              + ", "
              + account
              + ", may not make decisions (it may not start model-decision)");
    }
    return account;
  }

  private FolderRefused refused(String account, String folder, String fileName, String why) {
    audit.refusal(
        account,
        "path",
        "inbox/" + folder,
        "decide the file " + fileName,
        why,
        Map.of("file", fileName));
    return new FolderRefused(why);
  }

  /**
   * A decision folder's file that nobody may decide: nothing is decided, the file goes to {@code
   * .error/}.
   */
  public static class FolderRefused extends RuntimeException {
    FolderRefused(String message) {
      super(message);
    }
  }
}
