-- The audit trail is append-only in the database itself, not only by the application's habit:
-- an UPDATE or DELETE of an audit row fails, whoever attempts it through this schema.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_no_update before update on audit_event
  for each row execute function audit_event_is_append_only();
create trigger audit_event_no_delete before delete on audit_event
  for each row execute function audit_event_is_append_only();
