-- Newsfeed schema. Migrations are append-only: change the schema in a new V<n>__*.sql file.

create table source (
    id          bigserial primary key,
    slug        text        not null unique,
    name        text        not null,
    created_at  timestamptz not null default now()
);

-- The raw page, kept so it can be extracted again when the extractor improves.
create table document (
    id                bigserial primary key,
    source_id         bigint      not null references source (id),
    sha256            text        not null unique,
    url               text,
    content_type      text        not null,
    raw               bytea       not null,
    retrieved_at      timestamptz not null,
    ingested_at       timestamptz not null default now(),
    layout            text,
    extractor_version integer     not null,
    extraction_error  text
);

create table liveblog (
    id          bigserial primary key,
    source_id   bigint      not null references source (id),
    -- The page URL when known, else a key made from the source and the page title.
    page_key    text        not null unique,
    url         text,
    title       text,
    kind        text        not null,
    summary     text[]      not null default '{}',
    updated_at  timestamptz,
    created_at  timestamptz not null default now()
);

create table post (
    id                     uuid primary key,
    liveblog_id            bigint      not null references liveblog (id),
    source_id              bigint      not null references source (id),
    document_id            bigint      not null references document (id),
    headline               text        not null,
    timestamp_text         text,
    published_at           timestamptz,
    published_at_precision text        not null,
    authors                text[]      not null,
    location               text,
    body                   text[]      not null,
    body_text              text        not null,
    caption_texts          text[]      not null,
    caption_credits        text[]      not null,
    anchor                 text,
    content_hash           text        not null,
    revision               integer     not null default 1,
    first_seen_at          timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    search                 tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, headline), 'A') ||
        setweight(to_tsvector('english'::regconfig, body_text), 'B')) stored
);

-- Keyset pagination: newest first, posts of unknown time last, id breaks ties.
create index post_keyset on post (published_at desc nulls last, id desc);
create index post_source_keyset on post (source_id, published_at desc nulls last, id desc);
create index post_liveblog_keyset on post (liveblog_id, published_at desc nulls last, id desc);
create index post_search on post using gin (search);

-- Earlier versions of a post, kept whenever a re-ingested post changed.
create table post_revision (
    id           bigserial primary key,
    post_id      uuid        not null references post (id) on delete cascade,
    revision     integer     not null,
    headline     text        not null,
    body         text[]      not null,
    caption_texts   text[]   not null,
    caption_credits text[]   not null,
    authors      text[]      not null,
    content_hash text        not null,
    document_id  bigint      not null references document (id),
    recorded_at  timestamptz not null default now(),
    unique (post_id, revision)
);

-- Which posts each document carried, so a repeated ingest answers with the same post ids.
create table document_post (
    document_id bigint not null references document (id) on delete cascade,
    post_id     uuid   not null references post (id) on delete cascade,
    primary key (document_id, post_id)
);

create table topic (
    slug        text primary key,
    name        text        not null,
    description text        not null,
    builtin     boolean     not null,
    query       text,
    places      text[]      not null default '{}',
    created_at  timestamptz not null default now()
);

create table post_topic (
    post_id     uuid   not null references post (id) on delete cascade,
    topic_slug  text   not null references topic (slug) on delete cascade,
    score       real   not null,
    evidence    jsonb  not null,
    primary key (post_id, topic_slug)
);

create index post_topic_by_topic on post_topic (topic_slug, post_id);

-- Which classifier produced the stored topics, so a release with new definitions reclassifies.
create table classifier_state (
    id          integer primary key check (id = 1),
    version     text        not null,
    updated_at  timestamptz not null default now()
);
