-- cryptonews schema, migration 1: the initial tables, full-text index and views.
--
-- This file is an on-disk format: once landed it is never edited. Changes go
-- into a new numbered file (0002_....sql). The binary embeds every migration
-- and applies the missing ones in order, in one transaction each, then sets
-- PRAGMA user_version to the file's number. docs/SCHEMA.md documents every
-- table, column and view.
--
-- Conventions: times are UTC ISO 8601 text ('2026-11-25T19:15:01Z'); money is
-- in the figure's `unit`; offsets are code points into articles.text.

-- A configured source (one [[source]] of sources.toml), by its name.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  first_seen_at TEXT NOT NULL
) STRICT;

-- One article, by canonical URL. Replaced in place when its content changes.
CREATE TABLE articles (
  id                INTEGER PRIMARY KEY,
  source_id         INTEGER NOT NULL REFERENCES sources(id),
  canonical_url     TEXT NOT NULL UNIQUE,
  url               TEXT NOT NULL,            -- the URL it was fetched from (after redirects)
  title             TEXT NOT NULL DEFAULT '',
  authors           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),  -- JSON array of names
  published_at      TEXT,                     -- NULL when the page does not say
  modified_at       TEXT,
  fetched_at        TEXT NOT NULL,
  language          TEXT,                     -- BCP 47 tag ('en'), NULL when unknown
  site_name         TEXT,
  text              TEXT NOT NULL,            -- the main text that figures' offsets point into
  content_hash      TEXT NOT NULL,            -- of title, authors, published_at and text
  extractor_version INTEGER NOT NULL,         -- kExtractorVersion that produced the figures
  sentiment_version INTEGER,                  -- kSentimentVersion of the sentiment rows; NULL = not scored
  first_seen_at     TEXT NOT NULL,
  updated_at        TEXT NOT NULL             -- last time content or figures were written
) STRICT;
CREATE INDEX articles_published_at ON articles(published_at);
CREATE INDEX articles_source_id ON articles(source_id);
CREATE INDEX articles_extractor_version ON articles(extractor_version);

-- One figure mention (the figure contract), in text order per article.
CREATE TABLE figures (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,               -- 0-based position among the article's figures
  kind        TEXT NOT NULL CHECK (kind IN ('price', 'price_range', 'price_change', 'percent_change',
                'liquidation', 'market_cap', 'volume', 'open_interest', 'etf_flow', 'indicator')),
  asset       TEXT,                           -- canonical ticker; NULL = market-wide
  value       REAL NOT NULL,
  value_high  REAL,
  unit        TEXT NOT NULL,                  -- 'USD', other ISO 4217 code, '%', 'index'
  qualifier   TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'over', 'under')),
  direction   TEXT CHECK (direction IN ('up', 'down')),
  window      TEXT,                           -- ISO 8601 duration ('PT24H'), NULL when unstated
  side        TEXT CHECK (side IN ('long', 'short')),
  name        TEXT,                           -- indicators: 'rsi', 'fear_greed', 'dominance'
  metric      TEXT,                           -- percent_change: what moved
  start       INTEGER NOT NULL,               -- code-point offsets into articles.text, end exclusive
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL,                  -- the evidence as it stands in the text
  sentence    INTEGER NOT NULL,               -- 0-based sentence number in the article
  UNIQUE (article_id, ordinal)
) STRICT;
CREATE INDEX figures_kind_asset ON figures(kind, asset);

-- Sentiment per article (asset NULL) and per asset mentioned.
CREATE TABLE sentiment (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  asset       TEXT,                           -- NULL = the whole article
  score       REAL NOT NULL CHECK (score BETWEEN -1 AND 1),
  label       TEXT NOT NULL CHECK (label IN ('negative', 'neutral', 'positive')),
  sentences   INTEGER                         -- sentences mentioning the asset; NULL for the article row
) STRICT;
CREATE UNIQUE INDEX sentiment_article_asset ON sentiment(article_id, coalesce(asset, ''));

-- One row per ingest (or reprocess) run. A row left 'running' by a killed
-- process is marked 'interrupted' by the next run that takes the lock.
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  command            TEXT NOT NULL CHECK (command IN ('ingest', 'reprocess')),
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  status             TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  feeds_ok           INTEGER NOT NULL DEFAULT 0,
  feeds_failed       INTEGER NOT NULL DEFAULT 0,
  articles_new       INTEGER NOT NULL DEFAULT 0,
  articles_updated   INTEGER NOT NULL DEFAULT 0,
  articles_unchanged INTEGER NOT NULL DEFAULT 0,
  articles_failed    INTEGER NOT NULL DEFAULT 0,
  figures            INTEGER NOT NULL DEFAULT 0,   -- figure rows written by this run
  errors             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(errors))
                     -- JSON array of {"source": ..., "url": ..., "error": ...}
) STRICT;

-- HTTP validators per fetched URL, for conditional GET on the next run.
CREATE TABLE fetch_state (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  last_status   INTEGER,                       -- HTTP status, or 0 when no response
  last_error    TEXT,
  updated_at    TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Full-text index over title and text (external content: no second copy).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Views for other tools: stable column names, one row per figure, joined
-- with the article's URL, title, source and published time.
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
  SELECT figure_id, article_id, url, title, source, published_at, asset, metric,
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
