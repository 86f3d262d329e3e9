package ai.lepton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Lepton's OpenAPI document is the contract of /api: every endpoint the application serves is in
 * it, typed.
 */
class OpenApiContractTest extends HttpTestSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointTheApplicationServesIsInTheDocument() {
    JsonNode paths = get("pm", "/api/openapi.json").json().path("paths");
    List<String> served = new ArrayList<>();
    mappings.getHandlerMethods().entrySet().stream()
        .filter(
            entry ->
                !entry
                    .getValue()
                    .getBeanType()
                    .getName()
                    .startsWith("org.springdoc")) // the document itself
        .forEach(
            entry ->
                entry.getKey().getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/api/") || pattern.equals("/api"))
                    .forEach(
                        pattern ->
                            entry
                                .getKey()
                                .getMethodsCondition()
                                .getMethods()
                                .forEach(
                                    verb ->
                                        served.add(
                                            verb.name().toLowerCase(Locale.ROOT)
                                                + " "
                                                + pattern))));
    assertThat(served).hasSizeGreaterThan(20);
    List<String> missing =
        served.stream()
            .filter(
                call -> {
                  String[] verbAndPath = call.split(" ", 2);
                  return paths.path(verbAndPath[1]).path(verbAndPath[0]).isMissingNode();
                })
            .toList();
    assertThat(missing).as("endpoints missing from /api/openapi.json").isEmpty();
  }

  @Test
  void decisionsAreTypedAndEveryOperationNamesTheErrorBody() {
    JsonNode document = get("pm", "/api/openapi.json").json();
    assertThat(document.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    JsonNode decide = document.path("paths").path("/api/decisions/{modelName}").path("post");
    assertThat(decide.path("responses").path("200").toString())
        .contains("#/components/schemas/DecisionAnswer");
    assertThat(
            document
                .path("paths")
                .path("/api/models/{id}")
                .path("get")
                .path("responses")
                .path("200")
                .toString())
        .contains("#/components/schemas/ModelView");
    assertThat(
            document
                .path("paths")
                .path("/api/forecasts/{modelName}")
                .path("post")
                .path("responses")
                .path("200")
                .toString())
        .contains("#/components/schemas/ForecastAnswer");
    JsonNode answer =
        document.path("components").path("schemas").path("DecisionAnswer").path("properties");
    assertThat(answer.has("decision") && answer.has("modelVersionId") && answer.has("decisionId"))
        .isTrue();
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("ApiError")
                .path("properties")
                .has("detail"))
        .isTrue();
    document
        .path("paths")
        .forEach(
            item ->
                item.forEach(
                    operation -> {
                      for (String status : List.of("400", "401", "403", "404")) {
                        assertThat(operation.path("responses").path(status).toString())
                            .contains("ApiError");
                      }
                    }));
  }

  /**
   * Every JSON answer of /api is a named schema, the records for people too (the model card and an
   * engagement's audit record, each with a section per part of EU AI Act Annex IV, described in the
   * README).
   */
  @Test
  void everyAnswerIsANamedSchema() {
    JsonNode document = get("pm", "/api/openapi.json").json();
    List<String> untyped = new ArrayList<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op ->
                            op.getValue()
                                .path("responses")
                                .fields()
                                .forEachRemaining(
                                    response -> {
                                      if (!response.getKey().startsWith("2")) {
                                        return;
                                      }
                                      response
                                          .getValue()
                                          .path("content")
                                          .fields()
                                          .forEachRemaining(
                                              media -> {
                                                JsonNode schema = media.getValue().path("schema");
                                                JsonNode typed =
                                                    schema.path("type").asText().equals("array")
                                                        ? schema.path("items")
                                                        : schema;
                                                if ((media.getKey().contains("json")
                                                        || media.getKey().equals("*/*"))
                                                    && !typed.has("$ref")
                                                    && !List.of(
                                                            "string", "integer", "number",
                                                            "boolean")
                                                        .contains(typed.path("type").asText())) {
                                                  untyped.add(op.getKey() + " " + path.getKey());
                                                }
                                              });
                                    })));
    assertThat(untyped).as("JSON answers without a named schema").isEmpty();
    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.path("ModelCard").path("properties").has("challengerTrial")).isTrue();
    assertThat(schemas.path("EngagementRecord").path("properties").has("annexIV")).isTrue();
    assertThat(schemas.path("DatasetReceipt").path("properties").has("correlated")).isTrue();
    assertThat(schemas.path("MonitoringCheck").path("properties").has("recentForecastMae"))
        .isTrue();
    assertThat(schemas.path("EngagementView").path("properties").has("currentSteps")).isTrue();
    assertThat(schemas.path("AuditVerification").path("properties").has("firstBrokenSequence"))
        .isTrue();
    // the calls a client makes first come with an example body
    JsonNode paths = document.path("paths");
    assertThat(
            paths
                .at(
                    "/~1api~1decisions~1{modelName}/post/requestBody/content/application~1json/examples")
                .toString())
        .contains("Month-to-month");
    assertThat(
            paths
                .at("/~1api~1engagements/post/requestBody/content/application~1json/examples")
                .toString())
        .contains("engagementId");
    assertThat(
            paths
                .at(
                    "/~1api~1engagements~1{engagementKey}~1datasets/post/requestBody/content/text~1csv/examples")
                .toString())
        .contains("churn,tenure");
  }

  @Test
  void theDocumentAndTheExplorerAreBehindTheLoginAndCamundasDocumentIsBeside() {
    assertThat(get(null, "/api/openapi.json").status()).isEqualTo(401);
    assertThat(get(null, "/api/swagger-ui/index.html").status()).isEqualTo(401);
    assertThat(get("auditor", "/api/swagger-ui/index.html").status()).isEqualTo(200);
    JsonNode config = get("auditor", "/api/openapi.json/swagger-config").json();
    assertThat(config.path("urls").findValuesAsText("url"))
        .containsExactlyInAnyOrder("/api/openapi.json", "/api/openapi/engine-rest.json");
    JsonNode camunda = get("auditor", "/api/openapi/engine-rest.json").json();
    assertThat(camunda.path("paths").has("/process-definition/key/{key}/start")).isTrue();
  }
}
