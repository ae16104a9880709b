import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { applyMigrations } from "../lib/migrations.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { alertmanagerServices, type AlertmanagerPeer } from "./alertmanager.ts";
import { ensureBinaries } from "./binaries.ts";
import { buildConsole, buildIsStale, consoleService } from "./console.ts";
import { startExporter } from "./exporter/server.ts";
import { startPostgres } from "./postgres.ts";
import { freePort, preferredPort } from "./ports.ts";
import { prometheusService } from "./prometheus.ts";
import type { Service } from "./service.ts";
import { victoriaMetricsService } from "./victoria-metrics.ts";

export interface StackOptions {
  root: string;
  dataDir: string;
  /** demo: familiar ports, 5 s scrapes; test: random ports, 1 s scrapes, a fixed seed. */
  profile: "demo" | "test";
  seed?: number;
  fast?: boolean;
  withConsole: boolean;
  consoleHost?: string;
  /** Use this Postgres instead of a private cluster under dataDir. */
  databaseUrl?: string;
  alertmanagerPeers?: number;
  /**
   * Also run VictoriaMetrics scraping the same exporter, the console's second Prometheus-API
   * source ("vm" in PROMETHEUS_SOURCES). On by default in the test profile, off in the demo.
   */
  victoriaMetrics?: boolean;
  log?: (line: string) => void;
}

/** Something the stack runs that a test may stop and start again. */
export interface Controllable {
  readonly name: string;
  readonly running: boolean;
  /** The process id while running, where there is one process (benchmarks read the console's memory). */
  readonly pid?: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackUrls {
  prometheus: string;
  alertmanagers: string[];
  exporter: string;
  database: string;
  /** VictoriaMetrics, when the stack runs it: the console's source "vm". */
  victoriaMetrics?: string;
  console?: string;
  /** Test profile with the console: the OpenID Connect provider the console signs people in with. */
  oidcIssuer?: string;
}

export interface Stack {
  urls: StackUrls;
  /** Every demo user (admin@, editor@, responder@, viewer@vigil.local) signs in with this password. */
  demoPassword: string;
  services: Map<string, Controllable>;
  /** Starts an HTTP server on loopback that stops and starts services: POST /services/<name>/(stop|start). */
  serveControl(): Promise<string>;
  stop(): Promise<void>;
}

class PostgresControl implements Controllable {
  readonly name = "postgres";
  private handle: { url: string; port: number; stop(): Promise<void> } | undefined;

  constructor(
    private readonly dataDir: string,
    private port: number | undefined,
    private readonly log: (line: string) => void,
  ) {}

  get running(): boolean {
    return this.handle !== undefined;
  }

  get url(): string {
    if (!this.handle) throw new Error("Postgres is not running");
    return this.handle.url;
  }

