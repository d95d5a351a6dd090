-- Plug-in modules' scheduled jobs: one row per job, claimed with a lease so that one node of a cluster
-- runs each due run (the same claim as scheduled publishing, ADR 0003).
create table module_job (
  job_id         varchar(100) primary key,
  next_run_at    timestamptz  not null,
  last_run_at    timestamptz,
  claimed_until  timestamptz,
  last_error     varchar(500)
);

-- A citizen's uploads to a module (an application's attachments): never public, never in the media library.
create table private_file (
  id          varchar(40)  primary key,
  module_id   varchar(64)  not null,
  owner       varchar(200) not null,
  file_name   varchar(255) not null,
  media_type  varchar(100) not null,
  size_bytes  bigint       not null,
  sha256      varchar(64)  not null,
  content     bytea        not null,
  created_at  timestamptz  not null
);
create index private_file_owner on private_file(module_id, owner);
