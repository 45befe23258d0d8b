-- Tentative ("pencil") marks: a lesson cell's mark the teacher has not confirmed yet. Only the
-- page's teacher (and a substitute) sees it; every other reader takes the mark as empty.
ALTER TABLE journal_cell ADD COLUMN tentative boolean NOT NULL DEFAULT false;
-- A tentative mark is a mark: no pencil on an empty cell.
ALTER TABLE journal_cell ADD CONSTRAINT journal_cell_tentative_mark CHECK (NOT tentative OR mark <> '');

-- A history row that only the page's teacher may read: a tentative value entered, changed or
-- cleared. Notifications, the head's list of late changes, quality flags and the archive skip it.
ALTER TABLE journal_change ADD COLUMN tentative boolean NOT NULL DEFAULT false;
