-- GET /api/posts?topic=:topic&cursor=... on page 500 — the SQL PostQueries.page runs with a time cursor.
select p.id, p.headline, p.timestamp_text, p.published_at, p.published_at_precision, p.authors,
       p.location, p.body, p.caption_texts, p.caption_credits, s.slug as source, p.liveblog_id, l.url as page_url, p.anchor,
       p.first_seen_at, p.updated_at, p.timestamp_relative, p.labels,
       p.dateline, p.headline_printed, p.complete, p.revision
 from post_topic pt join post p on p.id = pt.post_id join source s on s.id = p.source_id join liveblog l on l.id = p.liveblog_id
 where true and pt.topic_slug = :topic
 and (pt.sort_at, pt.post_id) < (coalesce(:at::timestamptz, '-infinity'::timestamptz), :id)
 order by pt.sort_at desc, pt.post_id desc limit 21;
