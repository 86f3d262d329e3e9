-- A rule set version carries its test scenarios (given facts, expected decision and rules fired); a status change
-- keeps its evidence (the impact analysis a model risk officer approved a release on).
ALTER TABLE lepton_rule_set_version ADD COLUMN scenarios_json TEXT;
ALTER TABLE lepton_rule_set_status ADD COLUMN evidence_json TEXT;
