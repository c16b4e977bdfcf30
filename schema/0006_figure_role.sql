-- cryptonews schema, migration 6: the role of a price.
--
-- figures.role says what a `price` or `price_range` figure is to the reader
-- (the figure contract): 'current' (where the price is now), 'level'
-- (support, resistance, zones, moving averages), 'target' (forecasts,
-- destinations), 'past' (earlier prices, highs, entry prices); NULL when the
-- extractor is unsure and for every other kind. Rows stored before this
-- migration keep NULL until `reprocess` re-runs the extractor (its version
-- went up with this column).
--
-- The CHECK lists values with OR, not IN (...), for the reason given in
-- 0002_fast_checks.sql. The two views that show figure columns gain `role`
-- as their last column, so queries naming columns keep working.

ALTER TABLE figures ADD COLUMN role TEXT
  CHECK (role = 'current' OR role = 'level' OR role = 'target' OR role = 'past');

DROP VIEW price_mentions;
DROP VIEW figure_mentions;

CREATE VIEW figure_mentions AS
  SELECT f.id AS figure_id, f.article_id, a.canonical_url AS url, a.title, s.name AS source,
         a.published_at, a.fetched_at, f.kind, f.asset, f.value, f.value_high, f.unit, f.qualifier,
         f.direction, f.window, f.side, f.name, f.metric, f.start, f."end", f.text, f.sentence, f.role
  FROM figures f JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id;

CREATE VIEW price_mentions AS
  SELECT figure_id, article_id, url, title, source, published_at, kind, asset, value AS price,
         value_high AS price_high, unit, qualifier, text, role
  FROM figure_mentions WHERE kind IN ('price', 'price_range');
