import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';
import { useScrollable } from '../hooks/use-scrollable.ts';

export interface Column<R> {
  header: ComponentChildren;
  cell: (row: R) => ComponentChildren;
  /** Numbers are right-aligned. */
  numeric?: boolean;
  /** The column that names the row: rendered as a row header (`<th scope="row">`). */
  rowHeader?: boolean;
}

/** A plain accessible table: caption, column headers with scope, an optional row-header column. */
export function DataTable<R>(props: {
  caption: ComponentChildren;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  captionHidden?: boolean;
  testId?: string;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const scrollable = useScrollable(wrap);
  return (
    <div
      class="table-wrap"
      ref={wrap}
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}
    >
      <table class="data-table" data-testid={props.testId}>
        <caption id={captionId} class={props.captionHidden ? 'sr-only' : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th key={String(i)} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={String(i)} scope="row" class={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={String(i)} class={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
