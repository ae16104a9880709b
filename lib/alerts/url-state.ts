import { STATE_FILTERS, type StateFilter } from "./filter";
import type { AlertSort } from "./group";

/*
 * The alert page's URL contract (shared links must reproduce the view):
 *   q      the filter text: matchers and free words        (default "")
 *   group  labels to group by, comma-separated; "-" = none (default "alertname")
 *   sort   severity | startsAt | label:<name>               (default "severity")
 *   state  comma-separated: active,silenced,inhibited,acknowledged,unacknowledged (default: all)
 *   alert  the fingerprint of the alert open in the detail panel
 */

export interface AlertViewState {
  q: string;
  groupBy: string[];
  sort: AlertSort;
  states: StateFilter[];
  alert: string | undefined;
}

export const DEFAULT_GROUP_BY = ["alertname"];
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Source = Pick<URLSearchParams, "get">;

function isState(value: string): value is StateFilter {
  return (STATE_FILTERS as readonly string[]).includes(value);
}

/** Reads the view from the URL; unknown or malformed values fall back to the defaults rather than failing the page. */
export function readViewState(params: Source): AlertViewState {
  const group = params.get("group");
  const groupBy =
    group === null ? DEFAULT_GROUP_BY : group === "-" || group === "" ? [] : group.split(",").map((label) => label.trim()).filter((label) => LABEL_NAME.test(label));
  const rawSort = params.get("sort") ?? "severity";
  const sort: AlertSort =
    rawSort === "startsAt" ? "startsAt" : rawSort.startsWith("label:") && LABEL_NAME.test(rawSort.slice(6)) ? `label:${rawSort.slice(6)}` : "severity";
  const states = (params.get("state") ?? "")
    .split(",")
    .map((state) => state.trim())
    .filter(isState);
  const alert = params.get("alert")?.trim();
  return { q: params.get("q") ?? "", groupBy, sort, states: [...new Set(states)], alert: alert && /^[0-9a-f]{1,32}$/.test(alert) ? alert : undefined };
}

/** The query string for a view, leaving defaults out so links stay short. */
export function writeViewState(state: AlertViewState): string {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  const group = state.groupBy.join(",");
  if (group !== DEFAULT_GROUP_BY.join(",")) params.set("group", group === "" ? "-" : group);
  if (state.sort !== "severity") params.set("sort", state.sort);
  if (state.states.length > 0) params.set("state", state.states.join(","));
  if (state.alert) params.set("alert", state.alert);
  return params.toString();
}

const VIEW_KEYS = ["q", "group", "sort", "state", "alert"] as const;

/** The current query string with the view replaced and everything else (e.g. `refresh`) kept. */
export function withViewState(current: string, state: AlertViewState): string {
  const params = new URLSearchParams(current);
  for (const key of VIEW_KEYS) params.delete(key);
  for (const [key, value] of new URLSearchParams(writeViewState(state))) params.set(key, value);
  return params.toString();
}
