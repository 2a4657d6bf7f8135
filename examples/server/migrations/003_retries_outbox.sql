-- 003: retries with back-off for jobs, and an outbox that several servers drain exactly once.
-- A job whose dossier fails (the database went away, an engine that cannot load...) goes back to
-- 'attente' with attempts + 1 and next_run_at = now() + back-off; past the limit it is 'echec'.
-- Progress already written (job_results) is kept: the retry goes on from the first dossier without a result.
ALTER TABLE jobs ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN next_run_at timestamptz NOT NULL DEFAULT now();
-- The outbox is drained by each server's sender: rows claimed with FOR UPDATE SKIP LOCKED, delivered, then
-- marked sent (by whom, when) in the same transaction; a failed delivery is retried with back-off too.
ALTER TABLE outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE outbox ADD COLUMN sent_at timestamptz;
ALTER TABLE outbox ADD COLUMN sent_by text;
ALTER TABLE outbox ADD COLUMN error text;
CREATE INDEX outbox_waiting ON outbox (seq) WHERE sent_at IS NULL;
