-- cryptonews schema, migration 14: figure ids are never reused.
--
-- `cryptonews export --cursor` (and any tool polling with
-- "figure_id > last seen") relies on every figure stored later having a
-- larger id than every figure stored before. Without AUTOINCREMENT SQLite
-- gives a new row max(id) + 1, so when the newest article's figures were
-- replaced (an update, `reprocess`) the new figures took the old ids and a
-- poller never saw them. AUTOINCREMENT keeps the highest id ever given in
-- sqlite_sequence. SQLite cannot add it to a table, so the table is rebuilt
-- with the same columns, checks and ids; the views keep naming `figures`
-- (legacy_alter_table: the rename neither rewrites nor re-checks them, as
-- they pointed at this name all along).

CREATE TABLE figures_v14 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind = 'price' OR kind = 'price_range' OR kind = 'price_change' OR
                kind = 'percent_change' OR kind = 'liquidation' OR kind = 'market_cap' OR
                kind = 'volume' OR kind = 'open_interest' OR kind = 'etf_flow' OR kind = 'indicator'),
  asset       TEXT,
  value       REAL NOT NULL,
  value_high  REAL,
  unit        TEXT NOT NULL,
  qualifier   TEXT NOT NULL CHECK (qualifier = 'exact' OR qualifier = 'approx' OR qualifier = 'over' OR
                qualifier = 'under'),
  direction   TEXT CHECK (direction IN ('up', 'down')),
  window      TEXT,
  side        TEXT CHECK (side IN ('long', 'short')),
  name        TEXT,
  metric      TEXT,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL,
  sentence    INTEGER NOT NULL,
  role        TEXT CHECK (role = 'current' OR role = 'level' OR role = 'target' OR role = 'past'),
  UNIQUE (article_id, ordinal)
) STRICT;
INSERT INTO figures_v14 (id, article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction,
                         window, side, name, metric, start, "end", text, sentence, role)
  SELECT id, article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction,
         window, side, name, metric, start, "end", text, sentence, role FROM figures;
DROP TABLE figures;
PRAGMA legacy_alter_table = ON;
ALTER TABLE figures_v14 RENAME TO figures;
PRAGMA legacy_alter_table = OFF;
-- The next id is above every id stored so far.
INSERT INTO sqlite_sequence (name, seq) SELECT 'figures', coalesce(max(id), 0) FROM figures;
