-- cryptonews schema, migration 9: WARC input, merged shards.
--
-- runs gains the commands 'warc' (bulk input from WARC files) and 'merge'
-- (shard databases joined into one), a `records` column for what a warc run
-- read (JSON object: records read, articles kept, records skipped by
-- reason), and an `origin` naming where a run row carried over by merge came
-- from (NULL for the database's own runs; unique, so merging a shard twice
-- carries its runs once). SQLite cannot change a CHECK in place: the table
-- is rebuilt with its rows and ids.
CREATE TABLE runs_new (
  id                 INTEGER PRIMARY KEY,
  command            TEXT NOT NULL CHECK (command = 'ingest' OR command = 'reprocess' OR command = 'warc' OR
                                          command = 'merge'),
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  status             TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  feeds_ok           INTEGER NOT NULL DEFAULT 0,
  feeds_failed       INTEGER NOT NULL DEFAULT 0,
  articles_new       INTEGER NOT NULL DEFAULT 0,
  articles_updated   INTEGER NOT NULL DEFAULT 0,
  articles_unchanged INTEGER NOT NULL DEFAULT 0,
  articles_failed    INTEGER NOT NULL DEFAULT 0,
  figures            INTEGER NOT NULL DEFAULT 0,
  errors             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(errors)),
  refused_robots     INTEGER NOT NULL DEFAULT 0,
  refused_address    INTEGER NOT NULL DEFAULT 0,
  refused_redirect   INTEGER NOT NULL DEFAULT 0,
  records            TEXT CHECK (records IS NULL OR json_valid(records)),
  origin             TEXT UNIQUE
) STRICT;
INSERT INTO runs_new(id, command, started_at, finished_at, status, feeds_ok, feeds_failed, articles_new,
                     articles_updated, articles_unchanged, articles_failed, figures, errors, refused_robots,
                     refused_address, refused_redirect)
  SELECT id, command, started_at, finished_at, status, feeds_ok, feeds_failed, articles_new, articles_updated,
         articles_unchanged, articles_failed, figures, errors, refused_robots, refused_address, refused_redirect
    FROM runs;
DROP TABLE runs;
ALTER TABLE runs_new RENAME TO runs;

-- How far each WARC input has been read, written in the same transaction as
-- the articles it produced, so a killed run resumes after the last record
-- whose articles were committed (and a finished input is not read again).
CREATE TABLE warc_inputs (
  input            TEXT PRIMARY KEY,      -- the file path (absolute) or URL
  first_record_id  TEXT,                  -- WARC-Record-ID of its first record: the same input on a rerun?
  last_record_id   TEXT,                  -- the last record handled (stored, skipped or failed)
  last_offset      INTEGER,               -- its file byte (gzip member, or the record itself)
  last_stream_offset INTEGER,             -- its byte in the decoded stream
  last_starts_member INTEGER NOT NULL DEFAULT 0 CHECK (last_starts_member IN (0, 1)),  -- a reader may start there
  records          INTEGER NOT NULL DEFAULT 0,   -- records handled so far
  finished_at      TEXT,                  -- read to the end (NULL while not)
  run_id           INTEGER,               -- the run that wrote this row last
  updated_at       TEXT NOT NULL
) STRICT, WITHOUT ROWID;
