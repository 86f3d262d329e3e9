-- A decision's context: business facts its rule set reads beside the model's record (the client a news item is about,
-- the alerts about that client within the window), kept so that a replay decides on the same facts.
ALTER TABLE lepton_decision ADD COLUMN context_json TEXT;
