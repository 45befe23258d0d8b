import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** numbers are right-aligned */
  numeric?: boolean;
  /** stays in sight at the right edge while the other columns scroll sideways, e.g. a row's action */
  stickyEnd?: boolean;
}

const STICKY_END = { position: 'sticky', right: 0, background: 'var(--mantine-color-body)', boxShadow: 'inset 1px 0 0 var(--mantine-color-gray-3)' } as const;

interface DataTableProps<T> {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  /** a row under the body, e.g. totals */
  footer?: ReactNode;
  /** the table's accessible name */
  caption?: string;
  minWidth?: number;
  /** space at the cells' sides: "xs" lets a wide table show more of its columns */
  horizontalSpacing?: 'xs' | 'md';
}

/** A bordered table that scrolls sideways on a phone instead of squeezing its columns. */
export function DataTable<T>({ rows, columns, rowKey, footer, caption, minWidth = 480, horizontalSpacing = 'md' }: DataTableProps<T>) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing={horizontalSpacing} aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} style={c.stickyEnd ? STICKY_END : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td
                    key={c.key}
                    ta={c.numeric ? 'right' : undefined}
                    style={c.stickyEnd ? STICKY_END : c.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}
                  >
                    {c.cell(row, index)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {footer && <Table.Tfoot>{footer}</Table.Tfoot>}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
