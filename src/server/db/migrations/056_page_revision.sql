-- A journal page's revision, for the server's cache of rendered grids: the page's JSON is cached
-- with a revision string computed from the system column xmin of the rows it is built from
-- (lessons, summary columns, enrollments, pupils, group members). A row's xmin changes with
-- every update, so a cell or a summary mark must change its parent row too: these statement
-- triggers touch the lesson (of a cell) or the summary column (of a summary mark) that a
-- statement wrote. The touch is a no-op update of a non-indexed column (a cheap HOT update) on
-- rows the writer's transaction usually holds already.

CREATE FUNCTION touch_cell_lessons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE lesson l SET homework = l.homework
    WHERE (l.school_id, l.id) IN (SELECT DISTINCT r.school_id, r.lesson_id FROM new_rows r);
  END IF;
  IF TG_OP = 'DELETE' THEN
    UPDATE lesson l SET homework = l.homework
    WHERE (l.school_id, l.id) IN (SELECT DISTINCT r.school_id, r.lesson_id FROM old_rows r);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER journal_cell_touch_ins AFTER INSERT ON journal_cell REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touch_cell_lessons();
CREATE TRIGGER journal_cell_touch_upd AFTER UPDATE ON journal_cell REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touch_cell_lessons();
CREATE TRIGGER journal_cell_touch_del AFTER DELETE ON journal_cell REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touch_cell_lessons();

CREATE FUNCTION touch_mark_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE summary_column sc SET title = sc.title
    WHERE (sc.school_id, sc.id) IN (SELECT DISTINCT r.school_id, r.column_id FROM new_rows r);
  END IF;
  IF TG_OP = 'DELETE' THEN
    UPDATE summary_column sc SET title = sc.title
    WHERE (sc.school_id, sc.id) IN (SELECT DISTINCT r.school_id, r.column_id FROM old_rows r);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER summary_mark_touch_ins AFTER INSERT ON summary_mark REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touch_mark_columns();
CREATE TRIGGER summary_mark_touch_upd AFTER UPDATE ON summary_mark REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touch_mark_columns();
CREATE TRIGGER summary_mark_touch_del AFTER DELETE ON summary_mark REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION touch_mark_columns();
