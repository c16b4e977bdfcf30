-- cryptonews schema, migration 7: the evidence behind each sentiment row.
--
-- sentiment.evidence holds, for the article row (asset NULL) and for each
-- asset row, the few pieces of evidence that weighed most, strongest first,
-- as a JSON array of objects:
--   kind      'sentence' or 'figure'
--   place     'headline', 'lead' or 'body'
--   in_title  1 when start/end point into articles.title, 0 for articles.text
--   start, end  code-point offsets, end exclusive
--   score     the evidence's own polarity (-1 .. 1)
--   weight    how much it counted in the pooled score
--   text      the evidence as it stands
-- Rows written before this migration keep NULL until `reprocess` scores the
-- article again (the sentiment version went up with this column).
-- The view sentiment_evidence gives one row per piece, for plain sqlite3.

ALTER TABLE sentiment ADD COLUMN evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence));

CREATE VIEW sentiment_evidence AS
  SELECT se.article_id, se.asset, se.label, CAST(e.key AS INTEGER) AS rank,
         json_extract(e.value, '$.kind') AS kind, json_extract(e.value, '$.place') AS place,
         json_extract(e.value, '$.in_title') AS in_title,
         json_extract(e.value, '$.start') AS start, json_extract(e.value, '$.end') AS "end",
         json_extract(e.value, '$.score') AS score, json_extract(e.value, '$.weight') AS weight,
         json_extract(e.value, '$.text') AS text
  FROM sentiment se, json_each(se.evidence) e
  WHERE se.evidence IS NOT NULL;