  async start(): Promise<void> {
    if (this.handle) return;
    this.handle = await startPostgres({ dataDir: this.dataDir, port: this.port, log: this.log });
    this.port = this.handle.port;
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }
}

/** Starts Postgres, the demo exporter, Alertmanager peers, Prometheus and (optionally) the console. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const demo = options.profile === "demo";
  mkdirSync(options.dataDir, { recursive: true });
  // Postgres runs as its own user when we are root; it must be able to reach its directory.
  chmodSync(options.dataDir, 0o755);
  const binaries = ensureBinaries(log);
  const taken = new Set<number>();
  const port = async (preferred: number) => {
    const chosen = demo ? await preferredPort(preferred, taken) : await freePort();
    taken.add(chosen);
    return chosen;
  };

  const demoPassword = demo ? demoPasswordFor(options.dataDir) : TEST_PASSWORD;
  const services = new Map<string, Controllable>();
  const started: Controllable[] = [];
  let exporterClose: (() => Promise<void>) | undefined;
  let oidcStop: (() => Promise<void>) | undefined;
  // All at once: an Alertmanager left alone waits 10 s trying to say goodbye to its stopped peer.
  const stopAll = async () => {
    await Promise.all([...started.map((service) => service.stop().catch(() => undefined)), exporterClose?.(), oidcStop?.()]);
  };

  try {
    const building =
      options.withConsole && buildIsStale(options.root)
        ? (log("Building the console (next build)..."), buildConsole(options.root, log))
        : Promise.resolve();
    // Keep the build's rejection from surfacing as unhandled while other services start.
    building.catch(() => undefined);

    const database = (async () => {
      if (options.databaseUrl) return options.databaseUrl;
      const postgres = new PostgresControl(path.join(options.dataDir, "postgres"), undefined, log);
      await postgres.start();
      services.set(postgres.name, postgres);
      started.push(postgres);
      return postgres.url;
    })().then(async (url) => {
      const { applied } = await applyMigrations(url);
      if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
      await seedDatabase(url, { password: demoPassword });
      return url;
    });

    const exporter = await startExporter({
      port: await port(9464),
      host: "127.0.0.1",
      seed: options.seed ?? (demo ? undefined : 42),
      fast: options.fast ?? !demo,
    });
    exporterClose = exporter.close;
    const exporterAddress = `127.0.0.1:${exporter.port}`;

    const peerCount = options.alertmanagerPeers ?? 2;
    const peers: AlertmanagerPeer[] = [];
    for (let index = 0; index < peerCount; index += 1) {
      peers.push({ port: await port(9093 + index * 2), clusterPort: await port(9094 + index * 2) });
    }
    const alertmanagers = alertmanagerServices({
      binary: binaries.alertmanager,
      dataDir: options.dataDir,
      configFile: path.join(options.root, "deploy", "alertmanager", "alertmanager.yml"),
      peers,
    });
    await Promise.all(alertmanagers.map((service) => service.start()));
    for (const service of alertmanagers) {
      services.set(service.name, service);
      started.push(service);
    }

    const consolePort = options.withConsole ? await port(3000) : undefined;
    const consoleUrl = consolePort ? `http://${displayHost(options.consoleHost)}:${consolePort}` : undefined;
    const prometheusPort = await port(9090);
    const prometheus: Service = prometheusService({
      binary: binaries.prometheus,
      dataDir: path.join(options.dataDir, "prometheus"),
      port: prometheusPort,
      exporterAddress,
      alertmanagerAddresses: peers.map((peer) => `127.0.0.1:${peer.port}`),
      consoleAddress: consolePort ? `127.0.0.1:${consolePort}` : undefined,
      consoleUrl,
      rulesDir: path.join(options.root, "deploy", "prometheus", "rules"),
      extraRulesDirs: [path.join(options.root, "stack", "rules")],
      scrapeInterval: demo ? "5s" : "1s",
    });
    const withVictoria = options.victoriaMetrics ?? !demo;
    const victoriaPort = withVictoria ? await port(8428) : undefined;
    const victoria = victoriaPort
      ? victoriaMetricsService({ dataDir: path.join(options.dataDir, "victoria-metrics"), port: victoriaPort, exporterAddress, scrapeInterval: demo ? "5s" : "2s" })
      : undefined;
    // Listed before starting, so a failure of either stops the other.
    for (const service of [prometheus, ...(victoria ? [victoria] : [])]) {
      services.set(service.name, service);
      started.push(service);
    }
    await Promise.all([prometheus.start(), victoria?.start()]);

    const urls: StackUrls = {
      prometheus: `http://127.0.0.1:${prometheusPort}`,
      alertmanagers: peers.map((peer) => `http://127.0.0.1:${peer.port}`),
      exporter: exporter.url,
      database: await database,
      ...(victoriaPort ? { victoriaMetrics: `http://127.0.0.1:${victoriaPort}` } : {}),
    };

    if (consolePort) {
      await building;
      // Single sign-on (test profile only): a real OIDC provider on loopback, see stack/oidc-provider.ts.
      // Imported here: oidc-provider is a devDependency, and the demo does not need it.
      const oidc = !demo && consoleUrl ? await (await import("./oidc-provider.ts")).startTestOidcProvider(consoleUrl) : undefined;
      oidcStop = oidc?.stop;
      urls.oidcIssuer = oidc?.issuer;
      const consoleProcess = consoleService({
        root: options.root,
        port: consolePort,
        host: options.consoleHost ?? "127.0.0.1",
        logFile: path.join(options.dataDir, "console.log"),
        env: {
          PROMETHEUS_URL: urls.prometheus,
          ...(urls.victoriaMetrics ? { PROMETHEUS_SOURCES: `vm=${urls.victoriaMetrics}` } : {}),
          ALERTMANAGER_URLS: urls.alertmanagers.join(","),
          DATABASE_URL: urls.database,
          // No VIGIL_PUBLIC_URL: the demo is reached as localhost and as 127.0.0.1 alike, and the
          // CSRF check would refuse writes from whichever origin it did not name.
          ...oidc?.consoleEnv,
        },
      });
      await consoleProcess.start();
      services.set(consoleProcess.name, consoleProcess);
      started.push(consoleProcess);
      urls.console = consoleUrl;
    }

    return {
      urls,
      demoPassword,
      services,
      serveControl: () => serveControl(services),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The test stack's users all share this password; the tests sign in with it. */
export const TEST_PASSWORD = "vigil-test-password";

/** One random password per data directory, kept there so a second run prints the same one. */
function demoPasswordFor(dataDir: string): string {
  const file = `${dataDir}/demo-password`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(12).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function displayHost(host: string | undefined): string {
  return !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
}

function serveControl(services: Map<string, Controllable>): Promise<string> {
  const server = http.createServer((request, response) => {
    const match = /^\/services\/([\w-]+)\/(stop|start)$/.exec(request.url ?? "");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && request.url === "/services") {
      return reply(200, [...services.values()].map((service) => ({ name: service.name, running: service.running })));
    }
    if (request.method !== "POST" || !match) return reply(404, { error: "POST /services/<name>/(stop|start)" });
    const service = services.get(match[1] ?? "");
    if (!service) return reply(404, { error: `no service ${match[1]}; have ${[...services.keys()].join(", ")}` });
    const action = match[2] === "stop" ? service.stop() : service.start();
    action.then(
      () => reply(200, { name: service.name, running: service.running }),
      (error: unknown) => reply(500, { error: String(error) }),
    );
  });
  server.unref();
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    });
  });
}
