-- End of the year: closing and reopening (recorded), the database refusing every write to a
-- closed year's data, promotion to the next year, and the archive (files, retention, signatures).

-- ---------- a closed year is read-only, for every role ----------

-- Raised when a statement touches a closed year's rows; the API maps it to year_closed (409).
-- SQLSTATE KL001 is ours (class KL is not used by PostgreSQL).
CREATE FUNCTION closed_year_refuse(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'year_closed: % belongs to a closed school year', tbl USING ERRCODE = 'KL001';
END
$$;

-- One check per statement (not per row): the rows a statement inserts, changes or deletes,
-- seen through the transition tables, joined (TG_ARGV[0]) to the school year they belong to.
-- SECURITY DEFINER so row-level security cannot hide the year from the check.
CREATE FUNCTION closed_year_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  hit boolean := false;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM new_rows r %s WHERE y.status = ''closed'')', TG_ARGV[0]) INTO hit;
  END IF;
  IF NOT hit AND TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM old_rows r %s WHERE y.status = ''closed'')', TG_ARGV[0]) INTO hit;
  END IF;
  IF hit THEN
    PERFORM closed_year_refuse(TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;

/**
 * Protects a table of one year's data: join_sql joins the rows `r` to `school_year y`.
 * Other features call it for their own year-bound tables.
 */
CREATE FUNCTION protect_closed_year(tbl text, join_sql text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER closed_year_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION closed_year_guard(%L)', tbl, join_sql);
  EXECUTE format('CREATE TRIGGER closed_year_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION closed_year_guard(%L)', tbl, join_sql);
  EXECUTE format('CREATE TRIGGER closed_year_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION closed_year_guard(%L)', tbl, join_sql);
END
$$;

DO $$
DECLARE
  by_year constant text := 'JOIN school_year y ON y.school_id = r.school_id AND y.id = r.year_id';
  by_class constant text := 'JOIN school_class k ON k.school_id = r.school_id AND k.id = r.class_id
                             JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id';
  by_group constant text := 'JOIN class_group g ON g.school_id = r.school_id AND g.id = r.group_id
                             JOIN school_class k ON k.school_id = g.school_id AND k.id = g.class_id
                             JOIN school_year y ON y.school_id = k.school_id AND y.id = k.year_id';
  by_page constant text := 'JOIN journal_page p ON p.school_id = r.school_id AND p.id = r.page_id
                            JOIN school_year y ON y.school_id = p.school_id AND y.id = p.year_id';
  by_lesson constant text := 'JOIN lesson l ON l.school_id = r.school_id AND l.id = r.lesson_id
                              JOIN journal_page p ON p.school_id = l.school_id AND p.id = l.page_id
                              JOIN school_year y ON y.school_id = p.school_id AND y.id = p.year_id';
  by_column constant text := 'JOIN summary_column c ON c.school_id = r.school_id AND c.id = r.column_id
                              JOIN journal_page p ON p.school_id = c.school_id AND p.id = c.page_id
                              JOIN school_year y ON y.school_id = p.school_id AND y.id = p.year_id';
  by_day constant text := 'JOIN school_year y ON y.school_id = r.school_id AND r.day BETWEEN y.starts_on AND y.ends_on';
BEGIN
  PERFORM protect_closed_year('semester', by_year);
  PERFORM protect_closed_year('calendar_period', by_year);
  PERFORM protect_closed_year('school_class', by_year);
  PERFORM protect_closed_year('journal_page', by_year);
  PERFORM protect_closed_year('enrollment', by_class);
  PERFORM protect_closed_year('class_group', by_class);
  PERFORM protect_closed_year('group_member', by_group);
  PERFORM protect_closed_year('timetable_entry', by_page);
  PERFORM protect_closed_year('lesson', by_page);
  PERFORM protect_closed_year('summary_column', by_page);
  PERFORM protect_closed_year('journal_change', by_page);
  PERFORM protect_closed_year('journal_cell', by_lesson);
  PERFORM protect_closed_year('summary_mark', by_column);
  PERFORM protect_closed_year('absence_reason', by_day);
  -- year-bound tables of other features, when their migrations have made them
  IF to_regclass('curriculum') IS NOT NULL THEN
    PERFORM protect_closed_year('curriculum', by_year);
  END IF;
  IF to_regclass('control_remark') IS NOT NULL THEN
    PERFORM protect_closed_year('control_remark', by_page);
  END IF;
  IF to_regclass('control_remark_event') IS NOT NULL THEN
    PERFORM protect_closed_year('control_remark_event',
      'JOIN control_remark m ON m.school_id = r.school_id AND m.id = r.remark_id
       JOIN journal_page p ON p.school_id = m.school_id AND p.id = m.page_id
       JOIN school_year y ON y.school_id = p.school_id AND y.id = p.year_id');
  END IF;
END
$$;

-- The year row itself: a closed year may only be reopened (status back to open), nothing else.
CREATE FUNCTION closed_year_row_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' AND (
       TG_OP = 'DELETE' OR NEW.status = 'closed'
       OR (NEW.school_id, NEW.id, NEW.name, NEW.starts_on, NEW.ends_on) IS DISTINCT FROM (OLD.school_id, OLD.id, OLD.name, OLD.starts_on, OLD.ends_on)) THEN
    PERFORM closed_year_refuse('school_year');
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER closed_year_row BEFORE UPDATE OR DELETE ON school_year FOR EACH ROW EXECUTE FUNCTION closed_year_row_guard();

-- Every close and reopen, with who, when, why, and the gaps open at closing.
CREATE TABLE school_year_event (
  school_id integer NOT NULL,
  id integer GENERATED BY DEFAULT AS IDENTITY,
  year_id integer NOT NULL,
  action text NOT NULL CHECK (action IN ('close', 'reopen')),
  reason text NOT NULL DEFAULT '',
  gaps jsonb NOT NULL DEFAULT '{}',
  user_id integer NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, year_id) REFERENCES school_year(school_id, id)
);
CREATE INDEX school_year_event_year ON school_year_event (school_id, year_id, at);

-- ---------- promotion ----------

-- What happened to each pupil of a year at promotion: moved up, repeats, left, graduated.
CREATE TABLE promotion (
  school_id integer NOT NULL,
  from_year_id integer NOT NULL,
  pupil_id integer NOT NULL,
  to_year_id integer NOT NULL,
  from_class_id integer NOT NULL,
  to_class_id integer,
  outcome text NOT NULL CHECK (outcome IN ('promote', 'repeat', 'leave', 'graduate')),
  order_ref text NOT NULL DEFAULT '',
  applied_by integer NOT NULL REFERENCES app_user(id),
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, from_year_id, pupil_id),
  FOREIGN KEY (school_id, from_year_id) REFERENCES school_year(school_id, id),
  FOREIGN KEY (school_id, to_year_id) REFERENCES school_year(school_id, id),
  FOREIGN KEY (school_id, pupil_id) REFERENCES pupil(school_id, id),
  FOREIGN KEY (school_id, from_class_id) REFERENCES school_class(school_id, id),
  FOREIGN KEY (school_id, to_class_id) REFERENCES school_class(school_id, id),
  CHECK ((outcome IN ('promote', 'repeat')) = (to_class_id IS NOT NULL))
);

