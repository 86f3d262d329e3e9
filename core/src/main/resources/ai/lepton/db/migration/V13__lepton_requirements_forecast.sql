-- A forecasting engagement's series: the date attribute, how many periods ahead, and the inputs known in advance.
ALTER TABLE lepton_requirements ADD COLUMN time_attribute VARCHAR(200);
ALTER TABLE lepton_requirements ADD COLUMN forecast_horizon INT;
ALTER TABLE lepton_requirements ADD COLUMN overlays VARCHAR(2000);
