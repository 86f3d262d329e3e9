-- The audit trail: append-only, each entry hash-chained to the one before (hash = SHA-256(previous hash + entry)).
-- entry_json is the canonical JSON of the whole entry (sequence, time, actor, type, subject, payload); the other
-- columns repeat parts of it for queries. Lepton's code has no UPDATE or DELETE on this table.
CREATE TABLE lepton_audit (
  seq            BIGINT         PRIMARY KEY,
  recorded_at    TIMESTAMP      NOT NULL,
  actor          VARCHAR(255)   NOT NULL,
  entry_type     VARCHAR(100)   NOT NULL,
  subject_type   VARCHAR(40)    NOT NULL,
  subject_id     VARCHAR(255)   NOT NULL,
  entry_json     VARCHAR(1000000) NOT NULL,
  previous_hash  CHAR(64)       NOT NULL,
  hash           CHAR(64)       NOT NULL
);
CREATE INDEX lepton_audit_subject ON lepton_audit (subject_type, subject_id);

-- The head of the chain: one row, locked (SELECT ... FOR UPDATE) by each append until its transaction ends, so
-- appends from any number of threads or engine nodes form one chain.
CREATE TABLE lepton_audit_head (
  id         INT        PRIMARY KEY,
  last_seq   BIGINT     NOT NULL,
  last_hash  CHAR(64)   NOT NULL
);
INSERT INTO lepton_audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
