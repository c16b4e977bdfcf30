-- cryptonews schema, migration 10: per-article bounds.
--
-- The stored text of an article is capped (1 MiB by default, ingest's
-- kMaxArticleTextBytes): a longer main text is cut at a paragraph or sentence
-- end before the cap, and the article is flagged here. Figure offsets point
-- into the stored (cut) text, as always.

ALTER TABLE articles ADD COLUMN text_truncated INTEGER NOT NULL DEFAULT 0 CHECK (text_truncated IN (0, 1));
