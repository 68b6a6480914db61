-- Kept pages are compressed with lz4 rather than pglz: storing a page of several megabytes took a large share of
-- an ingest's time under pglz, and lz4 is both faster and smaller on page text. A server built without lz4
-- keeps pglz rather than failing the migration.
do $$
begin
    alter table document alter column raw set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available on this server; kept pages stay compressed with pglz';
end $$;

-- Post arrays are now bound as array literals; the JSON conversion is no longer used.
drop function newsfeed_text_array(jsonb);
