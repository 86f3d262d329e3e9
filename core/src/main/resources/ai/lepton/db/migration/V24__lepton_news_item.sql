-- News items read by the news-monitoring route: each decided once (item_key), with the client it is about, the
-- alerts about that client counted when it arrived, and the decision the news-monitoring process took on it.
CREATE TABLE lepton_news_item (
  id VARCHAR(40) PRIMARY KEY,
  item_key VARCHAR(700) NOT NULL,
  source VARCHAR(700) NOT NULL,
  title VARCHAR(1000),
  link VARCHAR(2000),
  published_at TIMESTAMP,
  received_at TIMESTAMP NOT NULL,
  client VARCHAR(200),
  earlier_alerts INT NOT NULL,
  window_hours INT NOT NULL,
  text_sha256 VARCHAR(64) NOT NULL,
  article TEXT NOT NULL,
  model_name VARCHAR(200) NOT NULL,
  process_instance_id VARCHAR(64),
  decision_id VARCHAR(40),
  decision VARCHAR(60),
  probability DOUBLE PRECISION,
  error_message VARCHAR(4000),
  CONSTRAINT uq_lepton_news_item_key UNIQUE (item_key)
);
CREATE INDEX ix_lepton_news_item_client ON lepton_news_item (client, received_at);
