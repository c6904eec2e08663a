import type { ReactNode } from "react";

export type DataColumn = {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** A column of buttons: its heading is for screen readers only. */
  labelHidden?: boolean;
};

/** A scrollable table with one header row; the rows are the caller's. */
export function DataTable({
  columns,
  testId,
  className,
  children,
}: {
  columns: DataColumn[];
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table data-testid={testId} className={className}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? "num" : undefined}>
                {column.labelHidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
