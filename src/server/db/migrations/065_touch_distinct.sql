-- The touch of 062, once per parent row: its check for a lesson (or summary column) not yet
-- written by this transaction joined every changed cell to its lesson; a save of 30 marks of
-- one lesson, whose lesson row the save itself already wrote, looked that row up 30 times to
-- find nothing to do. The check now joins the distinct parents, as the UPDATE already did.

CREATE OR REPLACE FUNCTION touch_cell_lessons() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  me xid := pg_current_xact_id()::xid;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT school_id, lesson_id FROM new_rows) r JOIN lesson l ON l.school_id = r.school_id AND l.id = r.lesson_id WHERE l.xmin <> me) THEN
      UPDATE lesson l SET homework = l.homework
      WHERE (l.school_id, l.id) IN (SELECT DISTINCT r.school_id, r.lesson_id FROM new_rows r) AND l.xmin <> me;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT school_id, lesson_id FROM old_rows) r JOIN lesson l ON l.school_id = r.school_id AND l.id = r.lesson_id WHERE l.xmin <> me) THEN
      UPDATE lesson l SET homework = l.homework
      WHERE (l.school_id, l.id) IN (SELECT DISTINCT r.school_id, r.lesson_id FROM old_rows r) AND l.xmin <> me;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION touch_mark_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  me xid := pg_current_xact_id()::xid;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT school_id, column_id FROM new_rows) r JOIN summary_column sc ON sc.school_id = r.school_id AND sc.id = r.column_id WHERE sc.xmin <> me) THEN
      UPDATE summary_column sc SET title = sc.title
      WHERE (sc.school_id, sc.id) IN (SELECT DISTINCT r.school_id, r.column_id FROM new_rows r) AND sc.xmin <> me;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT school_id, column_id FROM old_rows) r JOIN summary_column sc ON sc.school_id = r.school_id AND sc.id = r.column_id WHERE sc.xmin <> me) THEN
      UPDATE summary_column sc SET title = sc.title
      WHERE (sc.school_id, sc.id) IN (SELECT DISTINCT r.school_id, r.column_id FROM old_rows r) AND sc.xmin <> me;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
