-- Live blogs followed by URL: the service fetches each page itself and ingests it as if it had been POSTed.
-- One row per page. A replica claims a due row by setting a lease (claimed_until) under "for update skip
-- locked", so each due fetch runs on one replica; a lease that runs out (its replica died) frees the row again.
create table follow (
    id                   bigserial primary key,
    url                  text        not null unique,
    source               text,
    created_at           timestamptz not null default now(),
    next_fetch_at        timestamptz not null,
    -- The adaptive interval in force: between the configured minimum and maximum, from how often the page
    -- really changed (change_gap_seconds, smoothed) and how long it has been quiet (since last_change_at).
    interval_seconds     integer     not null,
    change_gap_seconds   integer,
    last_change_at       timestamptz,
    -- Validators of the last 200 whose page was read, sent back as If-None-Match and If-Modified-Since.
    etag                 text,
    last_modified        text,
    last_fetch_at        timestamptz,
    last_fetched_by      text,
    last_status          integer,
    last_outcome         text,
    last_duration_ms     integer,
    last_posts_created   integer,
    last_posts_updated   integer,
    last_document_id     bigint,
    last_error           text,
    consecutive_failures integer     not null default 0,
    fetch_count          bigint      not null default 0,
    claimed_until        timestamptz,
    claim_token          uuid,
    claimed_by           text
);

-- Claims walk the due rows in order; the gauges count overdue ones.
create index follow_due on follow (next_fetch_at);
