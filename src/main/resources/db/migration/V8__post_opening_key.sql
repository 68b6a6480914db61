-- Matching a page's posts to the stored ones reads every stored post's opening. Read as body[1], it made
-- PostgreSQL fetch and decompress each post's whole body (three buffers a post, most of the time of reading a
-- live blog's posts); the opening's key is kept beside it instead, '' when the opening is too short to be one.
-- Posts stored before this have none, and are read the old way until they are written again.
alter table post add column opening_key text;
