-- cryptonews schema, migration 4: failed pages are retried on later runs.
--
-- fetch_state.failures counts the consecutive runs in which fetching the URL
-- failed (network error or HTTP error status); a successful fetch sets it
-- back to 0. While a page listed by a feed or sitemap has failed on at most 3
-- consecutive runs, ingest forgets that listing's validators at the end of
-- the run, so the next run reads the listing in full (no 304) and tries the
-- page again. After that the listing's 304 is honoured again: the page is
-- only retried when the listing changes.

ALTER TABLE fetch_state ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
