-- Issue 4, what was left of the administrator's console: a one-time password must be changed at
-- the first sign-in, and a staff role belongs to a school year.

-- ---------- one-time passwords ----------

-- Set when the administrator creates an account or resets its password (a one-time password
-- shown once); cleared when the person chooses their own. Until then the API refuses every
-- route except sign-out, "me" and the change of password. Accounts made by other means
-- (invitation codes, seeding, tests) choose their password themselves and are not forced.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
GRANT INSERT (must_change_password), UPDATE (must_change_password) ON app_user TO klasnyi_app;

-- Accounts that were given a one-time password by the console and never changed it.
UPDATE app_user u SET must_change_password = true
WHERE u.password_changed_at IS NULL
  AND EXISTS (SELECT 1 FROM staff_change ch WHERE ch.user_id = u.id AND ch.action IN ('created', 'password_reset', 'imported'));

-- ---------- staff roles per school year ----------

-- The school year that is current for a school today: the year containing app_today(); in the
-- summer between two years, the one that started last; before the first year, the first one.
CREATE FUNCTION school_current_year(p_school integer) RETURNS integer
  LANGUAGE sql STABLE AS $$
  SELECT y.id FROM school_year y WHERE y.school_id = p_school
  ORDER BY y.starts_on <= app_today() DESC,
           CASE WHEN y.starts_on <= app_today() THEN y.starts_on END DESC,
           y.starts_on
  LIMIT 1
$$;
GRANT EXECUTE ON FUNCTION school_current_year(integer) TO klasnyi_app;

-- Roles (head, controller, admin, teacher) now belong to a year: next year's assignments do not
-- change this year's, and a closed year keeps who was who. The roles table is renamed and
-- `staff_role` becomes the view of the current year's roles, so every reader of roles (the
-- session's principal, lists of teachers) sees the roles in force today. Inserting through the
-- view puts the role into the current year.
ALTER TABLE staff_role RENAME TO staff_year_role;
ALTER TABLE staff_year_role ADD COLUMN year_id integer;
ALTER TABLE staff_year_role DROP CONSTRAINT staff_role_pkey;
-- Roles held until now: in every year of the school (who held them before is not recorded).
INSERT INTO staff_year_role (school_id, user_id, role, year_id)
SELECT r.school_id, r.user_id, r.role, y.id FROM staff_year_role r JOIN school_year y ON y.school_id = r.school_id;
DELETE FROM staff_year_role WHERE year_id IS NULL;
ALTER TABLE staff_year_role ALTER COLUMN year_id SET NOT NULL;
ALTER TABLE staff_year_role ADD PRIMARY KEY (school_id, year_id, user_id, role);
ALTER TABLE staff_year_role ADD FOREIGN KEY (school_id, year_id) REFERENCES school_year(school_id, id);
CREATE INDEX staff_year_role_user ON staff_year_role (user_id);

CREATE FUNCTION staff_year_role_default_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.year_id IS NULL THEN
    NEW.year_id := school_current_year(NEW.school_id);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER staff_year_role_year BEFORE INSERT ON staff_year_role
  FOR EACH ROW EXECUTE FUNCTION staff_year_role_default_year();

CREATE VIEW staff_role WITH (security_invoker = true) AS
  SELECT r.school_id, r.user_id, r.role FROM staff_year_role r
  WHERE r.year_id = school_current_year(r.school_id);
GRANT SELECT, INSERT, DELETE ON staff_role TO klasnyi_app;

-- A new year starts with the roles of the year before it (the administrator then changes them
-- for the new year only).
CREATE FUNCTION school_year_copy_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO staff_year_role (school_id, year_id, user_id, role)
  SELECT r.school_id, NEW.id, r.user_id, r.role FROM staff_year_role r
  WHERE r.school_id = NEW.school_id
    AND r.year_id = (SELECT y.id FROM school_year y WHERE y.school_id = NEW.school_id AND y.starts_on < NEW.starts_on
                     ORDER BY y.starts_on DESC LIMIT 1)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER school_year_roles AFTER INSERT ON school_year FOR EACH ROW EXECUTE FUNCTION school_year_copy_roles();

-- A closed year's roles are read-only, like the rest of its data.
SELECT protect_closed_year('staff_year_role', 'JOIN school_year y ON y.school_id = r.school_id AND y.id = r.year_id');
