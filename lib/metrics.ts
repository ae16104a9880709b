import { Counter, Histogram, Registry, collectDefaultMetrics, type Gauge } from "prom-client";
import { budgetGauge } from "@/lib/cost/budget-gauge";

interface ConsoleMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<"route" | "method" | "status">;
  upstreamRequestDuration: Histogram<"upstream" | "instance" | "endpoint" | "outcome">;
  upstreamErrors: Counter<"upstream" | "instance" | "endpoint" | "kind">;
  /** Tenant budgets from Postgres, for the cost budget alert rule. */
  costBudget: Gauge<"tenant" | "team">;
}

const globalKey = Symbol.for("vigil.metrics");

function createMetrics(): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "vigil_http_request_duration_seconds",
      help: "Duration of requests to the console's API routes, by route pattern.",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamRequestDuration: new Histogram({
      name: "vigil_upstream_request_duration_seconds",
      help: "Duration of requests the console makes to Prometheus, Alertmanager and Postgres.",
      labelNames: ["upstream", "instance", "endpoint", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: "vigil_upstream_errors_total",
      help: "Failed upstream requests, by upstream, endpoint and kind of failure.",
      labelNames: ["upstream", "instance", "endpoint", "kind"],
      registers: [registry],
    }),
    costBudget: budgetGauge(registry),
  };
}

/**
 * The console's own metrics. Kept on globalThis because Next.js may evaluate this
 * module once per route bundle; every bundle must share one registry.
 */
export function consoleMetrics(): ConsoleMetrics {
  const holder = globalThis as typeof globalThis & { [globalKey]?: ConsoleMetrics };
  holder[globalKey] ??= createMetrics();
  return holder[globalKey];
}
