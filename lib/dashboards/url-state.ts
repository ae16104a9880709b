import { REFRESH_OPTIONS, type Dashboard } from "./schema";
import { isValidTimeExpression } from "./time-range";

/*
 * What a dashboard link carries, as in Grafana: ?from=now-6h&to=now&tz=utc&refresh=30s&var-job=a&var-job=b.
 */

export type RefreshSetting = (typeof REFRESH_OPTIONS)[number];
export type TimeZoneSetting = "browser" | "utc";

export interface DashboardUrlState {
  from: string;
  to: string;
  timeZone: TimeZoneSetting;
  refresh: RefreshSetting;
  /** Selections named in the URL; a variable missing here takes its default. */
  variables: Record<string, string[]>;
}

export interface SearchParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
  keys(): IterableIterator<string> | URLSearchParamsIterator<string>;
}

/** The state a URL describes, with the dashboard's own settings where the URL says nothing (or nonsense). */
export function parseUrlState(params: SearchParamsLike, dashboard: Pick<Dashboard, "time" | "refresh">): DashboardUrlState {
  const from = params.get("from");
  const to = params.get("to");
  const validRange = from !== null && to !== null && isValidTimeExpression(from) && isValidTimeExpression(to);
  const refresh = REFRESH_OPTIONS.find((option) => option === params.get("refresh")) ?? dashboard.refresh;
  const variables: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    if (key.startsWith("var-") && key.length > 4) variables[key.slice(4)] = params.getAll(key);
  }
  return {
    from: validRange ? from : dashboard.time.from,
    to: validRange ? to : dashboard.time.to,
    timeZone: params.get("tz") === "utc" ? "utc" : "browser",
    refresh,
    variables,
  };
}

/** The query string for a state; other parameters of the current URL are kept. */
export function serializeUrlState(state: DashboardUrlState, keep?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  keep?.forEach((value, key) => {
    if (!["from", "to", "tz", "refresh"].includes(key) && !key.startsWith("var-")) params.append(key, value);
  });
  params.set("from", state.from);
  params.set("to", state.to);
  if (state.timeZone === "utc") params.set("tz", "utc");
  params.set("refresh", state.refresh);
  for (const [name, values] of Object.entries(state.variables)) for (const value of values) params.append(`var-${name}`, value);
  return params;
}

/** Milliseconds between auto-refreshes, or false for off. */
export function refreshMs(refresh: RefreshSetting): number | false {
  if (refresh === "off") return false;
  const amount = Number.parseInt(refresh, 10);
  return refresh.endsWith("m") ? amount * 60_000 : amount * 1000;
}
