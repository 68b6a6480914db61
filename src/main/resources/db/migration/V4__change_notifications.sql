-- Every replica keeps rendered feeds and search pages until posts or topics change. A change written by one
-- replica (or by hand) is announced to all of them on channel newsfeed_changes when its transaction commits;
-- PostgreSQL folds the notifications of one transaction into one. Triggers, so no writer can forget it. The
-- payload is the writing session's application_name: a replica names its sessions, and skips its own changes,
-- which it has already acted on.
create function newsfeed_announce_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('newsfeed_changes', coalesce(current_setting('application_name', true), ''));
    return null;
end
$$;

create trigger post_announce after insert or update or delete or truncate on post
    for each statement execute function newsfeed_announce_change();
create trigger post_topic_announce after insert or update or delete or truncate on post_topic
    for each statement execute function newsfeed_announce_change();
create trigger topic_announce after insert or update or delete or truncate on topic
    for each statement execute function newsfeed_announce_change();
create trigger liveblog_announce after insert or update or delete or truncate on liveblog
    for each statement execute function newsfeed_announce_change();
create trigger source_announce after insert or update or delete or truncate on source
    for each statement execute function newsfeed_announce_change();
