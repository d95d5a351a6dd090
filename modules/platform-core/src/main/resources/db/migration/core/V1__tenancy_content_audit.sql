-- Tenancy: an agency owns one or more sites; every content row carries its site.
create table agency (
  id          bigserial primary key,
  slug        varchar(64)  not null unique,
  name_zh     varchar(200) not null,
  name_en     varchar(200) not null,
  kind        varchar(32)  not null
);

create table site (
  id            bigserial primary key,
  agency_id     bigint       not null references agency(id),
  site_key      varchar(64)  not null unique,
  name_zh       varchar(200) not null,
  name_en       varchar(200) not null,
  default_lang  varchar(8)   not null default 'zh-TW',
  theme         varchar(64)  not null default 'civic',
  created_at    timestamptz  not null default now(),
  constraint site_key_format check (site_key ~ '^[a-z0-9][a-z0-9-]{0,63}$')
);

-- Production host names that route to a site (e.g. traffic.taichung.gov.tw).
create table site_domain (
  domain   varchar(253) primary key,
  site_id  bigint not null references site(id) on delete cascade
);
create index site_domain_site on site_domain(site_id);

create table content_item (
  id                  bigserial primary key,
  site_id             bigint       not null references site(id),
  type_id             varchar(100) not null,
  slug                varchar(200) not null,
  state               varchar(16)  not null,
  current_revision    integer      not null,
  published_revision  integer,
  created_at          timestamptz  not null,
  updated_at          timestamptz  not null,
  published_at        timestamptz,
  version             bigint       not null default 0,
  constraint content_item_slug_per_site unique (site_id, slug)
);
create index content_item_site_type on content_item(site_id, type_id, published_at desc);

-- Every save is an immutable revision; the item points at its current and published ones.
create table content_revision (
  id          bigserial primary key,
  item_id     bigint       not null references content_item(id) on delete cascade,
  number      integer      not null,
  fields      jsonb        not null,
  author      varchar(200) not null,
  created_at  timestamptz  not null,
  comment     varchar(500),
  constraint content_revision_number unique (item_id, number)
);

-- Append-only: the application never updates or deletes these rows.
create table audit_event (
  id              bigserial primary key,
  occurred_at     timestamptz  not null,
  actor           varchar(200) not null,
  site_key        varchar(64),
  action          varchar(64)  not null,
  entity_type     varchar(64)  not null,
  entity_id       varchar(200),
  client_address  varchar(64),
  before_state    jsonb,
  after_state     jsonb
);
create index audit_event_site_time on audit_event(site_key, occurred_at desc);
