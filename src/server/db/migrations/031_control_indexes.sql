-- Control: indexes for the weekly analysis's data-quality flags (measured on the demo city:
-- without them both flags scanned the whole lesson table of every school).

-- Lessons written up: the flag "entries on future dates" looks only at these after today.
CREATE INDEX lesson_entered_date ON lesson (school_id, lesson_date)
  WHERE first_entry_at IS NOT NULL OR topic <> '' OR homework <> '' OR attendance_taken;

-- A mark given to a pupil marked absent: rare, so a small index finds them.
CREATE INDEX journal_cell_mark_while_absent ON journal_cell (school_id, lesson_id) WHERE absent AND mark <> '';

-- Summative marks present: the weekly analysis probes (column, pupil) pairs; with the mark's
-- emptiness in the index's predicate the probe needs no table access.
CREATE INDEX summary_mark_present ON summary_mark (school_id, column_id, pupil_id) WHERE mark <> '';
