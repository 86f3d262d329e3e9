-- Production data a client sent for monitoring a deployed model (MonitoringDataReceived): kept whether or not the
-- engagement was waiting at that moment; each monitoring check reads what arrived since the model's deployment.
CREATE TABLE lepton_monitoring_dataset (
  dataset_id      VARCHAR(40)   PRIMARY KEY REFERENCES lepton_dataset (id),
  engagement_key  VARCHAR(100)  NOT NULL,
  received_by     VARCHAR(100),
  received_at     TIMESTAMP     NOT NULL
);
CREATE INDEX lepton_monitoring_dataset_engagement ON lepton_monitoring_dataset (engagement_key, received_at);

-- Monitoring reads a model version's decisions since its deployment.
CREATE INDEX lepton_decision_version ON lepton_decision (model_version_id, decided_at);
