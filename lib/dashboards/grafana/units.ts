import { UNITS, type Unit } from "../schema";

/** Grafana unit ids that mean exactly one of ours under another name (older and newer Grafana spellings). */
const ALIASES: Record<string, Unit> = {
  us: "µs",
  "µs": "µs",
  percentunit: "percentunit",
  rps: "reqps",
  "req/s": "reqps",
  "ops/s": "ops",
  opsps: "ops",
  Hz: "hertz",
  hz: "hertz",
  currencyusd: "currencyUSD",
  dateTimeAsIsoNoDateIfToday: "dateTimeAsIso",
  "tokens/sec": "tokens/s",
};

const known = new Set<string>(UNITS);

function isUnit(id: string): id is Unit {
  return known.has(id);
}

export type UnitResult = { unit: Unit | undefined; reason?: string };

/** Maps a Grafana unit id to ours; an id with no equivalent is dropped with a reason (values show without a unit). */
export function convertUnit(id: string | undefined): UnitResult {
  if (id === undefined || id.trim() === "") return { unit: undefined };
  const trimmed = id.trim();
  if (isUnit(trimmed)) return { unit: trimmed };
  const alias = ALIASES[trimmed];
  if (alias) return { unit: alias };
  return { unit: undefined, reason: `unit "${trimmed}" has no equivalent in Vigil; values are shown without a unit` };
}
