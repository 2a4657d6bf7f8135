-- 001: dossiers, sequences, preferences, outbox.
-- record is json (text kept as written: the store contract reads back the same key order), data is its
-- JSONB copy for queries and indexes.
CREATE TABLE dossiers (
  id          text PRIMARY KEY,
  revision    integer NOT NULL,
  kind        text NOT NULL,
  visible_to  text[] NOT NULL,
  dispositif  text NOT NULL,
  state       text NOT NULL,
  created_at  text NOT NULL,
  updated_at  text NOT NULL,
  record      json NOT NULL,
  data        jsonb GENERATED ALWAYS AS ((record -> 'data')::jsonb) STORED
);
CREATE INDEX dossiers_kind ON dossiers (kind, created_at);
CREATE INDEX dossiers_visible_to ON dossiers USING gin (visible_to);
CREATE TABLE sequences (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
CREATE TABLE preferences (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
CREATE TABLE outbox (
  seq          bigserial PRIMARY KEY,
  created_at   text NOT NULL,
  notification jsonb NOT NULL
);
