-- The decision rule sets a model of the engagement may be used with (comma-separated), set with the requirements
-- and approved with the model: a decision naming another rule set is refused.
ALTER TABLE lepton_requirements ADD COLUMN rule_sets VARCHAR(400);
