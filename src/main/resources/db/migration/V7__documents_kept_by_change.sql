-- A followed page is fetched again and again, and its bytes change (an ad, "updated 3 min ago") far more often
-- than its posts. Every copy that changed a post is kept (it can be read again when the extractor improves);
-- of the copies that changed none, only a live blog's latest is kept.
alter table document add column liveblog_id bigint references liveblog (id);
alter table document add column posts_changed integer;
create index document_unchanged on document (liveblog_id) where posts_changed = 0;
