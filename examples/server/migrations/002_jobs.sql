-- 002: background jobs (CERFA of a list, re-validation after a dispositif change), their results, and the
-- definitions last seen.
-- A job lists its dossiers when it is queued; a worker claims it with FOR UPDATE SKIP LOCKED, writes one
-- result per dossier with the progress in the same transaction, and beats a heartbeat: a job whose
-- server stopped is taken again by the next one, from the first dossier without a result.
CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  type         text NOT NULL,
  requested_by text NOT NULL,
  params       jsonb NOT NULL,
  items        text[] NOT NULL,
  state        text NOT NULL DEFAULT 'attente',
  done         integer NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  heartbeat    timestamptz,
  finished_at  timestamptz,
  error        text
);
CREATE INDEX jobs_waiting ON jobs (id) WHERE state IN ('attente', 'en-cours');
CREATE TABLE job_results (
  job_id     bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  dossier_id text NOT NULL,
  result     jsonb NOT NULL,
  pdf        bytea,
  PRIMARY KEY (job_id, dossier_id)
);
-- The definition each dispositif had at the last start-up: a new hash queues a re-validation of its dossiers.
CREATE TABLE dispositif_versions (
  id      text PRIMARY KEY,
  version text NOT NULL,
  hash    text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);
