import path from "node:path";
import { startStack } from "../stack/stack.ts";
import { ROOT, parse, untilSignal, UsageError, type Command } from "./command.ts";

const usage = `Usage: vigil demo [--host 127.0.0.1] [--seed N] [--fast] [--data-dir .data]

Starts the whole stack locally with no configuration: Postgres (a private cluster under
the data directory unless DATABASE_URL is set), two clustered Alertmanagers, Prometheus with
the shipped alert rules, the demo exporter and the console. Prints the URL to open.
Ctrl-C stops everything; a second run reuses the data.

Options:
  --host H       address the console listens on (default 127.0.0.1)
  --seed N       make the demo exporter deterministic
  --fast         start the first incident within 30 s
  --data-dir D   where data and logs live (default .data)`;

export const demoCommand: Command = {
  name: "demo",
  summary: "start Postgres, Prometheus, Alertmanager, the demo exporter and the console",
  usage,
  async run(args) {
    const { values } = parse(args, {
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      fast: { type: "boolean", default: false },
      "data-dir": { type: "string", default: ".data" },
    });
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
    const started = Date.now();
    const dataDir = path.resolve(ROOT, values["data-dir"]);
    const stack = await startStack({
      root: ROOT,
      dataDir,
      profile: "demo",
      seed,
      fast: values.fast,
      withConsole: true,
      consoleHost: values.host,
      databaseUrl: process.env.DATABASE_URL || undefined,
      log: (line) => console.log(`  ${line}`),
    });
    const { urls } = stack;
    console.log(`
Vigil is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).

  Open the console:  ${urls.console}
  Sign in as         admin@vigil.local  password ${stack.demoPassword}
                     (editor@, responder@ and viewer@vigil.local have the same password)

  Prometheus         ${urls.prometheus}
  Alertmanager       ${urls.alertmanagers.join("  ")}
  Demo exporter      ${urls.exporter}
  Data and logs      ${dataDir}

Press Ctrl-C to stop everything.`);
    const signal = await untilSignal();
    console.log(`\n${signal}: stopping...`);
    await stack.stop();
    console.log("Stopped.");
    return 0;
  },
};
