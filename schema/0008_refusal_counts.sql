-- cryptonews schema, migration 8: links the crawler refused, counted by reason.
--
-- A link from a feed or sitemap that is not fetched on purpose is neither a
-- failure nor an article: robots.txt disallows it (refused_robots), the
-- address policy refuses where it points, or it is no http(s) link
-- (refused_address), or one of its redirects pointed to a refused scheme or
-- address (refused_redirect). Each one is also listed in runs.errors with its
-- URL, as {"source", "url", "error": "refused (<reason>): <why>"}.

ALTER TABLE runs ADD COLUMN refused_robots INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN refused_address INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN refused_redirect INTEGER NOT NULL DEFAULT 0;
