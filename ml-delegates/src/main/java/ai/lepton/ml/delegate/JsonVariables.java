package ai.lepton.ml.delegate;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * Process variables holding a JSON document (profiles, metrics): stored as Camunda JSON object
 * values, which have no 4,000-character limit and which Cockpit shows as JSON. Needs the Spin
 * plugin in the engine (the app has it).
 */
public final class JsonVariables {

  private JsonVariables() {}

  public static ObjectValue of(Object document) {
    return Variables.objectValue(document)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
