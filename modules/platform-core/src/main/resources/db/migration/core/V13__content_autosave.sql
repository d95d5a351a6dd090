-- The editor's autosaves: what one person had typed in an item's form and not saved yet, one per
-- person and item (or new item of a type). Not content: no revision, no audit; gone once saved.
create table content_autosave (
  site_id        bigint       not null references site(id) on delete cascade,
  username       varchar(200) not null,
  item_key       varchar(220) not null,
  base_revision  integer,
  fields         jsonb        not null,
  saved_at       timestamptz  not null,
  primary key (site_id, username, item_key)
);
