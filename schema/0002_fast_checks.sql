-- cryptonews schema, migration 2: cheaper writes, metric default in percent_moves.
--
-- 1. CHECKs that list allowed values now use OR instead of IN (...): SQLite
--    evaluates an IN list of more than two constants through a temporary
--    b-tree built afresh for every INSERT, which made each figure insert
--    several times slower. SQLite cannot alter a CHECK, so `figures` and
--    `sentiment` are rebuilt (rows, ids and indexes kept).
-- 2. Two indexes no query uses are dropped (every index costs a page write
--    per article transaction).
-- 3. percent_moves shows a missing metric as 'price', the contract's default.
--
-- The views are dropped first and recreated unchanged (but for 3), because
-- renaming a table that views refer to fails while they exist.

DROP VIEW article_list;
DROP VIEW article_sentiment;
DROP VIEW daily_liquidations;
DROP VIEW percent_moves;
DROP VIEW price_mentions;
DROP VIEW liquidations;
DROP VIEW figure_mentions;

DROP INDEX articles_source_id;
DROP INDEX articles_extractor_version;

CREATE TABLE figures_v2 (
  id          INTEGER PRIMARY KEY,
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
  UNIQUE (article_id, ordinal)
) STRICT;
INSERT INTO figures_v2 (id, article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction,
                        window, side, name, metric, start, "end", text, sentence)
  SELECT id, article_id, ordinal, kind, asset, value, value_high, unit, qualifier, direction,
         window, side, name, metric, start, "end", text, sentence FROM figures;
DROP TABLE figures;
ALTER TABLE figures_v2 RENAME TO figures;
CREATE INDEX figures_kind_asset ON figures(kind, asset);

CREATE TABLE sentiment_v2 (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  asset       TEXT,
  score       REAL NOT NULL CHECK (score BETWEEN -1 AND 1),
  label       TEXT NOT NULL CHECK (label = 'negative' OR label = 'neutral' OR label = 'positive'),
  sentences   INTEGER
) STRICT;
INSERT INTO sentiment_v2 (id, article_id, asset, score, label, sentences)
  SELECT id, article_id, asset, score, label, sentences FROM sentiment;
DROP TABLE sentiment;
ALTER TABLE sentiment_v2 RENAME TO sentiment;
CREATE UNIQUE INDEX sentiment_article_asset ON sentiment(article_id, coalesce(asset, ''));

CREATE VIEW figure_mentions AS
  SELECT f.id AS figure_id, f.article_id, a.canonical_url AS url, a.title, s.name AS source,
         a.published_at, a.fetched_at, f.kind, f.asset, f.value, f.value_high, f.unit, f.qualifier,
         f.direction, f.window, f.side, f.name, f.metric, f.start, f."end", f.text, f.sentence
  FROM figures f JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id;

CREATE VIEW liquidations AS
  SELECT figure_id, article_id, url, title, source, published_at, asset, side, value AS usd,
         qualifier, window, text
  FROM figure_mentions WHERE kind = 'liquidation' AND unit = 'USD';

CREATE VIEW price_mentions AS
  SELECT figure_id, article_id, url, title, source, published_at, kind, asset, value AS price,
         value_high AS price_high, unit, qualifier, text
  FROM figure_mentions WHERE kind IN ('price', 'price_range');

CREATE VIEW percent_moves AS
  SELECT figure_id, article_id, url, title, source, published_at, asset,
         coalesce(metric, 'price') AS metric,
         CASE direction WHEN 'down' THEN -value ELSE value END AS signed_percent,
         value AS percent, direction, window, qualifier, text
  FROM figure_mentions WHERE kind = 'percent_change';

CREATE VIEW daily_liquidations AS
  SELECT substr(published_at, 1, 10) AS day,
         sum(CASE WHEN side IS NULL THEN usd END) AS total_usd,
         sum(CASE WHEN side = 'long' THEN usd END) AS long_usd,
         sum(CASE WHEN side = 'short' THEN usd END) AS short_usd,
         count(*) AS mentions,
         count(DISTINCT article_id) AS articles
  FROM liquidations WHERE published_at IS NOT NULL
  GROUP BY day;

CREATE VIEW article_sentiment AS
  SELECT a.id AS article_id, a.canonical_url AS url, a.title, s.name AS source, a.published_at,
         se.asset, se.score, se.label, se.sentences
  FROM sentiment se JOIN articles a ON a.id = se.article_id JOIN sources s ON s.id = a.source_id;

CREATE VIEW article_list AS
  SELECT a.id AS article_id, a.canonical_url AS url, a.title, s.name AS source, a.published_at,
         a.fetched_at, a.language, length(a.text) AS text_chars,
         (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures,
         (SELECT score FROM sentiment se WHERE se.article_id = a.id AND se.asset IS NULL) AS sentiment
  FROM articles a JOIN sources s ON s.id = a.source_id;
