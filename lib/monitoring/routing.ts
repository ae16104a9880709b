import { parse } from "yaml";
import { z } from "zod";
import type { LabelSet, Matcher } from "@/lib/alertmanager/types";
import { compileMatcherRegex, matchersMatch, matcherFromType, parseMatchers, type ParseResult } from "@/lib/alertmanager/matchers";

/*
 * Alertmanager's routing tree and inhibition rules, read from the YAML in /api/v2/status
 * (config.original). Only routing facts leave this module: receiver names and the kinds of
 * integration they use, never their settings (webhook URLs, API keys, passwords live there).
 * Pure: the route tester runs it in the browser with Alertmanager's semantics (dispatch/route.go).
 */

/** A setting as the route uses it, and whether it came from an ancestor (or Alertmanager's default). */
export interface Setting<T> {
  value: T;
  inherited: boolean;
}

export interface RouteNode {
  /** The path in the tree: "root", "root.0", "root.0.2". */
  id: string;
  depth: number;
  receiver: Setting<string>;
  matchers: Matcher[];
  continue: boolean;
  /** Label names alerts are grouped by; `all` for Alertmanager's `group_by: ['...']`. */
  groupBy: Setting<string[] | "all">;
  groupWait: Setting<string>;
  groupInterval: Setting<string>;
  repeatInterval: Setting<string>;
  /** Not inherited in Alertmanager: each route lists its own. */
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
  routes: RouteNode[];
}

export interface ReceiverSummary {
  name: string;
  /** Integration kinds and how many of each: { type: "webhook", count: 2 }. */
  integrations: Array<{ type: string; count: number }>;
}

export interface InhibitRule {
  sourceMatchers: Matcher[];
  targetMatchers: Matcher[];
  equal: string[];
}

export interface RoutingConfig {
  route: RouteNode;
  receivers: ReceiverSummary[];
  inhibitRules: InhibitRule[];
  /** Names of the time intervals the configuration defines (time_intervals and mute_time_intervals). */
  timeIntervals: string[];
}

/** Alertmanager's defaults for the root route (config.DefaultRouteOpts). */
export const ROUTE_DEFAULTS = { groupWait: "30s", groupInterval: "5m", repeatInterval: "4h" } as const;

const stringMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));
const stringList = z.array(z.union([z.string(), z.number()]).transform(String));

const rawRouteSchema = z.object({
  receiver: z.string().optional(),
  group_by: stringList.optional(),
  continue: z.boolean().optional(),
  match: stringMap.optional(),
  match_re: stringMap.optional(),
  matchers: stringList.optional(),
  group_wait: z.string().optional(),
  group_interval: z.string().optional(),
  repeat_interval: z.string().optional(),
  mute_time_intervals: stringList.optional(),
  active_time_intervals: stringList.optional(),
  routes: z.array(z.unknown()).optional(),
});
type RawRoute = z.infer<typeof rawRouteSchema>;

const rawInhibitSchema = z.object({
  source_match: stringMap.optional(),
  source_match_re: stringMap.optional(),
  source_matchers: stringList.optional(),
  target_match: stringMap.optional(),
  target_match_re: stringMap.optional(),
  target_matchers: stringList.optional(),
  equal: stringList.optional(),
});

const rawConfigSchema = z.object({
  route: z.unknown().optional(),
  receivers: z.array(z.record(z.string(), z.unknown())).nullish(),
  inhibit_rules: z.array(z.unknown()).nullish(),
  time_intervals: z.array(z.object({ name: z.string() }).loose()).nullish(),
  mute_time_intervals: z.array(z.object({ name: z.string() }).loose()).nullish(),
});

class RoutingParseError extends Error {}

/**
 * Parses Alertmanager's configuration YAML into its routing facts. Error messages name the
 * place (route path, field), never quote the text: the YAML around an error may hold a secret.
 */
