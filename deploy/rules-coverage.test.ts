import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Simulation } from "@/stack/exporter/simulation";
import { demoTargets } from "@/stack/exporter/targets";

const RULES_DIR = path.join(import.meta.dirname, "prometheus", "rules");

// PromQL words that look like metric names: functions, aggregations, keywords.
const PROMQL_WORDS = new Set(
  (
    "sum rate irate increase histogram_quantile avg max min count by without on ignoring group_left group_right " +
    "and or unless abs avg_over_time max_over_time min_over_time sum_over_time count_over_time last_over_time " +
    "quantile_over_time present_over_time delta deriv absent absent_over_time clamp clamp_min clamp_max " +
    "label_replace label_join offset bool vector time topk bottomk changes resets predict_linear scalar sort " +
    "sort_desc round ceil floor group stddev stdvar quantile count_values timestamp day_of_week hour minute " +
    "Inf NaN e days_in_month"
  ).split(" "),
);

interface RuleFile {
  groups: Array<{ rules: Array<{ record?: string; alert?: string; expr: string }> }>;
}

function ruleFiles(): Array<{ file: string; rules: RuleFile["groups"][number]["rules"] }> {
  return readdirSync(RULES_DIR)
    .filter((name) => name.endsWith(".yml"))
    .map((file) => {
      const parsed: RuleFile = parse(readFileSync(path.join(RULES_DIR, file), "utf8"));
      return { file, rules: parsed.groups.flatMap((group) => group.rules) };
    });
}

/** Metric names an expression selects: strings, label matchers, ranges and grouping clauses removed. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  return [...bare.matchAll(/(?<![\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .map((match) => match[0])
    .filter((word) => !PROMQL_WORDS.has(word));
}

async function exporterMetricNames(): Promise<Set<string>> {
  const simulation = new Simulation({ seed: 42, fast: true, schedule: false, startSecondsOfDay: 36_000, deterministic: true });
  const names = new Set<string>(["up"]);
  for (const target of demoTargets()) {
    const text = (await simulation.exposition(target.job, target.instance, 120)) ?? "";
    for (const line of text.split("\n")) {
      const name = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line)?.[1];
      if (name) names.add(name);
    }
  }
  return names;
}

describe("shipped alert and recording rules", () => {
  it("select only metrics the demo exporter produces or other rules record", async () => {
    const files = ruleFiles();
    const recorded = new Set(files.flatMap(({ rules }) => rules.flatMap((rule) => (rule.record ? [rule.record] : []))));
    const produced = await exporterMetricNames();
    // The console's own metrics come from the console, not the exporter.
    const ownMetric = (name: string) => name.startsWith("vigil_") || name.startsWith("process_") || name.startsWith("nodejs_");
    const unknown = files.flatMap(({ file, rules }) =>
      rules.flatMap((rule) =>
        metricNames(rule.expr)
          .filter((name) => !produced.has(name) && !recorded.has(name) && !ownMetric(name))
          .map((name) => `${file} ${rule.alert ?? rule.record}: ${name}`),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it("give every alert a severity, a service, a summary, a description and a runbook link into the console", () => {
    const problems = ruleFiles().flatMap(({ file, rules }) =>
      rules
        .filter((rule): rule is typeof rule & { alert: string } => rule.alert !== undefined)
        .flatMap((rule) => {
          const { labels = {}, annotations = {} } = rule as { labels?: Record<string, string>; annotations?: Record<string, string> };
          const missing = [
            ["critical", "warning", "info"].includes(labels.severity ?? "") ? null : "severity",
            labels.service ? null : "service",
            annotations.summary ? null : "summary",
            annotations.description ? null : "description",
            /^http:\/\/localhost:3000\/runbooks\/[a-z0-9-]+$/.test(annotations.runbook_url ?? "") ? null : "runbook_url",
          ].filter(Boolean);
          return missing.length ? [`${file} ${rule.alert}: ${missing.join(", ")}`] : [];
        }),
    );
    expect(problems).toEqual([]);
  });
});
