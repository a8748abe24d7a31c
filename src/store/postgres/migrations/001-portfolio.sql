-- The portfolio as a snapshot plus the changes after it, and the audit log, for several Flokk instances.
-- A change is one row of flokk_change (the journal record's ops), written in the transaction that
-- holds flokk_head's row lock, with its audit entries; flokk_head.seq is the last change's number.
CREATE TABLE IF NOT EXISTS flokk_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  snapshot_seq bigint NOT NULL,
  snapshot jsonb NOT NULL
);

CREATE TABLE IF NOT EXISTS flokk_change (
  seq bigint PRIMARY KEY,
  ops jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS flokk_audit (
  id bigserial PRIMARY KEY,
  seq bigint,
  network_id text,
  entry jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS flokk_audit_network ON flokk_audit (network_id, id DESC);
