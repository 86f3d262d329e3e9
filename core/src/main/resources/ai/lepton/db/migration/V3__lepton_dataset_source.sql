-- The SHA-256 of the bytes as the client sent them. Equal to sha256 unless Lepton stored a transformed copy
-- (personal-data columns pseudonymised at ingest), and the key that makes a repeated upload the same upload.
ALTER TABLE lepton_dataset ADD COLUMN source_sha256 CHAR(64);
ALTER TABLE lepton_dataset ADD COLUMN pseudonymised_columns TEXT;
UPDATE lepton_dataset SET source_sha256 = sha256;
CREATE INDEX lepton_dataset_engagement_source ON lepton_dataset (engagement_key, source_sha256);
