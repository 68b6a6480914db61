-- Keyset pages read one index range. Posts of unknown time sort as '-infinity', which is last in descending
-- order, so "after the cursor" is the row comparison (sort_at, id) < (cursor) with no OR around it.
alter table post add column sort_at timestamptz
    generated always as (coalesce(published_at, '-infinity'::timestamptz)) stored;

drop index post_keyset;
drop index post_source_keyset;
drop index post_liveblog_keyset;
create index post_keyset on post (sort_at desc, id desc);
create index post_source_keyset on post (source_id, sort_at desc, id desc);
create index post_liveblog_keyset on post (liveblog_id, sort_at desc, id desc);

-- A topic's page walks post_topic alone, in the post's order: it keeps its own copy of the post's sort key,
-- filled and kept up to date by the triggers below, whatever code writes the rows.
alter table post_topic add column sort_at timestamptz;
update post_topic pt set sort_at = p.sort_at from post p where p.id = pt.post_id;
alter table post_topic alter column sort_at set not null;
drop index post_topic_by_topic;
create index post_topic_keyset on post_topic (topic_slug, sort_at desc, post_id desc);

create function post_topic_take_sort_at() returns trigger language plpgsql as $$
begin
    select p.sort_at into new.sort_at from post p where p.id = new.post_id;
    return new;
end
$$;

create trigger post_topic_take_sort_at before insert or update of post_id on post_topic
    for each row execute function post_topic_take_sort_at();

create function post_give_sort_at() returns trigger language plpgsql as $$
begin
    update post_topic set sort_at = new.sort_at where post_id = new.id;
    return null;
end
$$;

create trigger post_give_sort_at after update of published_at on post
    for each row when (old.published_at is distinct from new.published_at)
    execute function post_give_sort_at();
