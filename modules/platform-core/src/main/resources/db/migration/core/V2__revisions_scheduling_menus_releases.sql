-- Site settings that govern the workflow and what a site offers.
alter table site add column require_distinct_reviewer boolean not null default false;
alter table site add column enabled_modules varchar(64)[] not null default '{}';

-- What delivery lists and filters read, copied from the published revision at publish time so
-- that a list never joins revisions.
alter table content_item add column created_by varchar(200);
alter table content_item add column published_fields jsonb;
alter table content_item add column tags varchar(100)[] not null default '{}';
alter table content_item add column publish_at timestamptz;
alter table content_item add column unpublish_at timestamptz;
create index content_item_due_publish on content_item(publish_at) where publish_at is not null;
create index content_item_due_unpublish on content_item(unpublish_at) where unpublish_at is not null;
create index content_item_published_site on content_item(site_id, published_at desc) where published_revision is not null;
create index content_item_published_type on content_item(type_id, published_at desc) where published_revision is not null;
create index content_item_tags on content_item using gin(tags);

-- A menu is one ordered, nested document per site and key (main, footer…), replaced as a whole.
create table menu (
  id          bigserial primary key,
  site_id     bigint       not null references site(id) on delete cascade,
  menu_key    varchar(64)  not null,
  entries     jsonb        not null,
  updated_at  timestamptz  not null,
  updated_by  varchar(200) not null,
  constraint menu_key_per_site unique (site_id, menu_key)
);

-- A batch release publishes a set of items together at one time.
create table content_release (
  id          bigserial primary key,
  site_id     bigint       not null references site(id) on delete cascade,
  name        varchar(200) not null,
  release_at  timestamptz  not null,
  state       varchar(16)  not null,
  created_by  varchar(200) not null,
  created_at  timestamptz  not null,
  released_at timestamptz
);
create index content_release_due on content_release(release_at) where state = 'SCHEDULED';
create table content_release_item (
  release_id  bigint not null references content_release(id) on delete cascade,
  item_id     bigint not null references content_item(id) on delete cascade,
  primary key (release_id, item_id)
);

-- Backfill items created before this migration.
update content_item i set published_fields = r.fields
  from content_revision r where r.item_id = i.id and r.number = i.published_revision;
update content_item i set created_by = r.author
  from content_revision r where r.item_id = i.id and r.number = 1;
