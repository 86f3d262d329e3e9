package ai.lepton.api;

import ai.lepton.ml.card.ModelCard;
import ai.lepton.ml.card.ModelCardBuilder;
import ai.lepton.ml.training.CandidateMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The model card of a model version: {@code /card.json} for machines, {@code /card} as a printable
 * HTML page with its ROC curves (or predicted-vs-actual plot), confusion matrix and drift charts
 * drawn as SVG.
 */
@Controller
public class ModelCardController {

  private final ModelCardBuilder cards;

  public ModelCardController(ModelCardBuilder cards) {
    this.cards = cards;
  }

  @GetMapping("/api/models/{id}/card.json")
  @ResponseBody
  public ModelCard json(@PathVariable String id) {
    return cards.build(id);
  }

  @GetMapping(path = "/api/models/{id}/card", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "The model card as a page (charts as SVG)",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The model card",
              content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)))
  public String html(@PathVariable String id, Model model) {
    ModelCard card = cards.build(id);
    CandidateMetrics validation = card.validation();
    model.addAttribute("card", card);
    model.addAttribute("roc", ModelCardCharts.roc(validation));
    model.addAttribute("confusion", ModelCardCharts.confusion(validation));
    model.addAttribute("scatter", ModelCardCharts.scatter(validation));
    model.addAttribute("fairness", ModelCardCharts.fairness(validation));
    model.addAttribute("importance", ModelCardCharts.importance(validation));
    List<Map<String, Object>> series = ModelCardCharts.forecast(validation);
    model.addAttribute("forecast", series.isEmpty() ? null : series.get(0));
    model.addAttribute("forecastSeries", series);
    model.addAttribute("drift", ModelCardCharts.drift(card.monitoring()));
    return "lepton/model-card";
  }
}
