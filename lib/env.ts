import { z } from "zod";
import { parseRoleGroups, ROLES } from "./auth/roles";
import { parseDuration } from "./silences/duration";

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

/** Source names as they appear in dashboards, SLO files and URLs. */
export const SOURCE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Extra Prometheus-API sources: `name=url` pairs, comma-separated (thanos=http://thanos:10902,vm=http://vm:8428). */
const sourceList = z.string().transform((value, ctx) => {
  const sources: Array<{ name: string; url: string }> = [];
  for (const part of value.split(",").map((item) => item.trim()).filter(Boolean)) {
    const at = part.indexOf("=");
    const name = at > 0 ? part.slice(0, at).trim() : "";
    const url = at > 0 ? part.slice(at + 1).trim() : "";
    if (!SOURCE_NAME_PATTERN.test(name)) {
      ctx.addIssue({ code: "custom", message: `must list name=url pairs with lower-case names (letters, digits, - and _): "${part}"` });
      return z.NEVER;
    }
    if (name === "default") {
      ctx.addIssue({ code: "custom", message: `cannot name a source "default": that is PROMETHEUS_URL` });
      return z.NEVER;
    }
    if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
      ctx.addIssue({ code: "custom", message: `gives source "${name}" a URL that is not http:// or https://: "${url}"` });
      return z.NEVER;
    }
    if (sources.some((source) => source.name === name)) {
      ctx.addIssue({ code: "custom", message: `names source "${name}" twice` });
      return z.NEVER;
    }
    sources.push({ name, url: stripTrailingSlash(url) });
  }
  return sources;
});

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
  PROMETHEUS_SOURCES: sourceList.default([]),
  ALERTMANAGER_URLS: urlList.default(["http://localhost:9093"]),
  DATABASE_URL: z
    .string({ error: "is required (a postgresql:// connection string)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string"),
  PROMETHEUS_TIMEOUT_MS: milliseconds(10_000),
  ALERTMANAGER_TIMEOUT_MS: milliseconds(10_000),
  DATABASE_TIMEOUT_MS: milliseconds(5_000),
  VIGIL_PUBLIC_URL: httpUrl.optional(),
  VIGIL_ADMIN_EMAIL: z.email("must be an email address").transform((email) => email.toLowerCase()).optional(),
  VIGIL_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  VIGIL_SESSION_IDLE_MINUTES: z.coerce.number({ error: "must be a number of minutes" }).int().min(5).max(43_200).default(720),
  VIGIL_SESSION_MAX_HOURS: z.coerce.number({ error: "must be a number of hours" }).int().min(1).max(8_760).default(168),
  VIGIL_TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: "must list IP addresses or CIDR ranges" })))
    .optional(),
  VIGIL_ROLE_GROUPS: z
    .string()
    .transform((value, ctx) => {
      try {
        return parseRoleGroups(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    })
    .optional(),
  VIGIL_DEFAULT_ROLE: z.enum([...ROLES, "none"], { error: `must be one of ${ROLES.join(", ")} or none` }).default("viewer"),
  OIDC_ISSUER_URL: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  OIDC_DISPLAY_NAME: z.string().min(1).default("single sign-on"),
  VIGIL_SILENCE_MAX_DURATION: z
    .string()
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (ms === undefined) {
        ctx.addIssue({ code: "custom", message: "must be a duration such as 12h, 7d or 2w (weeks, days, hours, minutes)" });
        return z.NEVER;
      }
      return ms;
    })
    .optional(),
}).superRefine((value, ctx) => {
  if ((value.VIGIL_ADMIN_EMAIL === undefined) !== (value.VIGIL_ADMIN_PASSWORD === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [value.VIGIL_ADMIN_EMAIL === undefined ? "VIGIL_ADMIN_EMAIL" : "VIGIL_ADMIN_PASSWORD"],
      message: "must be set together with the other of VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD",
    });
  }
  const oidc = [value.OIDC_ISSUER_URL, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
  if (oidc.some((part) => part !== undefined) && oidc.some((part) => part === undefined)) {
    const missing = (["OIDC_ISSUER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).find((name) => value[name] === undefined);
    ctx.addIssue({ code: "custom", path: [missing ?? "OIDC_ISSUER_URL"], message: "is required when any OIDC_ setting is set" });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Every setting Vigil reads, with its meaning; the README's configuration table mirrors this. */
export const ENV_DOCS: Record<keyof Env, string> = {
  PROMETHEUS_URL: "Base URL of the Prometheus HTTP API (Prometheus, Thanos Query, Mimir, VictoriaMetrics).",
  PROMETHEUS_SOURCES:
    "More Prometheus-API sources that dashboards, panels and SLOs may choose by name: thanos=http://thanos:10902,vm=http://vm:8428. PROMETHEUS_URL is the source named default.",
  ALERTMANAGER_URLS: "Comma-separated base URLs of every Alertmanager in the cluster (API v2).",
  DATABASE_URL: "Postgres connection string for runbooks, acknowledgements and the audit log.",
  PROMETHEUS_TIMEOUT_MS: "How long a Prometheus request may take before it is abandoned.",
  ALERTMANAGER_TIMEOUT_MS: "How long an Alertmanager request may take before it is abandoned.",
  DATABASE_TIMEOUT_MS: "How long connecting to Postgres may take.",
  VIGIL_PUBLIC_URL: "The URL people use to reach the console, used in links Vigil generates.",
  VIGIL_ADMIN_EMAIL: "With VIGIL_ADMIN_PASSWORD: the first admin, created at start-up while no user exists.",
  VIGIL_ADMIN_PASSWORD: "The first admin's password (at least 12 characters); only used while no user exists.",
  VIGIL_SESSION_IDLE_MINUTES: "A session unused for this long ends.",
  VIGIL_SESSION_MAX_HOURS: "A session ends this long after sign-in, however active.",
  VIGIL_TRUSTED_PROXIES: "Reverse-proxy mode: addresses or CIDR ranges of proxies (oauth2-proxy...) whose X-Forwarded-User/-Email/-Groups headers are trusted.",
  VIGIL_ROLE_GROUPS: "Which identity-provider groups grant which role: admin=vigil-admins;editor=ml-platform,sre;responder=oncall.",
  VIGIL_DEFAULT_ROLE: "The role of an OIDC or proxy user whose groups match nothing; none refuses them.",
  OIDC_ISSUER_URL: "OpenID Connect issuer (discovery at /.well-known/openid-configuration); enables single sign-on.",
  OIDC_CLIENT_ID: "The console's client id at the OpenID Connect provider.",
  OIDC_CLIENT_SECRET: "The console's client secret at the OpenID Connect provider.",
  OIDC_GROUPS_CLAIM: "The ID token claim that lists the person's groups.",
  OIDC_DISPLAY_NAME: "The provider's name on the sign-in button.",
  VIGIL_SILENCE_MAX_DURATION: "The longest silence anyone may create or extend through Vigil (e.g. 7d); unset, any length.",
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

/** Settings whose values must never appear in a message, a log or the browser. */
export const SECRET_SETTINGS = ["DATABASE_URL", "VIGIL_ADMIN_PASSWORD", "OIDC_CLIENT_SECRET"] as const;

function redact(name: string, value: string): string {
  if (name === "DATABASE_URL") return value.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  return SECRET_SETTINGS.some((secret) => secret === name) ? "***" : value;
}
