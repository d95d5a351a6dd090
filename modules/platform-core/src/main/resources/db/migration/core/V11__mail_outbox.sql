-- Mail the platform owes someone: written in the transaction of the write that sends it, so a relay that is down
-- delays a confirmation instead of losing it; delivered after commit and retried with backoff (claimed with
-- row locks, so two nodes never send one mail twice).
create table mail_outbox (
  id               bigserial    primary key,
  recipients       text         not null,
  subject          varchar(500) not null,
  body             text         not null,
  created_at       timestamptz  not null,
  attempts         int          not null default 0,
  next_attempt_at  timestamptz  not null,
  sent_at          timestamptz,
  failed_at        timestamptz,
  last_error       varchar(500)
);
create index mail_outbox_due on mail_outbox(next_attempt_at) where sent_at is null and failed_at is null;
