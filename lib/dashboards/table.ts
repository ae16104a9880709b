import type { Reducer } from "./schema";
import { reduce, type Frame } from "./series";

export interface TableRow {
  key: string;
  frameIndex: number;
  labels: Record<string, string>;
  value: number | null;
}

export interface TableModel {
  /** Label columns that vary between rows (or all labels when there is one row), then "Value". */
  labelColumns: string[];
  rows: TableRow[];
}

/** One row per series: its labels and its value (the instant sample, or the range reduced). */
export function framesToTable(frames: readonly Frame[], reducer: Reducer): TableModel {
  const rows = frames.map((frame, frameIndex) => ({
    key: `${frame.refId}-${frameIndex}`,
    frameIndex,
    labels: { ...frame.labels },
    value: frame.points.length === 1 ? (frame.points[0] && Number.isFinite(frame.points[0][1]) ? frame.points[0][1] : null) : reduce(frame.points, reducer),
  }));
  const names = [...new Set(rows.flatMap((row) => Object.keys(row.labels)))];
  const varying = rows.length <= 1 ? names : names.filter((name) => new Set(rows.map((row) => row.labels[name] ?? "")).size > 1);
  const labelColumns = (varying.length ? varying : names).filter((name) => name !== "__name__" || varying.includes("__name__")).sort();
  return { labelColumns, rows };
}

/** Rows sorted by a label column or "Value"; numbers compare as numbers, missing values last. */
export function sortTableRows(rows: readonly TableRow[], column: string, desc: boolean): TableRow[] {
  const sign = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (column === "Value") {
      if (a.value === null) return b.value === null ? 0 : 1;
      if (b.value === null) return -1;
      return (a.value - b.value) * sign;
    }
    const left = a.labels[column] ?? "";
    const right = b.labels[column] ?? "";
    return left.localeCompare(right, undefined, { numeric: true }) * sign;
  });
}
