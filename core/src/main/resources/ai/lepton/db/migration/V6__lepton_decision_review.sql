-- A person's decision on a case the model and rules sent to them: accepted or overruled, by whom and why.
-- Written once; a decision may be reviewed at most once per process instance.
CREATE TABLE lepton_decision_review (
  id                   VARCHAR(40)    PRIMARY KEY,
  decision_id          VARCHAR(40)    REFERENCES lepton_decision (id),
  process_instance_id  VARCHAR(64)    NOT NULL,
  reviewer             VARCHAR(255)   NOT NULL,
  model_decision       VARCHAR(100),
  final_decision       VARCHAR(100)   NOT NULL,
  overruled            BOOLEAN        NOT NULL,
  reason               VARCHAR(4000),
  reviewed_at          TIMESTAMP      NOT NULL
);
CREATE INDEX lepton_decision_review_decision ON lepton_decision_review (decision_id);
