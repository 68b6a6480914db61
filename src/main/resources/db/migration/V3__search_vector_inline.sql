-- A search ranks every matching post by its vector. Left to the default (extended) storage, the vector is the
-- widest column of a post and is moved out of line into the TOAST table, so ranking 3,500 matches read some
-- 14,000 extra pages; kept in the row (storage main), the same ranking takes half the time. The body text,
-- which is read only for the posts of a page, goes out of line instead. Rows written before this migration
-- keep their layout until they are next updated (a re-ingest or a reprocess rewrites them).
alter table post alter column search set storage main;
