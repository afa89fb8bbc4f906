-- Audit store (DESIGN §5): one hash chain per writer (the gateway, each subgraph).
--
-- Append-only at the database level: the triggers below refuse UPDATE and DELETE (and TRUNCATE)
-- of entries, their subject index and the anchors. The one exception is pruning: lib/audit/prune.ts
-- sets `audit.pruning = on` for its own transaction (set_config(..., true)) and deletes the expired
-- prefix of a chain. A database superuser can still disable triggers or rewrite rows; that is what
-- `npm run audit:verify` detects (hash chain, heads, anchors, kept digests).
-- The setting is a guard against application bugs and slips, not a security boundary (any session
-- may set it). In production also grant the application role only what it needs: SELECT and
-- INSERT on audit.entries, audit.entry_subjects, audit.anchors, and SELECT, INSERT, UPDATE on
-- audit.heads; give DELETE to the role that runs the retention job only.

-- One row per audit record. `hash = sha256(canonical(entry without hash) || prev_hash)`
-- (lib/audit/chain-hash.ts); `recorded_at` is hashed with microseconds, UTC.
CREATE TABLE audit.entries (
  writer text NOT NULL,
  seq bigint NOT NULL CHECK (seq >= 1),
  prev_hash text NOT NULL,
  hash text NOT NULL,
  recorded_at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('operation', 'resolver')),
  request_id text,
  payload jsonb NOT NULL,
  PRIMARY KEY (writer, seq)
);

-- Time range search and export read in (recorded_at, writer, seq) order (keyset pagination).
CREATE INDEX entries_recorded_at_idx ON audit.entries (recorded_at, writer, seq);
-- The gateway record and the subgraphs' resolver logs of one operation share its request id.
CREATE INDEX entries_request_id_idx ON audit.entries (request_id);

-- Search index of the subjects in each entry's payload (the payload is what the chain covers;
-- verify checks this index against it). Subjects are stored as HMAC + masked id, never in clear.
CREATE TABLE audit.entry_subjects (
  writer text NOT NULL,
  seq bigint NOT NULL,
  subject_hmac text NOT NULL,
  subject_masked text NOT NULL,
  PRIMARY KEY (writer, seq, subject_hmac)
);
CREATE INDEX entry_subjects_hmac_idx ON audit.entry_subjects (subject_hmac, writer, seq);

-- The last committed entry of each chain, updated in the same statement as every batch, so that
-- deleting the newest entries (truncation) is detected. A superuser can rewrite it too: verify
-- prints the head digests for the audit team to keep off this system (--known-digests).
CREATE TABLE audit.heads (
  writer text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Retention: each prune stores the last deleted entry (seq, hash) of a chain; verify starts the
-- remaining chain from the newest anchor.
CREATE TABLE audit.anchors (
  writer text NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  pruned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (writer, seq)
);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('entries', 'entry_subjects')
     AND current_setting('audit.pruning', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit.% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON audit.entries
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON audit.entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entry_subjects_append_only BEFORE UPDATE OR DELETE ON audit.entry_subjects
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entry_subjects_no_truncate BEFORE TRUNCATE ON audit.entry_subjects
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER anchors_append_only BEFORE UPDATE OR DELETE ON audit.anchors
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER anchors_no_truncate BEFORE TRUNCATE ON audit.anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
-- Heads only move forward (each batch) and are never removed.
CREATE FUNCTION audit.heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.writer = OLD.writer AND NEW.seq > OLD.seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit.heads only moves forward: update of % from seq % to % refused',
    OLD.writer, OLD.seq, NEW.seq
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER heads_forward_only BEFORE UPDATE ON audit.heads
  FOR EACH ROW EXECUTE FUNCTION audit.heads_forward_only();
CREATE TRIGGER heads_no_delete BEFORE DELETE ON audit.heads
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER heads_no_truncate BEFORE TRUNCATE ON audit.heads
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
