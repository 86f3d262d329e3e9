-- Decisions taken in one batch (POST /api/decisions/{model}/batch, a file in inbox/decisions/{model}/) share its id.
ALTER TABLE lepton_decision ADD COLUMN batch_id VARCHAR(40);
