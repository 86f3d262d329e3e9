package ai.lepton.ml.card;

import java.util.List;

/**
 * Where an auditor finds, in a model card and in an engagement's record, what each point of the EU
 * AI Act's Annex IV (technical documentation, Regulation (EU) 2024/1689) asks for. The points are
 * paraphrased; the places are the JSON keys of the card and of the record.
 */
final class AnnexIv {

  /** One point of Annex IV, what it asks for in short, and the keys where Lepton answers it. */
  record Point(String point, String asks, List<String> inRecord, List<String> inCard) {

    AnnexIvPoint in(boolean record) {
      return new AnnexIvPoint(point, asks, record ? inRecord : inCard);
    }
  }

  static final List<Point> POINTS =
      List.of(
          new Point(
              "1",
              "general description: intended purpose, who provides it, versions",
              List.of("description"),
              List.of("intendedUse", "model")),
          new Point(
              "2(a)",
              "methods and steps of development, tools used",
              List.of("training"),
              List.of("training")),
          new Point(
              "2(b)",
              "design choices: what the system optimises for, key parameters",
              List.of(
                  "description.successMetric",
                  "description.successThreshold",
                  "description.algorithms",
                  "training"),
              List.of("intendedUse.successCriterion", "training")),
          new Point(
              "2(d)",
              "data: provenance, scope and characteristics, selection, cleaning",
              List.of("data"),
              List.of("data")),
          new Point("2(e)", "human oversight measures", List.of("approval"), List.of("approvals")),
          new Point(
              "2(g)",
              "validation and testing: data and metrics for accuracy and robustness, potentially"
                  + " discriminatory impacts, dated and signed test records",
              List.of(
                  "validation[].metrics",
                  "validation[].metrics.folds",
                  "validation[].metrics.fairness",
                  "validation[].metrics.importance",
                  "approval"),
              List.of(
                  "validation",
                  "validation.folds",
                  "validation.fairness",
                  "validation.importance",
                  "approvals")),
          new Point(
              "3",
              "capabilities and limitations: accuracy overall and for specific groups, what drives the"
                  + " outputs, input data specifications",
              List.of(
                  "validation[].metrics.perClass",
                  "validation[].metrics.fairness",
                  "validation[].metrics.importance",
                  "data"),
              List.of(
                  "validation.perClass", "validation.fairness", "validation.importance", "data")),
          new Point(
              "4",
              "why the performance metrics suit the system",
              List.of("description.successMetric", "description.intendedUse"),
              List.of("intendedUse.successCriterion", "intendedUse.intendedUse")),
          new Point(
              "6",
              "changes made through the lifecycle",
              List.of("deployment", "changes"),
              List.of("statusHistory")),
          new Point(
              "9",
              "post-market monitoring: how performance is evaluated in use",
              List.of("monitoring", "monitoring[].challengerTrial"),
              List.of("monitoring", "decisions", "challengerTrial")));

  private AnnexIv() {}

  /** The points with the record's keys. */
  static List<AnnexIvPoint> forRecord() {
    return POINTS.stream().map(point -> point.in(true)).toList();
  }

  /** The points with the card's keys. */
  static List<AnnexIvPoint> forCard() {
    return POINTS.stream().map(point -> point.in(false)).toList();
  }
}
