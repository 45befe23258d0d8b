import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridModel } from '../../lib/grid-model.js';
import { type HeaderTexts, headerHtml } from '../../lib/header-html.js';
import { colClass, columnLabel, columnTitle, columnWidth, monthName, translatedOnce } from './labels.js';

interface GridHeaderProps {
  model: GridModel;
  substituteIds: ReadonlySet<number>;
}

/** Two sticky header rows: months over the lesson dates; summary columns take both rows. Lesson buttons open the lesson panel. */
export const GridHeader = memo(function GridHeader({ model, substituteIds }: GridHeaderProps) {
  const { t } = useTranslation();
  const html = useMemo(() => {
    const texts: HeaderTexts = {
      number: t('journal.grid.number'),
      pupil: t('journal.grid.pupil'),
      today: t('journal.grid.today'),
      cancelled: t('journal.grid.cancelled'),
      remoteTitle: t('journal.grid.remoteTitle'),
      extraTitle: t('journal.grid.extraTitle'),
      substitute: t('journal.grid.substitute'),
      remote: t('journal.grid.remote'),
      extra: t('journal.grid.extra'),
      openLesson: translatedOnce((date) => t('journal.grid.openLesson', { date })),
      month: (month) => monthName(t, month),
      label: (index) => columnLabel(t, model.columns[index]),
      title: (index) => columnTitle(t, model.columns[index]),
    };
    return headerHtml(model, substituteIds, texts);
  }, [model, substituteIds, t]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: headerHtml escapes every label and title; see lib/header-html.ts
  return <thead dangerouslySetInnerHTML={{ __html: html }} />;
});

/** The table's columns: the pupil column, then each column's width and background class (today, future, cancelled, summary). */
export const GridColumns = memo(function GridColumns({ model, verbal }: { model: GridModel; verbal: boolean }) {
  const html = useMemo(() => {
    let cols = '<col style="width: var(--jg-pupil-w);">';
    for (const c of model.columns) {
      const cls = colClass(c);
      cols += `<col${cls ? ` class="${cls}"` : ''} style="width: ${columnWidth(c, verbal)}px;">`;
    }
    return cols;
  }, [model, verbal]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: widths are numbers and classes fixed names (labels.ts)
  return <colgroup dangerouslySetInnerHTML={{ __html: html }} />;
});
