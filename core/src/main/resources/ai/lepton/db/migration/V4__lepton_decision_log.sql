-- Every decision a deployed model took part in: what went in, which version scored it, what the rules made of it.
CREATE TABLE lepton_decision (
  id                   VARCHAR(40)    PRIMARY KEY,
  model_name           VARCHAR(200)   NOT NULL,
  model_version_id     VARCHAR(40)    NOT NULL REFERENCES lepton_model_version (id),
  rule_set             VARCHAR(100),
  features_json        TEXT           NOT NULL,
  prediction           VARCHAR(255),
  probability          DOUBLE PRECISION,
  distribution_json    TEXT,
  decision             VARCHAR(100),
  rules_fired          TEXT,
  reason               VARCHAR(4000),
  process_instance_id  VARCHAR(64),
  decided_at           TIMESTAMP      NOT NULL
);
CREATE INDEX lepton_decision_model ON lepton_decision (model_name, decided_at);
