import { randomInt } from "node:crypto";
import http from "node:http";
import { INCIDENTS, incidentSpec } from "./incidents.ts";
import { routeRequest, type ExporterRequest } from "./routes.ts";
import { SEEDED_START_SECONDS_OF_DAY } from "./signal.ts";
import { Simulation } from "./simulation.ts";
import { demoTargets } from "./targets.ts";

export interface ExporterOptions {
  /** 0 picks a free port; the running exporter reports the real one. */
  port: number;
  host?: string;
  /** Set: values depend only on (seed, seconds since start) and prices stay at their list values. */
  seed?: number;
  /** The first scheduled incident starts 20 s after start instead of 5 min. */
  fast?: boolean;
  /** Milliseconds since the epoch; tests inject one to move time by hand. */
  clock?: () => number;
  /** false: no scheduled incidents, only those started through the control endpoints. */
  schedule?: boolean;
}

export interface RunningExporter {
  port: number;
  url: string;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const TEXT = "text/plain; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

/** Starts the demo exporter's HTTP server; every demo target is one path on it. */
export async function startExporter(options: ExporterOptions): Promise<RunningExporter> {
  const clock = options.clock ?? Date.now;
  const startMs = clock();
  const deterministic = options.seed !== undefined;
  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
  const simulation = new Simulation({
    seed,
    fast: options.fast ?? false,
    schedule: options.schedule ?? true,
    // Unseeded runs follow the local clock so the daily wave matches the viewer's day.
    startSecondsOfDay: deterministic ? SEEDED_START_SECONDS_OF_DAY : localSecondsOfDay(startMs),
    deterministic,
  });
  const elapsed = () => Math.max(0, (clock() - startMs) / 1000);
  const iso = (seconds: number) => new Date(startMs + seconds * 1000).toISOString();

  async function reply(method: string, url: string): Promise<Reply> {
    const routed = routeRequest(method, url, (job, instance) => simulation.hasTarget(job, instance));
    if (!routed.ok) {
      return { status: routed.status, body: `${routed.message}\n`, contentType: TEXT, headers: routed.allow ? { allow: routed.allow } : undefined };
    }
    return perform(routed.request, elapsed());
  }

  async function perform(request: ExporterRequest, now: number): Promise<Reply> {
    switch (request.kind) {
      case "index":
        return { status: 200, body: indexText(), contentType: TEXT };
      case "targets":
        return json(demoTargets());
      case "state":
        return json(stateJson(now));
      case "metrics": {
        if (simulation.isDown(request.job, request.instance, now)) {
          return { status: 503, body: `${request.job}/${request.instance} is down (simulated)\n`, contentType: TEXT };
        }
        const body = (await simulation.exposition(request.job, request.instance, now)) ?? "";
        return { status: 200, body, contentType: "text/plain; version=0.0.4; charset=utf-8" };
      }
      case "start-incident": {
        const started = simulation.startIncident(request.name, now, request.seconds);
        return json({ started: { name: started.name, startedAt: iso(started.start), endsAt: iso(started.end) } });
      }
      case "clear-incidents":
        simulation.clearIncidents(now);
        return json(stateJson(now));
      case "target-down":
        simulation.setDown(request.job, request.instance, now, request.seconds);
        return json({ down: { job: request.job, instance: request.instance, until: iso(now + request.seconds) } });
      case "target-up":
        simulation.setUp(request.job, request.instance);
        return json({ up: { job: request.job, instance: request.instance } });
    }
  }

  function stateJson(now: number) {
    const state = simulation.state(now);
    return {
      now: iso(now),
      startedAt: iso(0),
      elapsedSeconds: Math.floor(now),
      seed: state.seed,
      deterministic,
      fast: state.fast,
      schedule: state.schedule,
      active: state.active.map((incident) => ({
        name: incident.name,
        source: incident.source,
        summary: incidentSpec(incident.name).summary,
        startedAt: iso(incident.start),
        endsAt: iso(incident.end),
        level: incident.level,
      })),
      upcoming: state.upcoming.map((occurrence) => ({ name: occurrence.name, startsAt: iso(occurrence.start), endsAt: iso(occurrence.end) })),
      downTargets: state.down.map((down) => ({ job: down.job, instance: down.instance, until: iso(down.until), reason: down.reason })),
      incidents: INCIDENTS,
    };
  }

  const server = http.createServer((request, response) => {
    request.resume();
    reply(request.method ?? "GET", request.url ?? "/")
      .catch((error: unknown): Reply => ({ status: 500, body: `exporter error: ${error instanceof Error ? error.message : String(error)}\n`, contentType: TEXT }))
      .then((result) => {
        response.writeHead(result.status, { "content-type": result.contentType, ...result.headers });
        response.end(request.method === "HEAD" ? undefined : result.body);
      });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    url: `http://${urlHost(host)}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Prometheus keeps scrape connections alive; without this close() waits for them.
        server.closeAllConnections();
      }),
  };
}

function json(value: unknown): Reply {
  return { status: 200, body: `${JSON.stringify(value, null, 2)}\n`, contentType: JSON_TYPE };
}

function localSecondsOfDay(ms: number): number {
  const date = new Date(ms);
  return date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds();
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function indexText(): string {
  return [
    "Vigil demo exporter: simulated ML/LLM serving systems for Prometheus to scrape.",
    "",
    "Targets (GET):",
    ...demoTargets().map((target) => `  ${target.path}    job=${target.job} instance=${target.instance}`),
    "",
    "GET  /targets.json                               the targets as JSON",
    "GET  /-/state                                    running and upcoming incidents, targets down",
    "POST /-/incidents/<name>?seconds=N               start an incident now",
    "POST /-/incidents/clear                          end every running incident",
    "POST /-/targets/<job>/<instance>/down?seconds=N  answer 503 for N seconds",
    "POST /-/targets/<job>/<instance>/up              answer again",
    "",
    `Incidents: ${INCIDENTS.map((incident) => incident.name).join(", ")}`,
    "",
  ].join("\n");
}
