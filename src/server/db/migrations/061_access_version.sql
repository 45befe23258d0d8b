-- What a session's person may do (roles, classes led, children, own pupil record, city roles) is
-- built from these tables. The server keeps it in memory per person and checks, with the session
-- on every request, the sum of the versions below: any statement writing one of the tables bumps
-- its row, so a change (a role taken away, a consent withdrawn, a class handed over) is seen at
-- the next request, on every server. Same pattern as 060's monitoring_version, kept apart so the
-- city dashboard's cache is not cleared by every change of a pupil's record.

CREATE TABLE access_version (
  table_name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
GRANT SELECT ON access_version TO klasnyi_app;

-- SECURITY DEFINER: the app's role writes the tables but not this one.
CREATE FUNCTION access_version_bump() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO access_version AS v (table_name, version) VALUES (TG_TABLE_NAME, 1)
  ON CONFLICT (table_name) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['staff', 'staff_role', 'staff_year_role', 'school_class', 'school_year', 'enrollment',
                           'guardian', 'pupil_guardian', 'pupil', 'consent_record', 'city_role', 'city', 'school'] LOOP
    -- base tables only (staff_role is a view of staff_year_role since 055)
    IF EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = t AND c.relkind IN ('r', 'p') AND c.relnamespace = to_regnamespace(current_schema())) THEN
      EXECUTE format('CREATE TRIGGER access_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION access_version_bump()', t);
    END IF;
  END LOOP;
END $$;
