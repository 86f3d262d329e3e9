-- Who asked for each decision: the logged-in user of the call (or of the batch, or 'file-drop'), kept with the
-- decision for as long as the log is, not only as long as the engine's history of the decision process.
ALTER TABLE lepton_decision ADD COLUMN requested_by VARCHAR(255);
