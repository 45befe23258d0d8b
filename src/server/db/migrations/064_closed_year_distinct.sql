-- The closed-year guard, once per parent row. 057's guards joined every changed row to its
-- parents and year: a save of 30 marks of one lesson walked lesson -> page -> year 30 times, and
-- twice for an UPDATE (old and new rows); an import of thousands of rows, thousands of times.
-- A guard now joins the distinct values of the row's columns its join names (r.lesson_id,
-- r.school_id, ...): one walk per parent row. The rule is the same: a statement touching a
-- closed year's rows is refused (KL001).

CREATE OR REPLACE FUNCTION protect_closed_year(tbl text, join_sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fn text := 'closed_year_guard_' || tbl;
  cols text;
BEGIN
  SELECT string_agg(DISTINCT m[1], ', ') INTO cols FROM regexp_matches(join_sql, '\mr\.([a-z_][a-z0-9_]*)', 'g') AS m;
  IF cols IS NULL THEN
    RAISE EXCEPTION 'protect_closed_year(%): the join names no column of the row (r.<column>)', tbl;
  END IF;
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $g$
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF EXISTS (SELECT 1 FROM (SELECT DISTINCT %s FROM new_rows) r %s WHERE y.status = 'closed') THEN
          PERFORM closed_year_refuse(TG_TABLE_NAME);
        END IF;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF EXISTS (SELECT 1 FROM (SELECT DISTINCT %s FROM old_rows) r %s WHERE y.status = 'closed') THEN
          PERFORM closed_year_refuse(TG_TABLE_NAME);
        END IF;
      END IF;
      RETURN NULL;
    END
    $g$ $f$, fn, cols, join_sql, cols, join_sql);
  EXECUTE format('DROP TRIGGER IF EXISTS closed_year_ins ON %I', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS closed_year_upd ON %I', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS closed_year_del ON %I', tbl);
  EXECUTE format('CREATE TRIGGER closed_year_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I()', tbl, fn);
  EXECUTE format('CREATE TRIGGER closed_year_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I()', tbl, fn);
  EXECUTE format('CREATE TRIGGER closed_year_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION %I()', tbl, fn);
END
$$;

-- Re-protect every table protected so far, with the join its guard was written with (057).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname AS tbl, substring(pg_get_functiondef(p.oid) FROM 'FROM new_rows r (.*?) WHERE y\.status') AS join_sql
    FROM pg_trigger tr
    JOIN pg_class c ON c.oid = tr.tgrelid
    JOIN pg_proc p ON p.oid = tr.tgfoid
    WHERE tr.tgname = 'closed_year_ins' AND p.proname = 'closed_year_guard_' || c.relname
  LOOP
    IF t.join_sql IS NULL THEN
      RAISE EXCEPTION 'closed-year guard of % not recognised', t.tbl;
    END IF;
    PERFORM protect_closed_year(t.tbl, t.join_sql);
  END LOOP;
END
$$;
