-- What the extractor says beside the posts: how far a page's cut into posts can be trusted, and why not.
alter table document add column warnings text[] not null default '{}';
alter table document add column confidence text;

-- More of each post's header: the relative stamp printed beside its clock, labels taken off its headline
-- ("Breaking", "Analysis"), the wire dateline that opens it, whether the page printed a headline at all, and
-- whether the page ended inside it (its text is cut short).
alter table post add column timestamp_relative text;
alter table post add column labels text[] not null default '{}';
alter table post add column dateline text;
alter table post add column headline_printed boolean not null default true;
alter table post add column complete boolean not null default true;
