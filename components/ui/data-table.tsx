import type { ReactNode } from "react";

export interface DataTableColumn {
  label: string;
  /** Numbers and row actions sit on the right. */
  align?: "right";
  /** Read by screen readers only (an "Actions" column of buttons). */
  visuallyHidden?: boolean;
}

export interface DataTableProps {
  columns: DataTableColumn[];
  /** The rows: <tr> elements with one <td> per column. */
  children: ReactNode;
}

/** The console's plain table: a header row from `columns`, rows separated by rules, scrolling sideways when narrow. */
export function DataTable({ columns, children }: DataTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-400">
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.label}
                className={`py-1.5 font-medium ${index < columns.length - 1 ? "pr-3" : ""} ${column.align === "right" ? "text-right" : ""}`}
              >
                {column.visuallyHidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-edge">{children}</tbody>
      </table>
    </div>
  );
}
