-- Background jobs and the e-mail outbox: rows in the database, so they survive restarts and any
-- app process may run them (FOR UPDATE SKIP LOCKED).

CREATE TABLE job (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  school_id integer REFERENCES school(id),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  locked_until timestamptz,
  progress jsonb,
  result jsonb,
  last_error text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_due ON job (run_at) WHERE status IN ('queued', 'running');
CREATE INDEX job_school_kind ON job (school_id, kind, created_at DESC);

CREATE TABLE outbox_email (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id integer REFERENCES school(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  attachments jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  send_after timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_email_due ON outbox_email (send_after) WHERE status = 'queued';
