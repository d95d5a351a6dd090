-- Standard Webhooks signing: every delivery has a message id (sent as webhook-id) that stays the
-- same across its retries and is never reused, not even by a database restored from a backup.
alter table webhook_delivery add column message_id uuid;
update webhook_delivery set message_id = gen_random_uuid();
alter table webhook_delivery alter column message_id set not null;
alter table webhook_delivery add constraint webhook_delivery_message_id unique (message_id);

-- The delivery log names a target's failure by category, never by the exception text that made the
-- log a port scanner: earlier rows keep only a category, and the column takes nothing else.
update webhook_delivery set last_error = case
    when last_status between 300 and 399 then 'http-3xx'
    when last_status between 400 and 499 then 'http-4xx'
    when last_status between 500 and 599 then 'http-5xx'
    else 'connection-error' end
  where last_error is not null;
alter table webhook_delivery add constraint webhook_delivery_error_category
  check (last_error ~ '^[a-z0-9-]{1,32}$');
