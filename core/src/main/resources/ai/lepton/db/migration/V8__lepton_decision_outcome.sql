-- The true outcome of a decision, once it is known (the customer churned or not, the loan defaulted or not).
-- Written once per decision: a correction is a new decision's matter, not an edit.
CREATE TABLE lepton_decision_outcome (
  decision_id   VARCHAR(40)    PRIMARY KEY REFERENCES lepton_decision (id),
  actual        VARCHAR(255)   NOT NULL,
  recorded_by   VARCHAR(255)   NOT NULL,
  recorded_at   TIMESTAMP      NOT NULL
);
