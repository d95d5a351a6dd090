-- Sites can have URLs told (HMAC-signed) when their public content changes.
create table webhook (
  id          bigserial     primary key,
  site_id     bigint        not null references site(id) on delete cascade,
  url         varchar(2000) not null,
  secret      varchar(128)  not null,
  events      varchar(32)[] not null,
  active      boolean       not null default true,
  created_by  varchar(200)  not null,
  created_at  timestamptz   not null
);
create index webhook_site on webhook(site_id);

-- One row per notification: the outbox the dispatcher works through, and the delivery log.
create table webhook_delivery (
  id               bigserial    primary key,
  webhook_id       bigint       not null references webhook(id) on delete cascade,
  event            varchar(32)  not null,
  payload          jsonb        not null,
  state            varchar(16)  not null,
  attempts         integer      not null default 0,
  next_attempt_at  timestamptz,
  last_status      integer,
  last_error       varchar(500),
  created_at       timestamptz  not null,
  delivered_at     timestamptz,
  constraint webhook_delivery_state check (state in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index webhook_delivery_due on webhook_delivery(next_attempt_at) where state = 'PENDING';
create index webhook_delivery_log on webhook_delivery(webhook_id, created_at desc);
