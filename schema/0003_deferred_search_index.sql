-- cryptonews schema, migration 3: the full-text index is updated in batches;
-- the figures(kind, asset) index is dropped.
--
-- Before: triggers wrote every new article into articles_fts inside the
-- article's own transaction, so each commit flushed a new FTS5 segment (about
-- two thirds of the cost of storing an article). Now the article's
-- transaction only records its id in articles_fts_pending (a queue, written
-- in the same transaction, so a crash never loses it), and the writer
-- (ArticleStore) moves queued articles into articles_fts in one transaction
-- every few hundred articles, at the end of each run, and when it opens the
-- database (catching up whatever a killed run left queued).
--
-- Invariant: an article id is either in articles_fts_pending (its current
-- title and text are not in the index yet) or in articles_fts (indexed with
-- its current title and text), never both.
--
-- External-content FTS5 needs the OLD values to remove a row, and only the
-- triggers see them, so updating or deleting an already indexed article still
-- removes it from the index at once (rare: changed articles only).

-- figures_kind_asset cost about a fifth of the instructions of storing an
-- article with 20 figures (inserts land in the middle of the index, one leaf
-- per kind and asset, each a page more per commit). Measured on 2 million
-- figures: a narrow query (BTC liquidations) went from 0.08 s to 0.3 s
-- without it, broad ones (daily_liquidations, percent_moves) got 2.5x faster,
-- because the planner no longer walks the index into random table reads.
DROP INDEX figures_kind_asset;

CREATE TABLE articles_fts_pending (
  article_id INTEGER PRIMARY KEY              -- articles.id whose title/text are not indexed yet
) STRICT;

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts_pending(article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
  DELETE FROM articles_fts_pending WHERE article_id = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
  INSERT OR IGNORE INTO articles_fts_pending(article_id) VALUES (new.id);
END;
