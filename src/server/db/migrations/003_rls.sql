-- Row-level security: the second wall behind each module's policy. The app switches to
-- klasnyi_app in every transaction and sets app.school_id; rows of other schools are invisible.
-- RLS is enabled, not forced: the owner role runs migrations and the few cross-school system
-- tasks (sign-in, city aggregates, the demo generator); every request runs as klasnyi_app,
-- which owns nothing and so is always bound by the policies (see docs/decisions.md).

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'staff', 'staff_role', 'school_year', 'semester', 'calendar_period', 'school_class',
    'pupil', 'enrollment', 'guardian', 'pupil_guardian', 'subject', 'class_group',
    'group_member', 'journal_page', 'timetable_entry', 'lesson', 'journal_cell',
    'summary_column', 'summary_mark', 'absence_reason', 'journal_change'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY school_isolation ON %I USING (school_id = app_school_id()) WITH CHECK (school_id = app_school_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO klasnyi_app', t);
  END LOOP;
END
$$;

-- Shared, not school-owned: readable by the app role; accounts are changed by the auth module.
GRANT SELECT ON city, school, mark_scale, city_day_off TO klasnyi_app;
GRANT SELECT ON app_user TO klasnyi_app;
GRANT USAGE ON SCHEMA public TO klasnyi_app;
