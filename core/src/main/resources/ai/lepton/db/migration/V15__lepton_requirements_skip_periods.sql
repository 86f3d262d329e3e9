-- Periods a forecast series does not have (non-trading days), as the requirements named them.
ALTER TABLE lepton_requirements ADD COLUMN skip_periods VARCHAR(2000);
