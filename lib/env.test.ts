import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const minimal = { DATABASE_URL: "postgresql://vigil@127.0.0.1:5432/vigil" };

function issuesOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.issues;
    throw error;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("fills defaults around the one required setting", () => {
    expect(parseEnv(minimal)).toEqual({
      PROMETHEUS_URL: "http://localhost:9090",
      PROMETHEUS_SOURCES: [],
      ALERTMANAGER_URLS: ["http://localhost:9093"],
      DATABASE_URL: minimal.DATABASE_URL,
      PROMETHEUS_TIMEOUT_MS: 10_000,
      ALERTMANAGER_TIMEOUT_MS: 10_000,
      DATABASE_TIMEOUT_MS: 5_000,
      VIGIL_SESSION_IDLE_MINUTES: 720,
      VIGIL_SESSION_MAX_HOURS: 168,
      VIGIL_DEFAULT_ROLE: "viewer",
      OIDC_GROUPS_CLAIM: "groups",
      OIDC_DISPLAY_NAME: "single sign-on",
    });
  });

  it("splits the Alertmanager list, trims it and drops trailing slashes", () => {
    const parsed = parseEnv({ ...minimal, ALERTMANAGER_URLS: " http://am-0:9093/ , http://am-1:9093,, " });
    expect(parsed.ALERTMANAGER_URLS).toEqual(["http://am-0:9093", "http://am-1:9093"]);
  });

  it("reads named Prometheus sources and refuses bad ones with the pair at fault", () => {
    expect(parseEnv({ ...minimal, PROMETHEUS_SOURCES: " thanos=http://thanos:10902/ , vm=http://vm:8428" }).PROMETHEUS_SOURCES).toEqual([
      { name: "thanos", url: "http://thanos:10902" },
      { name: "vm", url: "http://vm:8428" },
    ]);
    expect(issuesOf({ ...minimal, PROMETHEUS_SOURCES: "Thanos=http://t:1" })[0]).toContain('"Thanos=http://t:1"');
    expect(issuesOf({ ...minimal, PROMETHEUS_SOURCES: "vm=ftp://vm" })[0]).toContain('source "vm"');
    expect(issuesOf({ ...minimal, PROMETHEUS_SOURCES: "default=http://x:1" })[0]).toContain("PROMETHEUS_URL");
    expect(issuesOf({ ...minimal, PROMETHEUS_SOURCES: "vm=http://a:1,vm=http://b:1" })[0]).toContain("twice");
    expect(issuesOf({ ...minimal, PROMETHEUS_SOURCES: "http://vm:8428" })[0]).toMatch(/^PROMETHEUS_SOURCES must list name=url/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...minimal, PROMETHEUS_URL: "  " }).PROMETHEUS_URL).toBe("http://localhost:9090");
  });

  it("names every bad variable in one error", () => {
    const issues = issuesOf({
      DATABASE_URL: "mysql://x",
      PROMETHEUS_URL: "localhost:9090",
      ALERTMANAGER_URLS: "http://ok:9093,ftp://nope",
      PROMETHEUS_TIMEOUT_MS: "ten",
    });
    expect(issues).toHaveLength(4);
    expect(issues.find((issue) => issue.startsWith("DATABASE_URL"))).toContain("postgresql://");
    expect(issues.find((issue) => issue.startsWith("PROMETHEUS_URL"))).toContain('got "localhost:9090"');
    expect(issues.some((issue) => issue.startsWith("ALERTMANAGER_URLS"))).toBe(true);
    expect(issues.find((issue) => issue.startsWith("PROMETHEUS_TIMEOUT_MS"))).toContain("milliseconds");
  });

  it("requires DATABASE_URL", () => {
    expect(issuesOf({})).toEqual([expect.stringMatching(/^DATABASE_URL is required/)]);
  });

  it("bounds timeouts", () => {
    expect(issuesOf({ ...minimal, ALERTMANAGER_TIMEOUT_MS: "5" })[0]).toContain("at least 100 ms");
    expect(issuesOf({ ...minimal, ALERTMANAGER_TIMEOUT_MS: "1.5" })[0]).toContain("whole number");
  });

  it("parses auth settings and insists on pairs", () => {
    const parsed = parseEnv({
      ...minimal,
      VIGIL_TRUSTED_PROXIES: "10.0.0.5, 192.168.0.0/16,::1",
      VIGIL_ROLE_GROUPS: "admin=ops;responder=oncall",
      VIGIL_ADMIN_EMAIL: "Admin@Example.com",
      VIGIL_ADMIN_PASSWORD: "a long enough password",
    });
    expect(parsed.VIGIL_TRUSTED_PROXIES).toEqual(["10.0.0.5", "192.168.0.0/16", "::1"]);
    expect(parsed.VIGIL_ROLE_GROUPS?.get("oncall")).toBe("responder");
    expect(parsed.VIGIL_ADMIN_EMAIL).toBe("admin@example.com");
    expect(issuesOf({ ...minimal, VIGIL_ADMIN_EMAIL: "a@b.co" })[0]).toMatch(/^VIGIL_ADMIN_PASSWORD must be set together/);
    expect(issuesOf({ ...minimal, OIDC_ISSUER_URL: "https://idp.example" })[0]).toMatch(/^OIDC_CLIENT_ID is required/);
    expect(issuesOf({ ...minimal, VIGIL_TRUSTED_PROXIES: "proxy.local" })[0]).toMatch(/^VIGIL_TRUSTED_PROXIES/);
    expect(issuesOf({ ...minimal, VIGIL_ROLE_GROUPS: "boss=x" })[0]).toMatch(/^VIGIL_ROLE_GROUPS .*role=group/);
  });

  it("never prints a database password", () => {
    const issues = issuesOf({ ...minimal, DATABASE_URL: "postgres://vigil:s3cret@db:5432/vigil", PROMETHEUS_URL: "nope" });
    expect(issues.join("\n")).not.toContain("s3cret");
    // A bad DATABASE_URL is quoted with its password masked.
    const bad = issuesOf({ DATABASE_URL: "mysql://vigil:s3cret@db/vigil" });
    expect(bad[0]).toContain("vigil:***@");
    expect(bad[0]).not.toContain("s3cret");
    const short = issuesOf({ ...minimal, VIGIL_ADMIN_EMAIL: "a@b.co", VIGIL_ADMIN_PASSWORD: "tiny-secret" });
    expect(short.join("\n")).not.toContain("tiny-secret");
  });
});
