package ai.lepton.rules;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles one version of a rule set into a knowledge base with Drools' own builder, against
 * Lepton's fact classes. Each version gets a release id of its own, so versions compiled side by
 * side never replace one another.
 */
public final class RuleCompiler {

  private RuleCompiler() {}

  /**
   * @throws RuleCompileException with Drools' error messages, each with its line
   */
  public static KieBase compile(RuleSet ruleSet, RuleSetVersion version) {
    KieServices kie = KieServices.Factory.get();
    ClassLoader classes = RuleCompiler.class.getClassLoader();
    ReleaseId release =
        kie.newReleaseId(
            "ai.lepton.rule-sets",
            ruleSet.wireName(),
            version.version() + "." + version.sha256().substring(0, 12));
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(release);
    files.write("src/main/resources/" + ruleSet.drlResource(), version.drl());
    KieBuilder builder = kie.newKieBuilder(files, classes).buildAll();
    List<String> errors =
        builder.getResults().getMessages(Message.Level.ERROR).stream()
            .map(m -> (m.getLine() > 0 ? "line " + m.getLine() + ": " : "") + m.getText().strip())
            .toList();
    if (!errors.isEmpty()) {
      throw new RuleCompileException(ruleSet.wireName(), errors);
    }
    return kie.newKieContainer(release, classes).getKieBase();
  }
}
