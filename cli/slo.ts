import path from "node:path";
import { z } from "zod";
import { humanDuration } from "../lib/slo/duration.ts";
import { fetchStatuses, retentionFromFlags } from "../lib/slo/fetch.ts";
import { statusJson, type SloStatus } from "../lib/slo/compute.ts";
import { loadSlos } from "../lib/slo/load.ts";
import { BURN_WINDOWS } from "../lib/slo/model.ts";
import { httpFlags, httpInstantQuery } from "../lib/slo/prometheus-http.ts";
import { sloRulesYaml } from "../lib/slo/rules.ts";
import { formatProblem } from "../lib/slo/spec.ts";
import { ROOT, parse, UsageError, type Command } from "./command.ts";

const usage = `Usage: vigil slo rules <file-or-dir>
       vigil slo status <file-or-dir> [--json] [--prometheus-url URL] [--time RFC3339]

  rules    print Prometheus recording and alerting rules for the SLOs (multi-window multi-burn-rate
           alerts per the Google SRE workbook, and an alert when the SLI's series are absent)
  status   print each SLO's figures (per group value where grouped) from Prometheus
           (PROMETHEUS_URL, or --prometheus-url); --json prints an array, null meaning no data

The SLO file format is described in slos/README.md.`;

export const sloCommand: Command = {
  name: "slo",
  summary: "print SLO rules, or SLO figures from Prometheus",
  usage,
  async run(args) {
    const { values, positionals } = parse(
      args,
      {
        json: { type: "boolean", default: false },
        "prometheus-url": { type: "string" },
        time: { type: "string" },
      },
      true,
    );
    const [action, target, ...extra] = positionals;
    if (!action) throw new UsageError("missing action (rules or status)");
    if (action !== "rules" && action !== "status") throw new UsageError(`unknown action "${action}"`);
    if (!target) throw new UsageError("missing the SLO file or directory");
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);

    const loaded = loadSlos(target);
    if (!loaded.ok) {
      for (const problem of loaded.problems) console.error(formatProblem(problem));
      return 1;
    }
    if (action === "rules") {
      const source = path.relative(ROOT, path.resolve(target)) || ".";
      process.stdout.write(sloRulesYaml(loaded.slos, source.split(path.sep).join("/")));
      return 0;
    }

    const settings = prometheusSettings(values["prometheus-url"] ?? process.env.PROMETHEUS_URL, process.env.PROMETHEUS_TIMEOUT_MS);
    const now = values.time ? new Date(values.time) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError(`--time is not a time: ${values.time}`);
    const query = httpInstantQuery(settings.PROMETHEUS_URL, Math.max(settings.PROMETHEUS_TIMEOUT_MS, 30_000));
    // History limits are best effort: a Prometheus that hides its flags or does not scrape itself just goes unflagged.
    const [flags, oldest] = await Promise.all([
      httpFlags(settings.PROMETHEUS_URL, settings.PROMETHEUS_TIMEOUT_MS).catch(() => ({})),
      query('min(prometheus_tsdb_lowest_timestamp_seconds{job="prometheus"})', now).catch(() => []),
    ]);
    const oldestSample = oldest[0]?.value;
    const statuses = await fetchStatuses(loaded.slos, query, {
      now,
      retentionSeconds: retentionFromFlags(flags),
      oldestSampleSeconds: oldestSample !== undefined && Number.isFinite(oldestSample) ? oldestSample : undefined,
    });
    if (values.json) console.log(JSON.stringify(statuses.map(statusJson), null, 2));
    else console.log(statusTable(statuses));
    return 0;
  },
};

// The same rules as lib/env.ts, without requiring the console's other settings (DATABASE_URL...).
function prometheusSettings(url: string | undefined, timeout: string | undefined) {
  const parsed = z
    .object({
      PROMETHEUS_URL: z.url({ protocol: /^https?$/, error: "PROMETHEUS_URL must be an http(s) URL" }).default("http://localhost:9090"),
      PROMETHEUS_TIMEOUT_MS: z.coerce.number({ error: "PROMETHEUS_TIMEOUT_MS must be milliseconds" }).int().positive().default(10_000),
    })
    .safeParse({ PROMETHEUS_URL: url || undefined, PROMETHEUS_TIMEOUT_MS: timeout || undefined });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

function percent(value: number | null, digits = 3): string {
  return value === null ? "no data" : `${(value * 100).toFixed(digits)} %`;
}

function burn(value: number | null): string {
  return value === null ? "-" : value.toFixed(2);
}

/** A plain-text table, one line per SLO (per group value). */
export function statusTable(statuses: readonly SloStatus[]): string {
  const header = ["SLO", "objective", "SLI", "budget left", "events left", ...BURN_WINDOWS, "alerts", "exhausted in", "flags"];
  const rows = statuses.map((status) => [
    `${status.service}/${status.slo}${status.group ? `{${status.group.label}="${status.group.value}"}` : ""} (${status.window})`,
    percent(status.objective, 2),
    percent(status.sli),
    percent(status.errorBudgetRemaining, 1),
    status.eventsLeft === null ? "-" : String(status.eventsLeft),
    ...BURN_WINDOWS.map((window) => burn(status.burnRates[window])),
    [status.alerts.page ? "PAGE" : "", status.alerts.ticket ? "TICKET" : ""].filter(Boolean).join(",") || "-",
    status.timeToExhaustionSeconds === null ? "-" : humanDuration(status.timeToExhaustionSeconds),
    status.flags.join(",") || "-",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()).join("\n");
}
