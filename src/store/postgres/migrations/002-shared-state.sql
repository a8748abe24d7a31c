-- What several Flokk instances on one database must agree on besides the portfolio: the files behind
-- download links (any instance serves a link another handed out) and the invokes already answered
-- (a re-delivery that reaches another instance gets the first answer). Both expire; every instance
-- deletes what has expired.
CREATE TABLE IF NOT EXISTS flokk_export (
  id bigserial PRIMARY KEY,
  token text NOT NULL UNIQUE,
  owner text NOT NULL,
  name text NOT NULL,
  content_type text NOT NULL,
  body text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS flokk_export_owner ON flokk_export (owner, id DESC);
CREATE INDEX IF NOT EXISTS flokk_export_expires ON flokk_export (expires_at);

-- One row per invoke delivery key (sender, activity id, verb): inserted by the delivery that runs the
-- turn, which writes its outcome when done; a later delivery reads it.
CREATE TABLE IF NOT EXISTS flokk_invoke (
  key text PRIMARY KEY,
  outcome jsonb,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS flokk_invoke_expires ON flokk_invoke (expires_at);
