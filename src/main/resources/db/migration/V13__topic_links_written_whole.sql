-- Topic links are written in batches that carry their post's sort key (joined from post in the same statement),
-- so the trigger that copies it looks it up only for a writer that leaves it out: before, every link of a batch
-- ran a lookup of its post through the trigger function.
drop trigger post_topic_take_sort_at on post_topic;
create trigger post_topic_take_sort_at before insert on post_topic
    for each row when (new.sort_at is null) execute function post_topic_take_sort_at();
create trigger post_topic_retake_sort_at before update of post_id on post_topic
    for each row execute function post_topic_take_sort_at();

-- Evidence is only ever written whole and read whole as text (the API embeds it as it is): json keeps the text
-- as written, checked on input, where jsonb parsed it into its binary form on every write and printed it back
-- on every read.
alter table post_topic alter column evidence type json using evidence::json;
