import type { PrometheusAlert, RuleGroup } from "@/lib/prometheus/types";

/*
 * The rules page's model: groups and rules from /api/v1/rules, rules failing to evaluate first.
 */

export interface RuleEntry {
  key: string;
  group: string;
  file: string;
  type: "alerting" | "recording";
  name: string;
  query: string;
  health: "ok" | "err" | "unknown";
  lastError: string;
  lastEvaluation?: string;
  evaluationTimeSeconds?: number;
  /** Alerting rules only. */
  state?: "firing" | "pending" | "inactive";
  forSeconds?: number;
  labels: Record<string, string>;
  alerts: PrometheusAlert[];
}

export interface GroupEntry {
  key: string;
  name: string;
  file: string;
  intervalSeconds: number;
  lastEvaluation?: string;
  evaluationTimeSeconds?: number;
  failing: number;
  rules: RuleEntry[];
}

export interface RulesView {
  groups: GroupEntry[];
  totals: { groups: number; rules: number; failing: number; firing: number; pending: number };
}

const STATE_RANK = { firing: 0, pending: 1, inactive: 2 } as const;

function ruleRank(rule: RuleEntry): number {
  if (rule.health === "err") return 0;
  if (rule.state) return 1 + STATE_RANK[rule.state];
  return 4;
}

/** Groups with a failing rule first; within a group, failing, firing, pending, then the rest in file order. */
export function buildRulesView(groups: readonly RuleGroup[]): RulesView {
  const totals = { groups: groups.length, rules: 0, failing: 0, firing: 0, pending: 0 };
  const entries = groups.map((group): GroupEntry => {
    const rules = group.rules.map((rule, index): RuleEntry => {
      const base = {
        key: `${group.file}|${group.name}|${index}`,
        group: group.name,
        file: group.file,
        name: rule.name,
        query: rule.query,
        health: rule.health,
        lastError: rule.lastError ?? "",
        lastEvaluation: rule.lastEvaluation,
        evaluationTimeSeconds: rule.evaluationTime,
        labels: rule.labels,
      };
      if (rule.type === "recording") return { ...base, type: "recording", alerts: [] };
      return { ...base, type: "alerting", state: rule.state, forSeconds: rule.duration, alerts: rule.alerts };
    });
    const order = rules.map((rule, index) => ({ rule, index }));
    order.sort((a, b) => ruleRank(a.rule) - ruleRank(b.rule) || a.index - b.index);
    const failing = rules.filter((rule) => rule.health === "err").length;
    totals.rules += rules.length;
    totals.failing += failing;
    totals.firing += rules.filter((rule) => rule.state === "firing").length;
    totals.pending += rules.filter((rule) => rule.state === "pending").length;
    return {
      key: `${group.file}|${group.name}`,
      name: group.name,
      file: group.file,
      intervalSeconds: group.interval,
      lastEvaluation: group.lastEvaluation,
      evaluationTimeSeconds: group.evaluationTime,
      failing,
      rules: order.map(({ rule }) => rule),
    };
  });
  const indexed = entries.map((group, index) => ({ group, index }));
  indexed.sort((a, b) => Number(b.group.failing > 0) - Number(a.group.failing > 0) || a.index - b.index);
  return { groups: indexed.map(({ group }) => group), totals };
}

export interface RuleFilter {
  text?: string;
  type?: "alerting" | "recording" | "all";
  state?: "firing" | "pending" | "inactive" | "failing" | "all";
}

/** Keeps the rules that pass the filter, and the groups that still have some. */
export function filterRules(view: RulesView, filter: RuleFilter): GroupEntry[] {
  const words = (filter.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return view.groups.flatMap((group) => {
    const rules = group.rules.filter((rule) => {
      if (filter.type && filter.type !== "all" && rule.type !== filter.type) return false;
      if (filter.state === "failing" && rule.health !== "err") return false;
      if (filter.state && filter.state !== "all" && filter.state !== "failing" && rule.state !== filter.state) return false;
      const haystack = `${group.name}\n${group.file}\n${rule.name}\n${rule.query}\n${Object.entries(rule.labels).map(([n, v]) => `${n}=${v}`).join("\n")}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    return rules.length > 0 ? [{ ...group, rules }] : [];
  });
}

/** The Explore page with this expression filled in. */
export function exploreHref(expr: string): string {
  return `/explore?expr=${encodeURIComponent(expr)}`;
}
