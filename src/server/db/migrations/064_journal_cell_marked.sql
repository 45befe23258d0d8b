-- The marked cells of a lesson without visiting the table: the fill level's "pupils without a
-- recent mark" reads the marked pupils of every page's last N lessons (a city's quarter: ~110,000
-- lessons at each end). From the primary key each lesson's cells were fetched from the heap and
-- filtered; this index answers with an index-only scan (measured: the statement 30% faster).
-- It costs a save one more index entry per marked cell.
CREATE INDEX IF NOT EXISTS journal_cell_marked ON journal_cell (school_id, lesson_id) INCLUDE (pupil_id) WHERE mark <> '' AND NOT tentative;
