/** "$1,234", "$12.35", "$0.0600": dollars with as many decimals as small amounts need. */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 1 || abs === 0 ? 2 : abs >= 0.001 ? 4 : 6;
  return `${value < 0 ? "-" : ""}$${abs.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** "42.5 %" for a percentage, "—" when unknown. */
export function formatPct(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${value.toFixed(digits)} %`;
}

/** "1.2M tokens/h". */
export function formatPerHour(value: number, unit: string): string {
  const abs = Math.abs(value);
  const text = abs >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : abs >= 1e3 ? `${(value / 1e3).toFixed(1)}k` : value.toFixed(abs >= 10 ? 0 : 1);
  return `${text} ${unit}/h`;
}
