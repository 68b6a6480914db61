-- GET /api/posts?q=:q — the SQL PostQueries.page runs for a full-text query: rank the matches, then read the page.
with hit as (select p.id, ts_rank(p.search, websearch_to_tsquery('english', :q)) as rank from post p where true and p.search @@ websearch_to_tsquery('english', :q) order by rank desc, p.id desc limit 21)
select p.id, p.headline, p.timestamp_text, p.published_at, p.published_at_precision, p.authors,
       p.location, p.body, p.caption_texts, p.caption_credits, s.slug as source, p.liveblog_id, l.url as page_url, p.anchor,
       p.first_seen_at, p.updated_at, p.timestamp_relative, p.labels,
       p.dateline, p.headline_printed, p.complete, p.revision
, hit.rank from hit join post p on p.id = hit.id join source s on s.id = p.source_id join liveblog l on l.id = p.liveblog_id order by hit.rank desc, p.id desc;
