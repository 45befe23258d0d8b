import { memo, type ReactNode } from 'react';
import type { TScale } from '../../../../../shared/scales.js';
import { suggestSemesterMark } from '../../../../../shared/scales.js';
import { cellText } from '../../lib/cells.js';
import { cellKeyAt, type GridModel, type GridRow as TGridRow, isCellWritable, isEnrolled, thematicColumnsFor } from '../../lib/grid-model.js';
import type { CellStatus, SaveQueue } from '../../lib/save-queue.js';

interface GridRowProps {
  row: TGridRow;
  model: GridModel;
  queue: SaveQueue;
  scale: TScale;
  /** grows when a cell of this row changes: the only reason to render the row again */
  revision: number;
  texts: RowTexts;
}

/** The few strings cells carry in their `title`, translated once per grid. */
export interface RowTexts {
  notEnrolled: string;
  suggested: (value: string) => string;
}

const STATUS_CLASS: Record<CellStatus['kind'], string> = { pending: ' jg-p', failed: ' jg-f', invalid: ' jg-f', conflict: ' jg-k', reason: ' jg-r' };

function statusTitle(status: CellStatus | null): string | undefined {
  if (!status) return undefined;
  if (status.kind === 'failed' || status.kind === 'invalid' || status.kind === 'reason') return status.message;
  return undefined;
}

/** One pupil's row: the sticky number and name, then plain cells with classes for their state. */
export const GridRow = memo(function GridRow({ row, model, queue, scale, texts }: GridRowProps) {
  const { pupil } = row;
  const verbal = scale.freeText;
  const firstFinal = model.columns.findIndex((c) => c.kind !== 'lesson' && c.kind !== 'thematic');
  return (
    <tr>
      <th scope="row" className="jg-pupil" title={pupil.name}>
        <span className="jg-num">{row.index + 1}</span>
        {pupil.name}
      </th>
      {model.columns.map((column) => {
        if (!isEnrolled(column, pupil)) return <td key={column.index} className="jg-off" title={texts.notEnrolled} />;
        const key = cellKeyAt(column, pupil.id);
        const value = queue.value(key);
        const status = queue.status(key);
        let cls = column.kind === 'lesson' ? (verbal ? 'jg-verbal' : '') : 'jg-summary';
        if (column.index === firstFinal) cls += ' jg-first-final';
        if (value.absent) cls += ' jg-abs';
        if (!isCellWritable(column, pupil)) cls += ' jg-ro';
        if (status) cls += STATUS_CLASS[status.kind];
        const text = cellText(value);
        let content: ReactNode = text;
        let title = statusTitle(status) ?? (verbal && text ? text : undefined);
        if (!text && column.kind === 'semester') {
          const thematic = thematicColumnsFor(model, column).map((c) => queue.value(cellKeyAt(c, pupil.id)).mark);
          const hint = suggestSemesterMark(scale, thematic);
          if (hint) {
            content = <span className="jg-hint">{hint}</span>;
            title = texts.suggested(hint);
          }
        }
        return (
          <td key={column.index} className={cls || undefined} title={title}>
            {content}
          </td>
        );
      })}
    </tr>
  );
});
