-- cryptonews schema, migration 5: new articles wait for the full-text index
-- below a mark instead of in a queue.
--
-- Before: an AFTER INSERT trigger put every new article's id into
-- articles_fts_pending. That trigger made each article INSERT open a
-- statement journal (a copy of every page it touched) and run a trigger
-- program, and the queue's leaf page was one more WAL frame per commit
-- (about 4 % of the cost of storing an article, docs/PERFORMANCE.md "Store,
-- third round"). Now articles.id itself says what is not indexed yet:
--
--   articles_fts_state.indexed_through = T  means every article with id <= T
--   is in articles_fts (with its current title and text) unless its id is in
--   articles_fts_pending, and no article with id > T is in articles_fts.
--
-- New articles get ids above T (SQLite gives max(id) + 1, and the delete
-- trigger keeps T <= max(id)), so inserting one writes nothing extra. The
-- writer (ArticleStore) indexes articles above T in batches and raises T in
-- the same transaction. articles_fts_pending keeps only articles changed
-- after they were indexed (FTS5 needs the old text to remove a row, which
-- only the update trigger sees).
--
-- At migration, T = the highest id: whatever migration 3's trigger queued is
-- still in articles_fts_pending and is indexed from there.

CREATE TABLE articles_fts_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),  -- exactly one row
  indexed_through INTEGER NOT NULL                     -- the mark T above
) STRICT;
INSERT INTO articles_fts_state(id, indexed_through) VALUES (1, (SELECT coalesce(max(id), 0) FROM articles));

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE old.id <= (SELECT indexed_through FROM articles_fts_state)
      AND NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
  DELETE FROM articles_fts_pending WHERE article_id = old.id;
  -- The next new id is max(id) + 1: it must land above the mark.
  UPDATE articles_fts_state SET indexed_through = (SELECT coalesce(max(id), 0) FROM articles)
    WHERE indexed_through > (SELECT coalesce(max(id), 0) FROM articles);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
  WHEN old.id <= (SELECT indexed_through FROM articles_fts_state) BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE article_id = old.id);
  INSERT OR IGNORE INTO articles_fts_pending(article_id) VALUES (new.id);
END;

-- Every article whose current title and text are not in articles_fts yet.
CREATE VIEW articles_not_indexed AS
  SELECT article_id FROM articles_fts_pending
  UNION ALL
  SELECT id AS article_id FROM articles WHERE id > (SELECT indexed_through FROM articles_fts_state);
