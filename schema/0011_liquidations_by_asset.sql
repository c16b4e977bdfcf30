-- cryptonews schema, migration 11: liquidations per day and asset.
--
-- daily_liquidations used to add every liquidation figure of a day into one
-- row: "XRP shorts $48M" and "$1B liquidated across the market" landed in
-- the same row, so a day with only per-asset figures showed a short total
-- beside an empty total. The rule now:
--
--   daily_liquidations_by_asset: one row per publication day (UTC) and
--   asset; asset NULL is the market-wide row and holds only figures that
--   name no asset. total_usd sums the figures that state no side (a total of
--   longs and shorts), long_usd / short_usd the figures of that side.
--
--   daily_liquidations: the market-wide rows only, with the columns it always
--   had, so queries naming them keep working and a per-asset figure never
--   counts as market-wide.

CREATE VIEW daily_liquidations_by_asset AS
  SELECT substr(published_at, 1, 10) AS day,
         asset,
         sum(CASE WHEN side IS NULL THEN usd END) AS total_usd,
         sum(CASE WHEN side = 'long' THEN usd END) AS long_usd,
         sum(CASE WHEN side = 'short' THEN usd END) AS short_usd,
         count(*) AS mentions,
         count(DISTINCT article_id) AS articles
  FROM liquidations WHERE published_at IS NOT NULL
  GROUP BY day, asset;

DROP VIEW daily_liquidations;

CREATE VIEW daily_liquidations AS
  SELECT day, total_usd, long_usd, short_usd, mentions, articles
  FROM daily_liquidations_by_asset WHERE asset IS NULL;
