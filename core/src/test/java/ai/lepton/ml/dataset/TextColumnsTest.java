package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lepton.ml.training.DatasetPreparer;
import ai.lepton.ml.training.ProblemType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * Free text is told apart from categories and identifiers in one place, on real data: the Reuters
 * stories are text; credit-g's short categorical strings and a column of ticket numbers are not.
 */
class TextColumnsTest {

  static Instances reuters() throws Exception {
    return DatasetReader.read(
            Files.readAllBytes(Path.of("../datasets/ReutersGrain-train.arff")), DatasetFormat.ARFF)
        .instances();
  }

  /**
   * 200 support tickets as CSV: an identifier, a short category, a free-text question, the outcome.
   */
  static Instances tickets() {
    StringBuilder csv = new StringBuilder("ticket_ref,channel,question,escalated\n");
    String[] channels = {"phone", "mail", "chat"};
    String[] topics = {
      "my card was declined at the shop although the balance is fine",
      "how do I change the address on my account after moving house",
      "the mobile app logs me out every time I open the statements page",
      "I was charged twice for the same transfer to my landlord this month"
    };
    for (int i = 0; i < 200; i++) {
      csv.append("T-")
          .append(10_000 + i * 7)
          .append(',')
          .append(channels[i % 3])
          .append(",\"")
          .append(topics[i % 4])
          .append(" (case ")
          .append(i)
          .append(")\",")
          .append(i % 5 == 0 ? "yes" : "no")
          .append('\n');
    }
    return DatasetReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV)
        .instances();
  }

  @Test
  void storiesAreTextCategoriesAreNotAndIdentifiersStayIdentifiers() throws Exception {
    assertThat(TextColumns.of(reuters(), List.of(), "class-att")).containsExactly("Text");
    Instances tickets = tickets();
    assertThat(TextColumns.of(tickets, List.of(), "escalated")).containsExactly("question");
    assertThat(IdentifierColumns.reason(tickets, tickets.attribute("ticket_ref").index()))
        .isPresent();
    assertThat(IdentifierColumns.reason(tickets, tickets.attribute("question").index())).isEmpty();

    // preparation: the question stays text, the channel a category, the ticket number is dropped
    Instances prepared =
        DatasetPreparer.prepare(
                tickets,
                "escalated",
                ProblemType.CLASSIFICATION,
                List.of(),
                TextColumns.of(tickets, List.of(), "escalated"))
            .data();
    assertThat(prepared.attribute("question").isString()).isTrue();
    assertThat(prepared.attribute("channel").isNominal()).isTrue();
    assertThat(prepared.attribute("ticket_ref")).isNull();
  }

  @Test
  void theProfileDescribesTextByItsWordsNotByItsValues() throws Exception {
    Map<String, Object> profile = DatasetProfiler.profile(reuters(), "class-att");
    @SuppressWarnings("unchecked")
    Map<String, Object> text = ((List<Map<String, Object>>) profile.get("attributes")).get(0);
    assertThat(text)
        .containsEntry("name", "Text")
        .containsEntry("text", true)
        .containsEntry("identifierLike", false)
        .doesNotContainKeys("values", "targetPurity");
    assertThat((double) text.get("meanWords")).isGreaterThan(50);
    assertThat(text.get("textReason").toString()).startsWith("free text");
  }

  @Test
  void aNamedTextAttributeMustExistHoldTextAndNotBeTheTarget() throws Exception {
    Instances tickets = tickets();
    assertThat(TextColumns.of(tickets, List.of("channel"), "escalated"))
        .isEqualTo(Set.of("channel", "question"));
    assertThatThrownBy(() -> TextColumns.of(tickets, List.of("body"), "escalated"))
        .hasMessageContaining("no such attribute");
    assertThatThrownBy(() -> TextColumns.of(tickets, List.of("escalated"), "escalated"))
        .hasMessageContaining("cannot be a text attribute");
  }
}
