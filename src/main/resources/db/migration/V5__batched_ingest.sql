-- A document's posts are written in a few statements, as arrays unnested by PostgreSQL. A post's text arrays
-- (body, authors, captions) cannot be an element of an array parameter (PostgreSQL arrays are not ragged), so
-- each travels as a JSON array and is turned back into text[] here, in its order.
create function newsfeed_text_array(jsonb) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(e order by i), '{}') from jsonb_array_elements_text($1) with ordinality as t(e, i)
$$;
