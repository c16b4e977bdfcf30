-- cryptonews schema, migration 12: a full-text index that finds what a
-- reader types.
--
-- The index of migration 1 split words with unicode61 alone, so a search for
-- "liquidation" missed "liquidations" and "liquidated". The porter stemmer
-- over unicode61 indexes and searches word stems (both are "liquid"). The
-- external-content options are now written content="articles" and
-- content_rowid="id": the form tools that read the schema text look for
-- (`sqlite-utils search DB articles WORD` finds the index by it).
--
-- The new index is built from every article as it is now (FTS5 'rebuild'),
-- so nothing waits any more: the queue of changed articles is emptied and the
-- mark of migration 5 is raised to the highest id, which keeps its rule
-- (every article with id <= indexed_through is indexed unless queued). The
-- triggers of migration 5 name articles_fts and keep working unchanged.

DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content="articles", content_rowid="id", tokenize='porter unicode61 remove_diacritics 2');

INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
DELETE FROM articles_fts_pending;
UPDATE articles_fts_state SET indexed_through = (SELECT coalesce(max(id), 0) FROM articles);
