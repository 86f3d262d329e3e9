-- Every forecast a deployed forecaster made: which version, how far ahead, the overlay values it was given, what it
-- answered, and who asked.
CREATE TABLE lepton_forecast (
  id                 VARCHAR(40)    PRIMARY KEY,
  model_name         VARCHAR(200)   NOT NULL,
  model_version_id   VARCHAR(40)    NOT NULL REFERENCES lepton_model_version (id),
  horizon            INT            NOT NULL,
  overlays_json      TEXT,
  periods_json       TEXT           NOT NULL,
  requested_by       VARCHAR(255),
  made_at            TIMESTAMP      NOT NULL
);
CREATE INDEX lepton_forecast_model ON lepton_forecast (model_name, made_at);
