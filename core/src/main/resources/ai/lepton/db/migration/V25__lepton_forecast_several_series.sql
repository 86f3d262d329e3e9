-- A forecasting engagement may forecast other series jointly with its target (comma-separated names), and each
-- logged forecast keeps those series' periods beside the target's.
ALTER TABLE lepton_requirements ADD COLUMN also_forecast VARCHAR(2000);
ALTER TABLE lepton_forecast ADD COLUMN other_targets_json TEXT;
