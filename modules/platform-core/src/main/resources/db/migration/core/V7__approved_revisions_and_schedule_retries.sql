-- A scheduled publication makes public the revision that a publisher approved by scheduling it, not
-- whatever is current when it falls due: a draft saved afterwards stays a draft until it is reviewed.
alter table content_item add column scheduled_revision integer;
-- Items scheduled before this migration: their current revision is the best record of what was approved.
update content_item set scheduled_revision = current_revision where publish_at is not null;
alter table content_item add constraint content_item_scheduled_revision
  check (publish_at is null or scheduled_revision is not null);

-- A scheduled move that failed is left alone until then, so one bad row cannot hold up the others.
alter table content_item add column schedule_retry_at timestamptz;

-- Each item of a release is published at the revision that was current when the release was scheduled.
alter table content_release_item add column revision integer;
update content_release_item ri set revision = i.current_revision from content_item i where i.id = ri.item_id;
alter table content_release_item alter column revision set not null;
