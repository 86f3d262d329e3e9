-- Group fairness at validation: the protected attributes a classifier is assessed on (one per line: a nominal
-- attribute, or a numeric one with bands, 'age < 25'), the favourable outcome, and the disparate-impact floor under
-- which the approval policy blocks.
ALTER TABLE lepton_requirements ADD COLUMN protected_attributes VARCHAR(2000);
ALTER TABLE lepton_requirements ADD COLUMN favourable_label VARCHAR(255);
ALTER TABLE lepton_requirements ADD COLUMN fairness_floor DOUBLE PRECISION;
