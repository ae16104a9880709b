import { z } from "zod";

/** A comma-separated list of http(s) base URLs, trailing slashes removed. */
const urlList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1, "needs at least one URL"))
  .transform((urls) => urls.map(stripTrailingSlash));

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .transform(stripTrailingSlash);

const milliseconds = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(100, "must be at least 100 ms")
    .max(300_000, "must be at most 300000 ms (5 minutes)")
    .default(fallback);

const envSchema = z.object({
  PROMETHEUS_URL: httpUrl.default("http://localhost:9090"),
  ALERTMANAGER_URLS: urlList.default(["http://localhost:9093"]),
  DATABASE_URL: z
    .string({ error: "is required (a postgresql:// connection string)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
  PROMETHEUS_TIMEOUT_MS: milliseconds(10_000),
  ALERTMANAGER_TIMEOUT_MS: milliseconds(10_000),
  DATABASE_TIMEOUT_MS: milliseconds(5_000),
  VIGIL_PUBLIC_URL: httpUrl.optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Every setting Vigil reads, with its meaning; the README's configuration table mirrors this. */
export const ENV_DOCS: Record<keyof Env, string> = {
  PROMETHEUS_URL: "Base URL of the Prometheus HTTP API (Prometheus, Thanos Query, Mimir, VictoriaMetrics).",
  ALERTMANAGER_URLS: "Comma-separated base URLs of every Alertmanager in the cluster (API v2).",
  DATABASE_URL: "Postgres connection string for runbooks, acknowledgements and the audit log.",
  PROMETHEUS_TIMEOUT_MS: "How long a Prometheus request may take before it is abandoned.",
  ALERTMANAGER_TIMEOUT_MS: "How long an Alertmanager request may take before it is abandoned.",
  DATABASE_TIMEOUT_MS: "How long connecting to Postgres may take.",
  VIGIL_PUBLIC_URL: "The URL people use to reach the console, used in links Vigil generates.",
};

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses settings from a plain object; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = present[name];
      const shown = value === undefined ? "" : ` (got "${redact(name, value)}")`;
      return `${name} ${issue.message}${shown}`;
    }),
  );
}

let cached: Env | undefined;

/** The validated settings of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function redact(name: string, value: string): string {
  if (name !== "DATABASE_URL") return value;
  return value.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
