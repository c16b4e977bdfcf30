-- cryptonews schema, migration 13: an unknown title is NULL in the views.
--
-- articles.title stores '' for a page without a title (the column is
-- NOT NULL since migration 1), but the views are what other tools read, and
-- there "unknown" is NULL, never the empty string (docs/SCHEMA.md). The
-- three views that read articles.title directly show it through
-- nullif(title, ''); the views built on figure_mentions (liquidations,
-- price_mentions, percent_moves) follow. Columns and their order are
-- unchanged.

DROP VIEW figure_mentions;
DROP VIEW article_sentiment;
DROP VIEW article_list;

CREATE VIEW figure_mentions AS
  SELECT f.id AS figure_id, f.article_id, a.canonical_url AS url, nullif(a.title, '') AS title, s.name AS source,
         a.published_at, a.fetched_at, f.kind, f.asset, f.value, f.value_high, f.unit, f.qualifier,
         f.direction, f.window, f.side, f.name, f.metric, f.start, f."end", f.text, f.sentence, f.role
  FROM figures f JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id;

CREATE VIEW article_sentiment AS
  SELECT a.id AS article_id, a.canonical_url AS url, nullif(a.title, '') AS title, s.name AS source, a.published_at,
         se.asset, se.score, se.label, se.sentences
  FROM sentiment se JOIN articles a ON a.id = se.article_id JOIN sources s ON s.id = a.source_id;

CREATE VIEW article_list AS
  SELECT a.id AS article_id, a.canonical_url AS url, nullif(a.title, '') AS title, s.name AS source, a.published_at,
         a.fetched_at, a.language, length(a.text) AS text_chars,
         (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures,
         (SELECT score FROM sentiment se WHERE se.article_id = a.id AND se.asset IS NULL) AS sentiment
  FROM articles a JOIN sources s ON s.id = a.source_id;
