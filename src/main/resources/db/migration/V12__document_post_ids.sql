-- The posts a document carried, in page order, as one array on the document rather than a row each: a re-read
-- page of thousands of posts wrote thousands of link rows (and their index entries) for an answer that is only
-- ever read whole, when the same bytes are sent again. Posts are never deleted, so no link can dangle.
alter table document add column post_ids uuid[] not null default '{}';

update document d set post_ids = l.ids
from (select document_id, array_agg(post_id order by post_id) as ids from document_post group by document_id) l
where l.document_id = d.id;

drop table document_post;
