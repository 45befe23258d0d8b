import { memo } from 'react';
import type { TScale } from '../../../../../shared/scales.js';
import type { GridRow as TGridRow } from '../../lib/grid-model.js';
import { type ColumnInfo, type RowTexts, rowHtml } from '../../lib/row-html.js';
import type { SaveQueue } from '../../lib/save-queue.js';

interface GridRowProps {
  row: TGridRow;
  infos: ColumnInfo[];
  queue: SaveQueue;
  scale: TScale;
  /** grows when a cell of this row changes: the only reason to draw the row again */
  revision: number;
  texts: RowTexts;
  /** unique per grid on the screen, for the cells' ids */
  idPrefix: string;
}

/** One pupil's row, drawn from an HTML string: cells carry no handlers (the grid listens once) and no component. */
export const GridRow = memo(function GridRow({ row, infos, queue, scale, texts, idPrefix }: GridRowProps) {
  const cells = { value: (key: string) => queue.value(key), status: (key: string) => queue.status(key) };
  // biome-ignore lint/security/noDangerouslySetInnerHtml: rowHtml escapes every value and title; see lib/row-html.ts
  return <tr dangerouslySetInnerHTML={{ __html: rowHtml(row, infos, cells, scale, texts, idPrefix) }} />;
});
