import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridModel } from '../../lib/grid-model.js';
import { columnLabel, columnTitle, monthName } from './labels.js';

interface GridHeaderProps {
  model: GridModel;
  substituteIds: ReadonlySet<number>;
}

/** Two sticky header rows: months over the lesson dates; summary columns take both rows. Lesson buttons open the lesson panel. */
export const GridHeader = memo(function GridHeader({ model, substituteIds }: GridHeaderProps) {
  const { t } = useTranslation();
  const { columns, runs } = model;
  return (
    <thead>
      <tr>
        <th className="jg-corner" rowSpan={2} scope="col">
          <span className="jg-num">{t('journal.grid.number')}</span>
          {t('journal.grid.pupil')}
        </th>
        {runs.map((run) => {
          if (run.month) {
            return (
              <th key={`m${run.start}`} colSpan={run.span} scope="colgroup">
                <div className="jg-month">{run.span > 1 ? monthName(t, run.month) : ''}</div>
              </th>
            );
          }
          const column = columns[run.start];
          return (
            <th key={`s${column.id}`} rowSpan={2} scope="col" className="jg-sum-h" title={columnTitle(t, column)} data-col={column.index}>
              {columnLabel(t, column)}
            </th>
          );
        })}
      </tr>
      <tr>
        {columns.map((column) => {
          const lesson = column.lesson;
          if (!lesson) return null;
          const classes = [column.isToday && 'jg-today', column.isFuture && 'jg-future', lesson.cancelled && 'jg-cancelled'].filter(Boolean).join(' ');
          const label = columnLabel(t, column);
          const notes = [
            lesson.topic,
            column.isToday && t('journal.grid.today'),
            lesson.cancelled && t('journal.grid.cancelled'),
            lesson.remote && t('journal.grid.remoteTitle'),
            lesson.kind === 'extra' && t('journal.grid.extraTitle'),
            substituteIds.has(lesson.id) && t('journal.grid.substitute'),
          ].filter(Boolean);
          return (
            <th key={`l${lesson.id}`} scope="col" className={classes || undefined} data-col={column.index}>
              <button
                type="button"
                className="jg-day-btn"
                data-lesson={lesson.id}
                title={notes.join(' · ') || undefined}
                aria-label={t('journal.grid.openLesson', { date: label })}
              >
                <span className="jg-date">{label}</span>
                {lesson.remote ? (
                  <span className="jg-day-tag is-remote">{t('journal.grid.remote')}</span>
                ) : lesson.kind === 'extra' ? (
                  <span className="jg-day-tag is-extra">{t('journal.grid.extra')}</span>
                ) : substituteIds.has(lesson.id) ? (
                  <span className="jg-day-tag is-sub">↔</span>
                ) : (
                  <span className={lesson.topic ? 'jg-day-dot is-done' : 'jg-day-dot'} />
                )}
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