-- ---------- the archive ----------

-- One archive of a school's closed year (a later one after a reopen gets the next version).
CREATE TABLE archive (
  school_id integer NOT NULL,
  id integer GENERATED BY DEFAULT AS IDENTITY,
  year_id integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'building' CHECK (status IN ('building', 'built', 'failed')),
  dir text NOT NULL,
  job_id bigint,
  manifest_sha256 text,
  files integer NOT NULL DEFAULT 0,
  bytes bigint NOT NULL DEFAULT 0,
  pdf_pages integer NOT NULL DEFAULT 0,
  created_by integer NOT NULL REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  built_at timestamptz,
  error text,
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, year_id, version),
  FOREIGN KEY (school_id, year_id) REFERENCES school_year(school_id, id)
);

-- Every file written into an archive: the build resumes by skipping these; retention per file.
CREATE TABLE archive_file (
  school_id integer NOT NULL,
  archive_id integer NOT NULL,
  path text NOT NULL,
  kind text NOT NULL,
  class_id integer,
  sha256 text NOT NULL,
  bytes bigint NOT NULL,
  pdf_pages integer NOT NULL DEFAULT 0,
  retention_years integer NOT NULL,
  retain_until date NOT NULL,
  chain_head text,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, archive_id, path),
  FOREIGN KEY (school_id, archive_id) REFERENCES archive(school_id, id)
);

-- Signatures of an archive's manifest, made in Klasnyi or uploaded (.p7s), checked on arrival.
CREATE TABLE archive_signature (
  school_id integer NOT NULL,
  id integer GENERATED BY DEFAULT AS IDENTITY,
  archive_id integer NOT NULL,
  method text NOT NULL CHECK (method IN ('pkcs12', 'upload')),
  file text NOT NULL,
  sha256 text NOT NULL,
  signer text NOT NULL,
  issuer text NOT NULL,
  serial text NOT NULL,
  signing_time timestamptz,
  algorithm text NOT NULL,
  cert_not_after timestamptz,
  user_id integer NOT NULL REFERENCES app_user(id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, id),
  FOREIGN KEY (school_id, archive_id) REFERENCES archive(school_id, id)
);
CREATE INDEX archive_signature_archive ON archive_signature (school_id, archive_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['school_year_event', 'promotion', 'archive', 'archive_file', 'archive_signature'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY school_isolation ON %I USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO klasnyi_app', t);
  END LOOP;
END
$$;
