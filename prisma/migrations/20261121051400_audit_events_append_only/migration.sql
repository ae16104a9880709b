-- Hand-written: Prisma's schema language cannot express triggers.
-- The audit log is append-only. No code path may change or remove a row, so the database
-- enforces it: UPDATE, DELETE and TRUNCATE on audit_events raise an error for every role.
-- Removing old rows (retention) needs a deliberate migration that drops these triggers.

CREATE FUNCTION "audit_events_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Audit rows are never changed or deleted; record a new event instead.';
END;
$$;

CREATE TRIGGER "audit_events_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_reject_change"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_reject_change"();
