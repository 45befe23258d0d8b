-- Curriculum (subjects per grade with weekly hours), the teacher load limit, timetable
-- indexes for clash checks, and the flag on lessons that no longer fit the timetable or calendar.

-- The school's plan: how many hours a week a grade has of a subject in a school year.
CREATE TABLE curriculum (
  school_id integer NOT NULL,
  year_id integer NOT NULL,
  grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 11),
  subject_id integer NOT NULL,
  hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 40),
  PRIMARY KEY (school_id, year_id, grade, subject_id),
  FOREIGN KEY (school_id, year_id) REFERENCES school_year(school_id, id),
  FOREIGN KEY (school_id, subject_id) REFERENCES subject(school_id, id)
);
CREATE INDEX curriculum_subject ON curriculum (school_id, subject_id);

-- Per-school settings of teaching load: above the limit a teacher's load is flagged.
CREATE TABLE teaching_load_setting (
  school_id integer NOT NULL REFERENCES school(id),
  max_teacher_hours numeric(4, 1) NOT NULL DEFAULT 27 CHECK (max_teacher_hours > 0 AND max_teacher_hours <= 60),
  PRIMARY KEY (school_id)
);

-- Clash checks look up every entry of one weekday and period.
CREATE INDEX timetable_entry_slot ON timetable_entry (school_id, weekday, period);

-- A lesson kept because it has entries although the timetable or the calendar no longer
-- has it: 'timetable' (no such slot from that date) or 'calendar' (a holiday or day off).
ALTER TABLE lesson ADD COLUMN off_schedule text CHECK (off_schedule IN ('timetable', 'calendar'));
CREATE INDEX lesson_off_schedule ON lesson (school_id, page_id) WHERE off_schedule IS NOT NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['curriculum', 'teaching_load_setting'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY school_isolation ON %I USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO klasnyi_app', t);
  END LOOP;
END
$$;
