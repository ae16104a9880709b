import { parseArgs } from "node:util";

export const USAGE = `Usage: tsx stack/exporter/main.ts [--port 9464] [--host 127.0.0.1] [--seed N] [--fast] [--no-schedule]

Serves simulated metrics of the demo systems (TRM selector, learning system, counterfactual lab,
NeuroNetes, Inferno, dcgm-exporter, vLLM, OpenCost) for Prometheus to scrape.

  --port N        port to listen on; 0 picks a free one (default 9464)
  --host H        address to bind (default 127.0.0.1)
  --seed N        deterministic values and fixed prices for this seed
  --fast          start the first scheduled incident after 20 s instead of 5 min
  --no-schedule   run incidents only when started with POST /-/incidents/<name>
  --help          show this help
`;

export type CliCommand =
  | { kind: "help" }
  | { kind: "error"; message: string }
  | { kind: "run"; port: number; host: string; seed: number | undefined; fast: boolean; schedule: boolean };

/** Parses the exporter's command line; never throws, so main can print a usage error. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: { port?: string; host?: string; seed?: string; fast?: boolean; "no-schedule"?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        fast: { type: "boolean" },
        "no-schedule": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: "help" };

  const port = values.port === undefined ? 9464 : wholeNumber(values.port);
  if (port === undefined || port > 65535) return { kind: "error", message: `--port must be a whole number from 0 to 65535, got "${values.port}"` };
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed);
  if (values.seed !== undefined && (seed === undefined || seed > 2 ** 32 - 1)) {
    return { kind: "error", message: `--seed must be a whole number from 0 to 4294967295, got "${values.seed}"` };
  }
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") return { kind: "error", message: "--host must not be empty" };
  return { kind: "run", port, host, seed, fast: values.fast ?? false, schedule: !(values["no-schedule"] ?? false) };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}
