import type { Frame } from "./series";

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return String(value);
}

/**
 * A panel's data as CSV: one row per timestamp (ISO 8601 UTC) and one column per series,
 * or, for instant results, one row per series with its labels and value.
 */
export function framesToCsv(frames: readonly Frame[], layout: "wide" | "series"): string {
  if (layout === "series") {
    const labelNames = [...new Set(frames.flatMap((frame) => Object.keys(frame.labels)))].sort();
    const header = ["series", "time", ...labelNames, "value"].map(cell).join(",");
    const rows = frames.flatMap((frame) =>
      frame.points.map(([t, value]) =>
        [frame.name, new Date(t).toISOString(), ...labelNames.map((name) => frame.labels[name] ?? ""), numberText(value)].map(cell).join(","),
      ),
    );
    return [header, ...rows].join("\n") + "\n";
  }
  const times = [...new Set(frames.flatMap((frame) => frame.points.map(([t]) => t)))].sort((a, b) => a - b);
  const lookups = frames.map((frame) => new Map(frame.points));
  const header = ["time", ...frames.map((frame) => frame.name)].map(cell).join(",");
  const rows = times.map((t) => [new Date(t).toISOString(), ...lookups.map((lookup) => numberText(lookup.get(t)))].map(cell).join(","));
  return [header, ...rows].join("\n") + "\n";
}
