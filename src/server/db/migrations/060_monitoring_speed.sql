-- The city dashboard's cache fingerprint (modules/monitoring/repo.ts) counted and summed the
-- whole roster tables of the city on every call: enrollments, pupils' guardians, staff roles
-- (36,000 + 51,000 + 30,000 rows on the 40-school city, ~60 ms of the ~70 ms fingerprint), and
-- missed a teacher made inactive (staff.active, which the readiness shares count).
-- These tables change rarely (imports, transfers, new staff), so a statement-level trigger bumps
-- a version per table instead, and the fingerprint reads a few rows. A change in any city
-- invalidates every city's cached dashboard: more recomputation, never a stale answer.

CREATE TABLE monitoring_version (
  table_name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
GRANT SELECT ON monitoring_version TO klasnyi_app;

-- SECURITY DEFINER: the app's role writes the rosters but not this table. A row per table name
-- (a renamed table starts its own row: the fingerprint changes once, which is safe).
CREATE FUNCTION monitoring_version_bump() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO monitoring_version AS v (table_name, version) VALUES (TG_TABLE_NAME, 1)
  ON CONFLICT (table_name) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

-- the staff roles' base table: staff_role, or staff_year_role where staff_role became a view of it
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['enrollment', 'pupil_guardian', 'staff', 'staff_role', 'staff_year_role'] LOOP
    IF EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = t AND c.relkind IN ('r', 'p') AND c.relnamespace = to_regnamespace(current_schema())) THEN
      EXECUTE format('CREATE TRIGGER monitoring_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION monitoring_version_bump()', t);
    END IF;
  END LOOP;
END $$;
