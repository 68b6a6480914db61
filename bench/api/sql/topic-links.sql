-- The topics of the page's posts, the statement PostQueries sends after each page (:ids are the page's post ids).
select pt.post_id, t.slug, t.name, pt.score, pt.evidence::text as evidence
from post_topic pt join topic t on t.slug = pt.topic_slug
where pt.post_id = any(:ids::uuid[]) order by pt.post_id, pt.score desc, t.slug;
