import { colorSchema } from "../schema";

function hex(value: number): string {
  return Math.max(0, Math.min(255, Math.round(value))).toString(16).padStart(2, "0");
}

/**
 * A Grafana colour in our schema's form: names and #hex pass, rgb()/rgba() (common in older dashboards)
 * become #rrggbb or #rrggbbaa. Anything else is undefined and the caller reports it.
 */
export function convertColor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (colorSchema.safeParse(trimmed).success) return trimmed;
  const match = /^rgba?\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d*(?:\.\d+)?)\s*)?\)$/i.exec(trimmed);
  if (!match) return undefined;
  const [, r, g, b, a] = match;
  const alpha = a === undefined || a === "" ? "" : Number(a) >= 1 ? "" : hex(Number(a) * 255);
  return `#${hex(Number(r))}${hex(Number(g))}${hex(Number(b))}${alpha}`;
}