export function parseRoutingConfig(yamlText: string): ParseResult<RoutingConfig> {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch (error) {
    const line = lineOf(error);
    return { ok: false, error: `The Alertmanager configuration is not valid YAML${line ? ` (line ${line})` : ""}.` };
  }
  const config = rawConfigSchema.safeParse(document);
  if (!config.success) return { ok: false, error: "The Alertmanager configuration does not have the expected shape." };
  if (config.data.route === undefined) return { ok: false, error: "The Alertmanager configuration has no route." };
  try {
    const rootDefaults = {
      receiver: "",
      groupBy: [] as string[] | "all",
      groupWait: ROUTE_DEFAULTS.groupWait,
      groupInterval: ROUTE_DEFAULTS.groupInterval,
      repeatInterval: ROUTE_DEFAULTS.repeatInterval,
    };
    const route = buildRoute(config.data.route, "root", 0, rootDefaults, true);
    const receivers = (config.data.receivers ?? []).map(summarizeReceiver);
    const inhibitRules = (config.data.inhibit_rules ?? []).map((raw, index) => buildInhibitRule(raw, index));
    const timeIntervals = [...(config.data.time_intervals ?? []), ...(config.data.mute_time_intervals ?? [])].map((interval) => interval.name);
    return { ok: true, value: { route, receivers, inhibitRules, timeIntervals } };
  } catch (error) {
    if (error instanceof RoutingParseError) return { ok: false, error: error.message };
    throw error;
  }
}

function lineOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("linePos" in error)) return undefined;
  const positions = error.linePos;
  if (!Array.isArray(positions)) return undefined;
  const first: unknown = positions[0];
  if (typeof first === "object" && first !== null && "line" in first && typeof first.line === "number") return first.line;
  return undefined;
}

interface Inherited {
  receiver: string;
  groupBy: string[] | "all";
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
}

function buildRoute(raw: unknown, id: string, depth: number, parent: Inherited, isRoot: boolean): RouteNode {
  const parsed = rawRouteSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RoutingParseError(`Route ${id}: ${issue ? `${issue.path.join(".") || "route"} ${issue.message}` : "invalid"}.`);
  }
  const route = parsed.data;
  const groupBy = route.group_by === undefined ? undefined : route.group_by.includes("...") ? "all" : route.group_by;
  const own: Inherited = {
    receiver: route.receiver ?? parent.receiver,
    groupBy: groupBy ?? parent.groupBy,
    groupWait: route.group_wait ?? parent.groupWait,
    groupInterval: route.group_interval ?? parent.groupInterval,
    repeatInterval: route.repeat_interval ?? parent.repeatInterval,
  };
  return {
    id,
    depth,
    receiver: { value: own.receiver, inherited: route.receiver === undefined },
    matchers: routeMatchers(route, `Route ${id}`),
    continue: isRoot ? false : (route.continue ?? false),
    groupBy: { value: own.groupBy, inherited: groupBy === undefined },
    groupWait: { value: own.groupWait, inherited: route.group_wait === undefined },
    groupInterval: { value: own.groupInterval, inherited: route.group_interval === undefined },
    repeatInterval: { value: own.repeatInterval, inherited: route.repeat_interval === undefined },
    muteTimeIntervals: route.mute_time_intervals ?? [],
    activeTimeIntervals: route.active_time_intervals ?? [],
    routes: (route.routes ?? []).map((child, index) => buildRoute(child, `${id}.${index}`, depth + 1, own, false)),
  };
}

function routeMatchers(route: Pick<RawRoute, "match" | "match_re" | "matchers">, where: string): Matcher[] {
  return combineMatchers(route.match, route.match_re, route.matchers, where);
}

/** match (equality), match_re (anchored regexes) and matchers (the label-matcher syntax), as one list. */
function combineMatchers(
  match: Record<string, string> | undefined,
  matchRe: Record<string, string> | undefined,
  matchers: string[] | undefined,
  where: string,
): Matcher[] {
  const out: Matcher[] = [];
  for (const [name, value] of Object.entries(match ?? {})) out.push(matcherFromType(name, "=", value));
  for (const [name, value] of Object.entries(matchRe ?? {})) {
    const compiled = compileMatcherRegex(value);
    if (!compiled.ok) throw new RoutingParseError(`${where}: match_re ${name}: ${compiled.error}`);
    out.push(matcherFromType(name, "=~", value));
  }
  for (const text of matchers ?? []) {
    const parsed = parseMatchers(text);
    if (!parsed.ok) throw new RoutingParseError(`${where}: matchers: ${parsed.error}`);
    out.push(...parsed.value);
  }
  return out;
}

