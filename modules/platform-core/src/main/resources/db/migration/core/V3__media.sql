-- Uploaded images and documents of a site. The type is what the bytes are, not what the name says.
create table media (
  id            varchar(40)  primary key,
  site_id       bigint       not null references site(id) on delete cascade,
  kind          varchar(16)  not null,
  media_type    varchar(100) not null,
  file_name     varchar(255) not null,
  size_bytes    bigint       not null,
  sha256        varchar(64)  not null,
  alt_zh        varchar(500),
  alt_en        varchar(500),
  title         varchar(300),
  width         integer,
  height        integer,
  renditions    jsonb        not null default '{}',
  created_by    varchar(200) not null,
  created_at    timestamptz  not null,
  constraint media_kind check (kind in ('image', 'document'))
);
create index media_site_time on media(site_id, created_at desc);
