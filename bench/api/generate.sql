-- Loads :posts realistic posts (default 100,000) into the service's schema, beside whatever is there.
-- Text is drawn from the seeds' own sentences (table bench_sentence, filled by run.sh); times spread over two
-- years, 1% of posts undated; every post has one or two topics, and one post in four is on the Kherson front,
-- so that topic is deep enough to page 500 times. Deterministic: the same input gives the same rows.
\set ON_ERROR_STOP on
\if :{?posts}
\else
  \set posts 100000
\endif

insert into source (slug, name) values
  ('cnn', 'CNN'), ('rferl', 'RFE/RL'), ('bbc', 'BBC'), ('guardian', 'The Guardian'), ('ap', 'AP')
  on conflict (slug) do nothing;

create temporary table bench_blog as
  select g, (array['cnn','rferl','bbc','guardian','ap'])[1 + g % 5] as slug from generate_series(1, 1000) g;

insert into document (source_id, sha256, url, content_type, raw, retrieved_at, layout, extractor_version)
  select s.id, encode(sha256(convert_to('bench document ' || b.g, 'UTF8')), 'hex'),
         'https://bench.example/live/' || b.g, 'text/plain', convert_to('bench page ' || b.g, 'UTF8'),
         now(), 'line-liveblog', 2
  from bench_blog b join source s on s.slug = b.slug;

insert into liveblog (source_id, page_key, url, title, kind)
  select d.source_id, d.url, d.url, 'Russia-Ukraine news, day ' || d.id, 'line-liveblog'
  from document d where d.url like 'https://bench.example/live/%';

create temporary table bench_n as select count(*)::int as n from bench_sentence;

-- Sentence k of post g: a fixed pseudo-random pick from the pool, hashed so that posts mix sentences freely
-- (an arithmetic pick would pair the same sentences in every post, and the corpus would have few distinct texts).
create or replace function pg_temp.sentence(g int, k int) returns text language sql immutable as $$
  select s from bench_sentence where id = 1 + abs(hashtext(g || ':' || k)) % (select n from bench_n)
$$;

insert into post (id, liveblog_id, source_id, document_id, headline, timestamp_text, published_at,
                  published_at_precision, authors, location, body, body_text, caption_texts, caption_credits,
                  anchor, content_hash)
select id, liveblog_id, source_id, document_id, headline, timestamp_text, published_at, precision, authors,
       location, body, array_to_string(body, E'\n'), caption_texts, caption_credits, anchor,
       md5(headline || array_to_string(body, E'\n'))
from (
  select md5('bench post ' || g)::uuid as id, l.id as liveblog_id, l.source_id, d.id as document_id,
         left(pg_temp.sentence(g, 0), 90) as headline,
         case when g % 100 = 0 then null
              else to_char(t.at at time zone 'America/New_York', 'FMHH12:MI a.m. "ET", FMMonth FMDD, YYYY') end
           as timestamp_text,
         case when g % 100 = 0 then null else t.at end as published_at,
         case when g % 100 = 0 then 'unknown' else 'exact' end as precision,
         array[(array['Jo Shelley','Olga Voitovych','Anna Chernova','Mick Krever','Teele Rebane'])[1 + g % 5]]
           as authors,
         (array['Kyiv','Kherson','Odesa',null,'London'])[1 + g % 5] as location,
         array[pg_temp.sentence(g, 1) || ' ' || pg_temp.sentence(g, 2),
               pg_temp.sentence(g, 3) || ' ' || pg_temp.sentence(g, 4),
               pg_temp.sentence(g, 5) || ' ' || pg_temp.sentence(g, 6),
               pg_temp.sentence(g, 7)] as body,
         case when g % 3 = 0 then array['A Ukrainian serviceman walks past a destroyed building.']
              else '{}'::text[] end as caption_texts,
         case when g % 3 = 0 then array['Kostyantin Gak/CNN'] else '{}'::text[] end as caption_credits,
         'post-' || g as anchor
  from generate_series(1, :posts) g
  cross join lateral (select now() - ((g::bigint * 631) % (730 * 24 * 60)) * interval '1 minute' as at) t
  join liveblog l on l.page_key = 'https://bench.example/live/' || (1 + g % 1000)
  join document d on d.url = l.page_key
) p;

-- One or two topics per post, and the Kherson front on one post in four.
insert into post_topic (post_id, topic_slug, score, evidence)
select p.id, t.slug, 0.2, '{"terms": ["bench"], "share": 0.2}'::jsonb
from post p
join liveblog l on l.id = p.liveblog_id and l.page_key like 'https://bench.example/%'
cross join lateral (
  select slug from topic where builtin
  order by md5(p.id::text || slug) limit 1 + (abs(hashtext(p.id::text)) % 2)
) t
on conflict do nothing;

insert into post_topic (post_id, topic_slug, score, evidence)
select p.id, 'kherson-front', 0.3, '{"terms": ["Kherson"], "share": 0.3}'::jsonb
from post p join liveblog l on l.id = p.liveblog_id and l.page_key like 'https://bench.example/%'
where abs(hashtext(p.id::text || 'k')) % 4 = 0
on conflict do nothing;

vacuum analyze;
select (select count(*) from post) as posts,
       (select count(*) from post_topic where topic_slug = 'kherson-front') as kherson_front_posts;
