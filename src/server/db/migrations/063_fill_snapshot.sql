-- Fill figures kept per school and period, so the city dashboard recomputes only what changed.
--
-- fill_dirty is a log of what changed: a row per school and lesson day written by any statement
-- that inserts, updates or deletes lessons (a cell or its attendance touches its lesson, migration
-- 056, so marks are covered), a row per school with the due day of a summary column (its marks
-- touch it), and a row per school with no day (everything of the school) for the tables the
-- figures are built from that change rarely: pages, enrolments, groups, classes, subjects, years,
-- semesters. Each row carries the writing transaction's id.
--
-- fill_snapshot keeps the figures of a school for a period with the snapshot of the transaction
-- that started computing them; a log row that snapshot did not see and whose day is on or before
-- the period's end (or has no day) makes them stale. Appending is contention-free: two teachers
-- of one school saving the same day never wait on each other's row.

CREATE TABLE fill_dirty (
  school_id integer NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  -- l: a lesson (and its cells), c: a summary column (and its marks), s: the rest of the school
  source text NOT NULL CHECK (source IN ('l', 'c', 's')),
  day date
);
-- A kept figure is checked against the rows of its school in its range of days (rows of today's
-- lessons, the bulk of a school day's typing, are outside every period, which ends yesterday,
-- and are not read), and against the few rows of columns and whole schools.
CREATE INDEX fill_dirty_day ON fill_dirty (school_id, day, xid);
CREATE INDEX fill_dirty_rare ON fill_dirty (school_id, xid) WHERE source <> 'l';
CREATE INDEX fill_dirty_xid ON fill_dirty (xid);

-- owner role only (the app's role writes through the SECURITY DEFINER triggers below)
CREATE TABLE fill_snapshot (
  school_id integer NOT NULL,
  -- fill: a school's figures of a period; quality: its flags; pages: its counts by page (the
  -- head's analysis); lessons: lesson counts by page of a segment of days; due: summative counts
  -- by column of a school year
  kind text NOT NULL CHECK (kind IN ('fill', 'quality', 'pages', 'lessons', 'due')),
  period_from date NOT NULL,
  period_to date NOT NULL,
  -- the period's end clipped to yesterday: the figures hold for this end only
  effective_to date NOT NULL,
  -- what else the figures depend on: the city's settings, and today for the quality flags
  key text NOT NULL,
  snap pg_snapshot NOT NULL,
  -- the oldest transaction the snapshot may not have seen: log rows before it are all seen
  snap_xmin xid8 NOT NULL,
  -- the figures as JSON, or (lesson counts: a page id and 7 counts a page, ~400 pages a school
  -- and segment) as little-endian integers, read without parsing JSON
  data jsonb,
  bin bytea,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, kind, period_from, period_to)
);

-- Lessons: each day once per transaction (a save touches its lesson up to three times).
CREATE FUNCTION fill_dirty_lessons() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO fill_dirty (school_id, source, day)
    SELECT x.school_id, 'l', x.day FROM (SELECT DISTINCT n.school_id, n.lesson_date AS day FROM new_rows n) x
    WHERE CASE WHEN current_setting('klasnyi.fd_' || x.school_id || '_' || to_char(x.day, 'YYYYMMDD'), true) = '1' THEN false
               ELSE set_config('klasnyi.fd_' || x.school_id || '_' || to_char(x.day, 'YYYYMMDD'), '1', true) = '1' END;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO fill_dirty (school_id, source, day)
    SELECT x.school_id, 'l', x.day FROM (SELECT n.school_id, n.lesson_date AS day FROM new_rows n UNION SELECT o.school_id, o.lesson_date FROM old_rows o) x
    WHERE CASE WHEN current_setting('klasnyi.fd_' || x.school_id || '_' || to_char(x.day, 'YYYYMMDD'), true) = '1' THEN false
               ELSE set_config('klasnyi.fd_' || x.school_id || '_' || to_char(x.day, 'YYYYMMDD'), '1', true) = '1' END;
  ELSE
    INSERT INTO fill_dirty (school_id, source, day) SELECT DISTINCT o.school_id, 'l', o.lesson_date FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER lesson_fill_dirty_ins AFTER INSERT ON lesson REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_lessons();
CREATE TRIGGER lesson_fill_dirty_upd AFTER UPDATE ON lesson REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_lessons();
CREATE TRIGGER lesson_fill_dirty_del AFTER DELETE ON lesson REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_lessons();

-- Summary columns (their marks touch them): the thematic column's day; no day for the others.
CREATE FUNCTION fill_dirty_columns() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO fill_dirty (school_id, source, day) SELECT DISTINCT n.school_id, 'c', CASE WHEN n.kind = 'thematic' THEN n.after_date END FROM new_rows n;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO fill_dirty (school_id, source, day) SELECT DISTINCT o.school_id, 'c', CASE WHEN o.kind = 'thematic' THEN o.after_date END FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER summary_column_fill_dirty_ins AFTER INSERT ON summary_column REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_columns();
CREATE TRIGGER summary_column_fill_dirty_upd AFTER UPDATE ON summary_column REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_columns();
CREATE TRIGGER summary_column_fill_dirty_del AFTER DELETE ON summary_column REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_columns();

-- The rarely changed tables: the whole school.
CREATE FUNCTION fill_dirty_schools() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO fill_dirty (school_id, source) SELECT DISTINCT n.school_id, 's' FROM new_rows n;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO fill_dirty (school_id, source) SELECT DISTINCT o.school_id, 's' FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['journal_page', 'enrollment', 'group_member', 'school_class', 'subject', 'school_year', 'semester'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_schools()', t || '_fill_dirty_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_schools()', t || '_fill_dirty_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fill_dirty_schools()', t || '_fill_dirty_del', t);
  END LOOP;
END $$;

-- The quality flag "lesson outside the timetable" read every lesson of the period (120 ms for a
-- city quarter): extra lessons are rare.
CREATE INDEX lesson_extra ON lesson (school_id, lesson_date) WHERE kind = 'extra';

-- The city dashboard's own cache is checked against the same log: its fingerprint no longer reads
-- the newest journal change and lesson time (an id or a time can commit out of order).
ALTER TABLE monitoring_cache ADD COLUMN snap pg_snapshot, ADD COLUMN snap_xmin xid8;
DELETE FROM monitoring_cache;
