package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lepton.app.demo.DemoEngagement;
import ai.lepton.ml.Json;
import ai.lepton.ml.Sha256;
import ai.lepton.ml.card.EngagementRecord;
import ai.lepton.ml.card.ModelCard;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.converters.CSVLoader;

/**
 * A whole engagement driven over HTTP the way its users drive it, checked against Weka run
 * directly: its steps in order, one test each, on one engagement; then the demo's and the audit
 * trail's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngagementOverHttpTest extends HttpTestSupport {

  private static final String KEY = "ENG-HTTP-CHURN";

  @Autowired private HistoryService history;

  // what one step of the engagement leaves for the next (the steps run in order, on one engagement)
  private String processInstanceId;
  private JsonNode stored;
  private Instances weka;
  private String champion;
  private JsonNode deployed;
  private Classifier reference;
  private Map<String, Object> customer;
  private Reply decided;

  @Test
  @Order(1)
  void requirementsAndADatasetTrainCandidatesWhoseFiguresAreWekasOwn() throws Exception {
    // Given pm opens an engagement and ds sets its requirements
    processInstanceId = startEngagement("pm", KEY);
    Map<String, Object> requirements = new HashMap<>();
    requirements.put("targetAttribute", "churn");
    requirements.put("problemType", "classification");
    requirements.put("modelName", "churn-http");
    requirements.put("successMetric", "weightedAreaUnderROC");
    requirements.put("successThreshold", 0.8);
    requirements.put("ruleSets", "churn-retention");
    requirements.put(
        "algorithms",
        "weka.classifiers.trees.J48 -C 0.25 -M 2\nweka.classifiers.bayes.NaiveBayes\n"
            + "weka.classifiers.functions.Logistic -R 1.0E-8 -M -1");
    assertThat(
            completeTask("ds", taskId("ds", KEY, "Task_AnalyseRequirements"), requirements)
                .status())
        .isEqualTo(204);

    // When ds sends wa_churn.csv (11 rows miss total_charges)
    Reply upload =
        post(
            "ds", "/api/engagements/" + KEY + "/datasets?name=wa_churn.csv", "text/csv", waChurn());

    // Then it is stored and described
    assertThat(upload.status()).as(upload.text()).isEqualTo(201);
    stored = upload.json();
    assertThat(stored.path("rows").asInt()).isEqualTo(7043);
    assertThat(stored.path("attributes").asInt()).isEqualTo(20);
    assertThat(stored.path("format").asText()).isEqualTo("csv");
    assertThat(stored.path("sha256").asText()).isEqualTo(Sha256.hex(waChurn()));

    // And the candidates train in the background until the champion waits for approval
    waitFor(
        "Approve model",
        Duration.ofMinutes(3),
        () -> taskId("mro", KEY, "Task_ApproveModel") != null);
    JsonNode dataset = get("auditor", "/api/datasets/" + stored.path("datasetId").asText()).json();
    assertThat(dataset.at("/profile/classBalance/No").asInt()).isEqualTo(5174);
    assertThat(dataset.at("/profile/classBalance/Yes").asInt()).isEqualTo(1869);
    assertThat(dataset.at("/profile/rowsWithMissingValues").asInt()).isEqualTo(11);
    assertThat(dataset.at("/profile/leakage/measure").asText()).isNotBlank();
    assertThat(dataset.at("/profile/attributes").findValues("aloneSkill"))
        .as("each attribute's skill alone, measured by the profile step")
        .isNotEmpty()
        .allMatch(JsonNode::isNumber);

    // And each candidate's metrics are those of Weka's own cross-validation of the same file
    JsonNode models = get("auditor", "/api/models?engagement=" + KEY).json();
    assertThat(models).hasSize(3);
    weka = wekaChurn();
    for (JsonNode model : models) {
      Evaluation expected = new Evaluation(weka);
      expected.crossValidateModel(
          AbstractClassifier.forName(
              model.path("algorithm").asText(), Utils.splitOptions(model.path("options").asText())),
          weka,
          10,
          new Random(1));
      assertThat(model.at("/metrics/pctCorrect").asDouble()).isEqualTo(expected.pctCorrect());
      assertThat(model.at("/metrics/kappa").asDouble()).isEqualTo(expected.kappa());
      assertThat(model.at("/metrics/weightedAreaUnderROC").asDouble())
          .isEqualTo(expected.weightedAreaUnderROC());
      assertThat(model.at("/metrics/perClass/Yes/recall").asDouble()).isEqualTo(expected.recall(1));
      assertThat(model.path("seed").asInt()).isEqualTo(1);
      assertThat(model.path("folds").asInt()).isEqualTo(10);
    }
  }

  @Test
  @Order(2)
  void theApprovedChampionIsDeployedAsTheModelWekaBuilds() throws Exception {
    // When mro approves the champion with a reason
    String taskId = taskId("mro", KEY, "Task_ApproveModel");
    assertThat(
            completeTask("mro", taskId, Map.of("approved", true, "approvalReason", "AUC above 0.8"))
                .status())
        .isEqualTo(204);
    waitFor(
        "deployment",
        Duration.ofMinutes(1),
        () ->
            get(
                        "auditor",
                        "/engine-rest/history/activity-instance?processInstanceId="
                            + processInstanceId
                            + "&activityId=Task_DeployModel&finished=true")
                    .json()
                    .size()
                == 1);

    // Then the champion is deployed with its approval on record
    champion =
        get(
                "auditor",
                "/engine-rest/history/variable-instance?processInstanceId="
                    + processInstanceId
                    + "&variableName=modelVersionId")
            .json()
            .get(0)
            .path("value")
            .asText();
    deployed = get("auditor", "/api/models/" + champion).json();
    assertThat(deployed.path("status").asText()).isEqualTo("DEPLOYED");
    assertThat(deployed.at("/approvals/0/approver").asText()).isEqualTo("mro");
    assertThat(deployed.at("/approvals/0/reason").asText()).isEqualTo("AUC above 0.8");

    // And its file is a Weka model (with header) that classifies as Weka's own model does
    Reply file = get("auditor", "/api/models/" + champion + "/file");
    assertThat(file.status()).isEqualTo(200);
    assertThat(Sha256.hex(file.bytes())).isEqualTo(deployed.path("modelSha256").asText());
    Object[] modelAndHeader = SerializationHelper.readAll(new ByteArrayInputStream(file.bytes()));
    Classifier model = (Classifier) modelAndHeader[0];
    assertThat(((Instances) modelAndHeader[1]).classAttribute().name()).isEqualTo("churn");
    reference =
        AbstractClassifier.forName(
            deployed.path("algorithm").asText(),
            Utils.splitOptions(deployed.path("options").asText()));
    reference.buildClassifier(weka);
    for (int row = 0; row < 50; row++) {
      assertThat(model.distributionForInstance(weka.instance(row)))
          .containsExactly(reference.distributionForInstance(weka.instance(row)));
    }

    // And the promotion history names it as the live version now, and none before the engagement
    Reply live = get("auditor", "/api/models/live?name=churn-http&at=" + java.time.Instant.now());
    assertThat(live.status()).as(live.text()).isEqualTo(200);
    assertThat(live.json().path("modelVersionId").asText()).isEqualTo(champion);
    assertThat(get("auditor", "/api/models/live?name=churn-http&at=2000-01-01T00:00:00Z").status())
        .isEqualTo(404);
    assertThat(
            get("auditor", "/api/models/live?name=churn-http&at=yesterday")
                .json()
                .path("detail")
                .asText())
        .contains("ISO-8601");
  }

  @Test
  @Order(3)
  void theDeployedModelDecidesExplainsItselfAndTakesItsOutcomeOnce() throws Exception {
    // The deployed model decides straight through, with the churn-retention rules, logged
    customer = new HashMap<>();
    for (int a = 0; a < weka.numAttributes(); a++) {
      if (a != weka.classIndex() && !weka.instance(0).isMissing(a)) {
        customer.put(
            weka.attribute(a).name(),
            weka.attribute(a).isNumeric()
                ? weka.instance(0).value(a)
                : weka.instance(0).stringValue(a));
      }
    }
    customer.remove("total_charges");
    decided = postJson("pm", "/api/decisions/churn-http?ruleSet=churn-retention", customer);
    assertThat(decided.status()).as(decided.text()).isEqualTo(200);
    double[] expected = reference.distributionForInstance(weka.instance(0));
    assertThat(decided.json().path("modelVersionId").asText()).isEqualTo(champion);
    assertThat(decided.json().at("/distribution/Yes").asDouble())
        .isCloseTo(
            expected[weka.classAttribute().indexOfValue("Yes")],
            org.assertj.core.data.Offset.offset(0.2));
    assertThat(decided.json().path("decision").asText())
        .isIn("NO_ACTION", "OFFER_DISCOUNT", "RETENTION_CALL", "ESCALATE_TO_ACCOUNT_MANAGER");
    assertThat(decided.json().path("missingFeatures").toString()).contains("total_charges");
    JsonNode logged = get("auditor", "/api/decisions?model=churn-http").json();
    assertThat(logged.get(0).path("decisionId").asText())
        .isEqualTo(decided.json().path("decisionId").asText());
    assertThat(logged.get(0).path("requestedBy").asText())
        .as("the caller, kept with the decision")
        .isEqualTo("pm");
    assertThat(logged.get(0).path("processInstanceId").asText()).isNotBlank();
    assertThat(
            history
                .createUserOperationLogQuery()
                .processInstanceId(logged.get(0).path("processInstanceId").asText())
                .count())
        .as("the decision log names who asked; Camunda's operation log does not say it again")
        .isZero();

    // And the decision names the attributes that moved it most, strongest first, and the log keeps
    // them
    JsonNode explanation = decided.json().path("explanation");
    assertThat(explanation.size()).isBetween(1, 3);
    double previous = Double.MAX_VALUE;
    for (JsonNode effect : explanation) {
      assertThat(weka.attribute(effect.path("attribute").asText())).isNotNull();
      assertThat(Math.abs(effect.path("effect").asDouble()))
          .isLessThanOrEqualTo(previous)
          .isGreaterThan(0);
      previous = Math.abs(effect.path("effect").asDouble());
    }
    assertThat(logged.get(0).path("explanation")).isEqualTo(explanation);

    // And the true outcome can be recorded once, and the log knows whether the model was right
    String decisionId = decided.json().path("decisionId").asText();
    String truth = weka.instance(0).stringValue(weka.classIndex());
    Reply outcome =
        postJson("pm", "/api/decisions/" + decisionId + "/outcome", Map.of("actual", truth));
    assertThat(outcome.status()).as(outcome.text()).isEqualTo(201);
    assertThat(outcome.json().path("predictionWasRight").asBoolean())
        .isEqualTo(truth.equals(decided.json().path("prediction").asText()));
    assertThat(
            postJson("pm", "/api/decisions/" + decisionId + "/outcome", Map.of("actual", truth))
                .status())
        .isEqualTo(409);
    assertThat(postJson("pm", "/api/decisions/dc-nope/outcome", Map.of("actual", truth)).status())
        .isEqualTo(404);
    assertThat(
            postJson("pm", "/api/decisions/" + decisionId + "/outcome", Map.of("truth", truth))
                .status())
        .isEqualTo(400);
    assertThat(
            postJson(
                    "auditor", "/api/decisions/" + decisionId + "/outcome", Map.of("actual", truth))
                .status())
        .isEqualTo(403);

    // And bad decision requests are refused clearly
    assertThat(
            postJson("pm", "/api/decisions/no-such-model?ruleSet=churn-retention", customer)
                .status())
        .isEqualTo(404);
    Map<String, Object> unknownLabel = new HashMap<>(customer);
    unknownLabel.put("contract", "Forever");
    Reply refused =
        postJson("pm", "/api/decisions/churn-http?ruleSet=churn-retention", unknownLabel);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asText()).contains("unknown value 'Forever'");
    Map<String, Object> wrongType = new HashMap<>(customer);
    wrongType.put("tenure", "long");
    Reply mistyped = postJson("pm", "/api/decisions/churn-http?ruleSet=churn-retention", wrongType);
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.json().path("detail").asText())
        .contains("'tenure' must be a number, not 'long'");
    assertThat(
            postJson("pm", "/api/decisions/churn-http?ruleSet=fraud", customer)
                .json()
                .path("error")
                .asText())
        .isEqualTo("RULE_SET_NOT_APPROVED");
    assertThat(
            post(
                    "pm",
                    "/api/decisions/churn-http?ruleSet=churn-retention",
                    "application/json",
                    "[1,2]".getBytes())
                .status())
        .isEqualTo(400);
  }

  @Test
  @Order(4)
  void theModelCardAndTheEngagementRecordHoldTheEvidence() throws Exception {
    // The model card has every section, Weka's numbers, and draws its ROC curves and confusion
    // matrix
    JsonNode card = get("auditor", "/api/models/" + champion + "/card.json").json();
    assertThat(card.fieldNames())
        .toIterable()
        .contains(
            "model",
            "intendedUse",
            "data",
            "training",
            "validation",
            "approvals",
            "statusHistory",
            "decisions",
            "monitoring");
    assertThat(card.at("/model/modelSha256").asText())
        .isEqualTo(deployed.path("modelSha256").asText());
    assertThat(card.at("/data/sourceDataset/sha256").asText()).hasSize(64);
    assertThat(card.at("/validation/roc/Yes/auc").asDouble())
        .isEqualTo(card.at("/validation/perClass/Yes/areaUnderROC").asDouble());
    assertThat(card.at("/validation/roc/Yes/points").size()).isBetween(2, 62);
    assertThat(card.at("/approvals/0/approver").asText()).isEqualTo("mro");
    assertThat(card.at("/decisions/decisions").asLong()).isPositive();
    // the card served is the typed card, field for field
    ModelCard typed = Json.convertStrictly(card, ModelCard.class);
    assertThat(typed.validation().roc()).containsKey("Yes");
    assertThat(typed.approvals()).extracting(ModelCard.CardApproval::approver).contains("mro");
    assertThat(typed.data().sourceDataset().sha256()).hasSize(64);
    assertThat(typed.data().profile().rows()).isPositive();
    assertThat(typed.challengerTrial()).isNull();
    assertThat(card.has("challengerTrial")).isFalse();
    Reply page = get("auditor", "/api/models/" + champion + "/card");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/html"));
    assertThat(page.text())
        .contains(
            "<svg id=\"roc-curve\"",
            "<polyline",
            "<svg id=\"confusion-matrix\"",
            "id=\"permutation-importance\"",
            "class=\"importance-chart\"",
            "id=\"annex-iv\"",
            "Model card: churn-http",
            card.at("/model/modelSha256").asText());
    assertThat(get("auditor", "/api/models/mv-nope/card").status()).isEqualTo(404);

    // And the engagement's whole record is there for an auditor, as JSON and as a spreadsheet
    JsonNode record = get("auditor", "/api/audit/engagements/" + KEY).json();
    assertThat(record.fieldNames())
        .toIterable()
        .containsExactly(
            "description",
            "data",
            "training",
            "validation",
            "approval",
            "deployment",
            "monitoring",
            "changes",
            "annexIV");
    assertThat(record.at("/description/engagement").asText()).isEqualTo(KEY);
    EngagementRecord typedRecord = Json.convertStrictly(record, EngagementRecord.class);
    assertThat(typedRecord.training()).hasSize(3);
    assertThat(typedRecord.validation())
        .allSatisfy(v -> assertThat(v.metrics().weightedAreaUnderROC()).isNotNull());
    assertThat(typedRecord.description().requirementsSetBy()).isNotEmpty();
    // what drives each candidate is part of its validation, and Annex IV's points say where each
    // part lives
    assertThat(record.at("/validation/0/metrics/importance/attributes").size()).isPositive();
    List<String> points = new java.util.ArrayList<>();
    record.path("annexIV").forEach(p -> points.add(p.path("point").asText()));
    assertThat(points).contains("1", "2(d)", "2(e)", "2(g)", "3", "6", "9");
    assertThat(record.path("training").size()).isEqualTo(3);
    List<String> changes = new java.util.ArrayList<>();
    record.path("changes").forEach(c -> changes.add(c.path("type").asText()));
    assertThat(changes)
        .contains(
            "ENGAGEMENT_OPENED",
            "DATASET_ACCEPTED",
            "QUALITY_VERDICT",
            "TRAINING_RUN",
            "APPROVAL_GRANTED",
            "MODEL_DEPLOYED");
    Reply csv = get("auditor", "/api/audit/engagements/" + KEY + "?format=csv");
    assertThat(csv.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/csv"));
    assertThat(csv.text())
        .startsWith("section,item,field,value")
        .contains("description,,engagement," + KEY);
    assertThat(get("auditor", "/api/audit/engagements/ENG-NOPE").status()).isEqualTo(404);
    assertThat(get("pm", "/api/audit/engagements/" + KEY).status()).isEqualTo(403);
  }

  @Test
  @Order(5)
  void inMaintenanceTheModelIsCheckedAndOnlyAProjectManagerClosesTheEngagement() throws Exception {
    // A monitoring check of the deployed model against the client's own file finds it stable
    assertThat(get("auditor", "/api/models/" + champion + "/monitoring").json().size()).isZero();
    String uploaded = stored.path("datasetId").asText();
    Reply checked =
        post(
            "ds", "/api/models/" + champion + "/monitoring?dataset=" + uploaded, null, new byte[0]);
    assertThat(checked.status()).as(checked.text()).isEqualTo(201);
    assertThat(checked.json().path("significantDrift").asInt()).isZero();
    assertThat(checked.json().path("attributes").size()).isEqualTo(weka.numAttributes() - 1);
    assertThat(
            get("auditor", "/api/models/" + champion + "/monitoring")
                .json()
                .get(0)
                .path("checkId")
                .asText())
        .isEqualTo(checked.json().path("checkId").asText());
    assertThat(
            post(
                    "auditor",
                    "/api/models/" + champion + "/monitoring?dataset=" + uploaded,
                    null,
                    new byte[0])
                .status())
        .isEqualTo(403);
    assertThat(
            get("auditor", "/api/models/" + champion + "/card.json")
                .json()
                .at("/monitoring/checks")
                .size())
        .isOne();
    assertThat(get("auditor", "/api/models/" + champion + "/card").text())
        .contains(
            "dataset " + uploaded,
            "<svg id=\"drift-chart\"",
            "<svg id=\"drift-trend\"",
            ">tenure</text>");

    // And in maintenance, production data sent by the client is checked at once by the job executor
    byte[] june = java.util.Arrays.copyOf(waChurn(), 40_000);
    String juneCsv = new String(june, java.nio.charset.StandardCharsets.UTF_8);
    Reply monitoringData =
        post(
            "ds",
            "/api/engagements/" + KEY + "/monitoring-data?name=june.csv",
            "text/csv",
            juneCsv
                .substring(0, juneCsv.lastIndexOf('\n') + 1)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(monitoringData.status()).as(monitoringData.text()).isEqualTo(201);
    waitFor(
        "the maintenance check",
        Duration.ofMinutes(1),
        () -> get("auditor", "/api/models/" + champion + "/monitoring").json().size() == 2);
    JsonNode scheduled = get("auditor", "/api/models/" + champion + "/monitoring").json().get(0);
    assertThat(scheduled.at("/source/monitoringDatasets/0").asText())
        .isEqualTo(monitoringData.json().path("datasetId").asText());
    assertThat(scheduled.path("recentRows").asInt()).isGreaterThan(200);

    // And only a project manager closes the engagement, with a reason; its record then shows the
    // closing
    assertThat(
            postJson("ds", "/api/engagements/" + KEY + "/close", Map.of("reason", "done")).status())
        .isEqualTo(403);
    assertThat(postJson("pm", "/api/engagements/" + KEY + "/close", Map.of()).status())
        .isEqualTo(400);
    waitFor(
        "the verdict",
        Duration.ofMinutes(1),
        () ->
            get("pm", "/api/engagements/" + KEY)
                .json()
                .at("/currentSteps")
                .toString()
                .contains("Gateway_NextCheck"));
    Reply closed =
        postJson(
            "pm", "/api/engagements/" + KEY + "/close", Map.of("reason", "client contract ended"));
    assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    assertThat(closed.json().path("state").asText()).isEqualTo("COMPLETED");
    assertThat(
            postJson("pm", "/api/engagements/" + KEY + "/close", Map.of("reason", "again"))
                .status())
        .isEqualTo(409);
    List<String> closedRecord = new java.util.ArrayList<>();
    get("auditor", "/api/audit/engagements/" + KEY)
        .json()
        .path("changes")
        .forEach(c -> closedRecord.add(c.path("type").asText()));
    assertThat(closedRecord)
        .contains("MONITORING_CHECK", "MAINTENANCE_VERDICT", "ENGAGEMENT_CLOSED");
  }

  @Test
  void theAuditTrailIsReadByAuditorsOnlyAndVerifies() {
    waitFor(
        "the demo's first audit entries",
        Duration.ofMinutes(2),
        () -> get("auditor", "/api/audit?limit=5").json().size() > 0);
    Reply verified = get("auditor", "/api/audit/verify");
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.json().path("valid").asBoolean()).as(verified.text()).isTrue();
    assertThat(verified.json().path("entries").asLong()).isPositive();
    assertThat(get("auditor", "/api/audit?limit=1").json().get(0).path("hash").asText())
        .hasSize(64);
    assertThat(get("pm", "/api/audit/verify").status()).isEqualTo(403);
    assertThat(get("ds", "/api/audit").status()).isEqualTo(403);
    assertThat(get(null, "/api/audit/verify").status()).isEqualTo(401);
  }

  @Test
  void theDemoEngagementWaitsForItsRiskOfficer() {
    waitFor(
        "demo engagement at Approve model",
        Duration.ofMinutes(2),
        () -> taskId("mro", DemoEngagement.KEY, "Task_ApproveModel") != null);
    JsonNode models = get("pm", "/api/models?engagement=" + DemoEngagement.KEY).json();
    assertThat(models).hasSize(3);
    assertThat(models.findValuesAsText("status")).contains("CHAMPION");
  }

  @Test
  void theDemoDeploysTheModelsTheDecisionProcessesNeed() {
    waitFor(
        "demo credit-risk deployed",
        Duration.ofMinutes(3),
        () ->
            postJson("pm", "/api/decisions/credit-risk?ruleSet=credit-decision", creditApplicant(0))
                    .status()
                == 200);
    waitFor(
        "demo churn-risk deployed",
        Duration.ofMinutes(3),
        () ->
            postJson("pm", "/api/decisions/churn-risk?ruleSet=churn-retention", churnCustomer(0))
                    .status()
                == 200);

    Map<String, Object> large = new java.util.LinkedHashMap<>(creditApplicant(0));
    large.put("credit_amount", 20000);
    Reply application =
        postJson(
            "pm",
            "/engine-rest/process-definition/key/credit-application/start",
            Map.of(
                "variables",
                variables(Map.of("features", JSON.valueToTree(large).toString())),
                "withVariablesInReturn",
                true));
    assertThat(application.status()).as(application.text()).isEqualTo(200);
    assertThat(application.json().at("/variables/modelDecision/value").asText())
        .isEqualTo("MANUAL_REVIEW");
  }

  private static Instances wekaChurn() throws Exception {
    CSVLoader loader = new CSVLoader();
    loader.setMissingValue("NA");
    loader.setSource(new ByteArrayInputStream(waChurn()));
    Instances data = loader.getDataSet();
    data.setClass(data.attribute("churn"));
    return data;
  }
}
