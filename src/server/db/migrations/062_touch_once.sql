-- The touch of migration 056, once per row and transaction. A save of a lesson's marks wrote its
-- lesson row three times: the save marks the lesson as having entries, and an upsert of cells
-- fires both the INSERT and the UPDATE statement trigger, each touching the lesson again (and
-- firing the lesson's own statement triggers, such as the closed-year guard, every time).
--
-- A touch exists to give the parent row a new xmin. A row whose xmin is already the current
-- (top-level) transaction's id keeps that same xmin when the transaction writes it again, so
-- touching it changes nothing the page revision reads: it is skipped. A row last written by a
-- subtransaction has that subtransaction's id and is still touched (only a spare write). And
-- when no row needs the touch (a transition table with no rows, or rows all written already),
-- the UPDATE is not run at all, so the parent table's statement triggers do not fire for nothing.
--
-- A frozen row keeps its raw xmin, so after 2^32 transactions one could equal the current id and
-- be skipped: the same wraparound the revision strings themselves rely on not meeting (a cached
-- grid would have to outlive four billion transactions).

CREATE OR REPLACE FUNCTION touch_cell_lessons() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  me xid := pg_current_xact_id()::xid;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows r JOIN lesson l ON l.school_id = r.school_id AND l.id = r.lesson_id WHERE l.xmin <> me) THEN
      UPDATE lesson l SET homework = l.homework
      WHERE (l.school_id, l.id) IN (SELECT DISTINCT r.school_id, r.lesson_id FROM new_rows r) AND l.xmin <> me;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM old_rows r JOIN lesson l ON l.school_id = r.school_id AND l.id = r.lesson_id WHERE l.xmin <> me) THEN
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
    IF EXISTS (SELECT 1 FROM new_rows r JOIN summary_column sc ON sc.school_id = r.school_id AND sc.id = r.column_id WHERE sc.xmin <> me) THEN
      UPDATE summary_column sc SET title = sc.title
      WHERE (sc.school_id, sc.id) IN (SELECT DISTINCT r.school_id, r.column_id FROM new_rows r) AND sc.xmin <> me;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM old_rows r JOIN summary_column sc ON sc.school_id = r.school_id AND sc.id = r.column_id WHERE sc.xmin <> me) THEN
      UPDATE summary_column sc SET title = sc.title
      WHERE (sc.school_id, sc.id) IN (SELECT DISTINCT r.school_id, r.column_id FROM old_rows r) AND sc.xmin <> me;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
