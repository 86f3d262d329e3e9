package ai.lepton.autoconfigure;

import ai.lepton.api.ApiError;
import ai.lepton.ml.LeptonVersion;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With springdoc in the application, Lepton's part of its OpenAPI document: the title and version,
 * HTTP Basic, and the error body ({@link ApiError}) on every {@code /api} operation's 4xx and 5xx
 * answers.
 */
@AutoConfiguration(after = LeptonApiAutoConfiguration.class)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class LeptonOpenApiAutoConfiguration {

  static final Map<String, String> ERRORS =
      Map.of(
          "400", "The request is not one Lepton can act on (the detail says what to change)",
          "401", "No login, or a wrong one (HTTP Basic)",
          "403", "The logged-in user's groups may not do this",
          "404", "Nothing by that name or id (or nothing this user may see)");

  @Bean
  @ConditionalOnMissingBean(name = "leptonOpenApi")
  public OpenApiCustomizer leptonOpenApi() {
    return openApi -> {
      openApi.info(
          new Info()
              .title("Lepton API")
              .version(LeptonVersion.VERSION)
              .description(
                  "Model decisions and their log, datasets, models and model cards, engagements, monitoring"
                      + " data and the audit trail of Lepton. Processes, tasks and history are Camunda's own REST API"
                      + " (/engine-rest; its OpenAPI document is served at /api/openapi/engine-rest.json where the"
                      + " application has it)."));
      Components components =
          openApi.getComponents() == null ? new Components() : openApi.getComponents();
      openApi.components(components);
      components.addSecuritySchemes(
          "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
      ModelConverters.getInstance().read(ApiError.class).forEach(components::addSchemas);
      openApi.addSecurityItem(new SecurityRequirement().addList("basic"));
      Content error =
          new Content()
              .addMediaType(
                  "application/json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError")));
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                if (path.startsWith("/api")) {
                  item.readOperations()
                      .forEach(
                          operation ->
                              ERRORS.forEach(
                                  (code, description) -> {
                                    if (!operation.getResponses().containsKey(code)) {
                                      operation
                                          .getResponses()
                                          .addApiResponse(
                                              code,
                                              new ApiResponse()
                                                  .description(description)
                                                  .content(error));
                                    }
                                  }));
                }
              });
    };
  }
}
