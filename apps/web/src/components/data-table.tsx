import type { ReactNode } from 'react';

export type Column<T> = { header: string; cell: (row: T) => ReactNode; className?: string };

type DataTableProps<T> = {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly Column<T>[];
  /** The last cell of each row (buttons), under an "Actions" header for screen readers only. */
  actions?: (row: T) => ReactNode;
  actionsClassName?: string;
  /** Marks the row shown in detail below the table. */
  selected?: (row: T) => boolean;
};

/** The admin app's one table markup: nothing when there are no rows (the caller says so in words). */
export function DataTable<T>({ rows, rowKey, columns, actions, actionsClassName, selected }: DataTableProps<T>) {
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...(selected ? { 'aria-selected': selected(row) } : {})}>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
              {actions ? <td className={actionsClassName}>{actions(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
