-- The audit log (seed 001, "Audit Logging"), correctly: the seed's log_audit() writes NEW.id,
-- NULL on a DELETE, into a NOT NULL record_id, and records no user. factory.audit_row writes
-- one cf_audit_log row per inserted, updated or deleted row of the audited tables (the seed's
-- "sensitive" ones: dossiers, scoring configs, A/B tests), in the change's transaction: the
-- table, the row's id, the operation, the whole old and new rows as jsonb, the current
-- identity (reelbase.current_user_id()), the statement's start time, and the owner of the row's
-- dossier so each owner reads its own trail. It names no column but id, owner_id and
-- dossier_id, so one function serves every audited table.
--
-- Append-only for everyone but the table's owner: reelbase_app and reelbase_admin hold only
-- SELECT (23_grants.sql) and the rows are written by the trigger as the owner; a trigger
-- refuses UPDATE, DELETE and TRUNCATE to any other role even when granted them, so the owner
-- (the extension's, who runs retention) alone may. No hash chain (publishing's task_audit has
-- one): the log is as trustworthy as the owner role.
--
-- A restore (row_security = off, see 21_integrity.sql) loads the dumped log as it is and does
-- not audit the rows it loads.

CREATE FUNCTION factory.audit_row() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
  cur jsonb;
  row_owner uuid;
BEGIN
  IF pg_catalog.current_setting('row_security') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := pg_catalog.to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := pg_catalog.to_jsonb(NEW); END IF;
  cur := coalesce(new_row, old_row);
  IF cur ? 'owner_id' THEN
    row_owner := (cur ->> 'owner_id')::uuid;
  ELSIF cur ? 'dossier_id' THEN
    -- As the owner: the dossier of a test its caller may not see. NULL when the dossier is
    -- being deleted with it (the trail is then the actor's and the administrators').
    SELECT d.owner_id INTO row_owner FROM factory.cf_product_dossiers AS d
    WHERE d.id = (cur ->> 'dossier_id')::uuid;
  END IF;
  INSERT INTO factory.cf_audit_log (table_name, record_id, action, old_data, new_data, user_id, created_at, owner_id)
  VALUES (TG_TABLE_NAME, (cur ->> 'id')::uuid, TG_OP, old_row, new_row, reelbase.current_user_id(),
          pg_catalog.statement_timestamp(), row_owner);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION factory.audit_row() IS
  'Trigger on cf_product_dossiers, cf_scoring_config and cf_ab_tests: appends the change to cf_audit_log (old and new row as jsonb, operation, current identity, statement time, the dossier''s owner).';
REVOKE ALL ON FUNCTION factory.audit_row() FROM PUBLIC;
CREATE TRIGGER audit_dossiers AFTER INSERT OR UPDATE OR DELETE ON factory.cf_product_dossiers
  FOR EACH ROW EXECUTE FUNCTION factory.audit_row();
CREATE TRIGGER audit_scoring_config AFTER INSERT OR UPDATE OR DELETE ON factory.cf_scoring_config
  FOR EACH ROW EXECUTE FUNCTION factory.audit_row();
CREATE TRIGGER audit_ab_tests AFTER INSERT OR UPDATE OR DELETE ON factory.cf_ab_tests
  FOR EACH ROW EXECUTE FUNCTION factory.audit_row();

CREATE FUNCTION factory.audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- current_user: the role running the statement (this function is not SECURITY DEFINER).
  IF pg_catalog.pg_has_role(current_user,
                            (SELECT c.relowner FROM pg_catalog.pg_class AS c WHERE c.oid = TG_RELID), 'USAGE') THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'factory.cf_audit_log is append-only (% refused to %)', TG_OP, current_user
    USING ERRCODE = 'insufficient_privilege', HINT = 'Only the owner of the table may change or remove audit rows.';
END
$$;
COMMENT ON FUNCTION factory.audit_log_append_only() IS
  'Trigger on factory.cf_audit_log: refuses UPDATE, DELETE and TRUNCATE (42501) to every role but the table''s owner (and superusers), whatever it was granted.';
REVOKE ALL ON FUNCTION factory.audit_log_append_only() FROM PUBLIC;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON factory.cf_audit_log
  FOR EACH ROW EXECUTE FUNCTION factory.audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON factory.cf_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION factory.audit_log_append_only();
