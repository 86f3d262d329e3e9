-- Each monitoring check of a deployed model version: what it compared and what it found (PSI and KS per attribute,
-- drift counts, accuracy against the approved baseline). Written once.
CREATE TABLE lepton_monitoring_check (
  id                VARCHAR(40)      PRIMARY KEY,
  model_version_id  VARCHAR(40)      NOT NULL REFERENCES lepton_model_version (id),
  checked_at        TIMESTAMP        NOT NULL,
  source            VARCHAR(255)     NOT NULL,
  result_json       VARCHAR(1000000) NOT NULL
);
CREATE INDEX lepton_monitoring_check_version ON lepton_monitoring_check (model_version_id, checked_at);