function buildInhibitRule(raw: unknown, index: number): InhibitRule {
  const parsed = rawInhibitSchema.safeParse(raw);
  if (!parsed.success) throw new RoutingParseError(`Inhibition rule ${index + 1} does not have the expected shape.`);
  const rule = parsed.data;
  const where = `Inhibition rule ${index + 1}`;
  return {
    sourceMatchers: combineMatchers(rule.source_match, rule.source_match_re, rule.source_matchers, where),
    targetMatchers: combineMatchers(rule.target_match, rule.target_match_re, rule.target_matchers, where),
    equal: rule.equal ?? [],
  };
}

const INTEGRATION_KEY = /^([a-z0-9]+)_configs$/;

/** A receiver's name and the kinds of its integrations; every other field is dropped unread. */
function summarizeReceiver(raw: Record<string, unknown>): ReceiverSummary {
  const name = typeof raw.name === "string" ? raw.name : "(unnamed)";
  const integrations: ReceiverSummary["integrations"] = [];
  for (const [key, value] of Object.entries(raw)) {
    const type = INTEGRATION_KEY.exec(key)?.[1];
    if (type && Array.isArray(value) && value.length > 0) integrations.push({ type, count: value.length });
  }
  return { name, integrations };
}

// --- Routing an alert -------------------------------------------------------------------------

export interface RouteMatch {
  /** The routes the alert ends at, in the order Alertmanager notifies them. */
  routes: RouteNode[];
  /** Every route whose matchers matched on the way, for highlighting the tree. */
  visited: string[];
  /** Receiver names, each once, in order. */
  receivers: string[];
}

/**
 * Which routes an alert with these labels reaches (Route.Match in Alertmanager): depth-first;
 * a route that matches tries its children in order and stops at the first child that matched
 * unless that child has `continue`; a route none of whose children matched is itself the match.
 */
export function matchRoutes(root: RouteNode, labels: LabelSet): RouteMatch {
  const visited: string[] = [];
  const routes = matchNode(root, labels, visited);
  const receivers = [...new Set(routes.map((route) => route.receiver.value))];
  return { routes, visited, receivers };
}

function matchNode(node: RouteNode, labels: LabelSet, visited: string[]): RouteNode[] {
  if (!matchersMatch(node.matchers, labels)) return [];
  visited.push(node.id);
  const all: RouteNode[] = [];
  for (const child of node.routes) {
    const matches = matchNode(child, labels, visited);
    all.push(...matches);
    if (matches.length > 0 && !child.continue) break;
  }
  return all.length > 0 ? all : [node];
}

/** The labels an alert's group is keyed by on a route. */
export function groupLabels(route: RouteNode, labels: LabelSet): LabelSet {
  const names = route.groupBy.value === "all" ? Object.keys(labels) : route.groupBy.value;
  const out: LabelSet = {};
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Every route of the tree, depth-first, for flat listings. */
export function flattenRoutes(root: RouteNode): RouteNode[] {
  return [root, ...root.routes.flatMap(flattenRoutes)];
}

/** Reads `alertname="X", severity=critical` (or `{...}`) as a label set; only `=` is allowed. */
export function parseLabelInput(text: string): ParseResult<LabelSet> {
  const parsed = parseMatchers(text);
  if (!parsed.ok) return parsed;
  const labels: LabelSet = {};
  for (const matcher of parsed.value) {
    if (matcher.isRegex || matcher.isEqual === false) {
      return { ok: false, error: `${matcher.name}: write labels as name="value" (no !=, =~ or !~ here)` };
    }
    labels[matcher.name] = matcher.value;
  }
  return { ok: true, value: labels };
}
