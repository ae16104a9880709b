import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { emailOf, expect, test, type DemoRole } from "../fixtures/test.ts";
import { HTTP_METHODS, ROUTE_POLICY, SERVER_ACTION_POLICY, type Access, type HttpMethod } from "../../lib/auth/route-policy.ts";
import { ROLES, roleAtLeast, type Role } from "../../lib/auth/roles.ts";

// One table decides who may call what (ROUTE_POLICY); this file derives every route and method
// from the source tree, so a route added without an entry, or an entry left behind, fails here.

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ROUTE_FILE = /(^|\/)route\.(ts|tsx|js|mjs)$/;
/** Every method a route file can export; ROUTE_POLICY can only express HTTP_METHODS. */
const EXPORTABLE_METHODS = [...HTTP_METHODS, "HEAD", "OPTIONS"] as const;
const CSRF_REFUSAL = "Cross-site request refused";

interface RouteFile {
  /** Relative to the repository, e.g. app/api/alerts/route.ts. */
  file: string;
  /** The URL pattern, route groups removed, [param] segments kept: /api/admin/users/[id]. */
  pattern: string;
  methods: string[];
  /** The patterns the file passes to apiRoute(), which it looks itself up under. */
  apiRoutePatterns: string[];
}

function relativeFiles(dir: string, keep: (entry: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => !entry.includes("node_modules/") && keep(entry))
    .map((entry) => `${dir}/${entry}`)
    .sort();
}

/** Source text without comments, so a commented-out export does not count. */
function sourceOf(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

/** Names a module exports: declarations, `export { a as B }` lists and `export default`. */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\bexport\s+(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s*([A-Za-z_$][\w$]*)/g)) {
    if (match[1]) names.add(match[1]);
  }
  for (const match of source.matchAll(/\bexport\s*(?:type\s*)?\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? "").split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !part.trim().startsWith("type ")) names.add(name);
    }
  }
  if (/\bexport\s+default\b/.test(source)) names.add("default");
  return [...names];
}

/** app/(console)/api/x/[id]/route.ts -> /api/x/[id]: groups and parallel-route slots are not in the URL. */
function urlPatternOf(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

function routeFiles(): RouteFile[] {
  return relativeFiles("app", (entry) => ROUTE_FILE.test(entry)).map((file) => {
    const source = sourceOf(file);
    return {
      file,
      pattern: urlPatternOf(file),
      methods: exportedNames(source).filter((name) => EXPORTABLE_METHODS.some((method) => method === name)),
      apiRoutePatterns: [...source.matchAll(/\bapiRoute\s*(?:<[^>]*>)?\(\s*["'`]([^"'`]+)["'`]/g)].flatMap((match) => match[1] ?? []),
    };
  });
}

function isHttpMethod(name: string): name is HttpMethod {
  return HTTP_METHODS.some((method) => method === name);
}

/** Every (pattern, method) the source tree serves, with the access ROUTE_POLICY gives it. */
function routeMethods(): Array<{ pattern: string; method: HttpMethod; access: Access | undefined }> {
  return routeFiles().flatMap((route) =>
    route.methods.filter(isHttpMethod).map((method) => ({ pattern: route.pattern, method, access: ROUTE_POLICY[route.pattern]?.[method] })),
  );
}

/** Files whose first statement is the "use server" directive: every export is a Server Action. */
function serverActionFiles(): string[] {
  return ["app", "components", "lib"]
    .flatMap((dir) => relativeFiles(dir, (entry) => /\.(ts|tsx|js|mjs)$/.test(entry) && !entry.startsWith("generated/")))
    .filter((file) => /^\s*(["'])use server\1/.test(sourceOf(file)));
}

test.use({ signedInAs: null });

test.describe("authorization matrix: the policy table covers every route", () => {
  test("every method of every route handler has a ROUTE_POLICY entry", () => {
    const routes = routeMethods();
    // Not vacuous: the glob found the routes that have always been there.
    expect(routes.map((route) => `${route.method} ${route.pattern}`)).toEqual(
      expect.arrayContaining(["GET /api/health", "GET /metrics", "GET /api/auth/me", "POST /api/auth/sign-out"]),
    );
    const missing = routes.filter((route) => route.access === undefined).map((route) => `${route.method} ${route.pattern}`);
    expect(missing, "route methods with no entry in ROUTE_POLICY (lib/auth/route-policy.ts)").toEqual([]);
  });

  test("every ROUTE_POLICY entry has a route handler", () => {
    const served = new Set(routeMethods().map((route) => `${route.method} ${route.pattern}`));
    const stale = Object.entries(ROUTE_POLICY).flatMap(([pattern, methods]) =>
      Object.keys(methods)
        .map((method) => `${method} ${pattern}`)
        .filter((entry) => !served.has(entry)),
    );
    expect(stale, "ROUTE_POLICY entries that no app/**/route.ts serves").toEqual([]);
  });

  test("route handlers look themselves up under their own URL, and only non-public ones may skip apiRoute", () => {
    const problems = routeFiles().flatMap((route) => {
      const found: string[] = [];
      for (const used of route.apiRoutePatterns) {
        if (used !== route.pattern) found.push(`${route.file}: apiRoute("${used}") but the file serves ${route.pattern}`);
      }
      for (const method of route.methods) {
        if (!isHttpMethod(method)) found.push(`${route.file}: exports ${method}, which ROUTE_POLICY cannot express`);
        else if (route.apiRoutePatterns.length === 0 && ROUTE_POLICY[route.pattern]?.[method] !== "public") {
          found.push(`${route.file}: ${method} is not public but the file never calls apiRoute, so nothing checks the caller`);
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  test('every exported function of a "use server" file has a SERVER_ACTION_POLICY entry, and every entry an action', () => {
    const actions = serverActionFiles().flatMap((file) => exportedNames(sourceOf(file)).map((name) => `${file}#${name}`));
    expect(actions).toEqual(expect.arrayContaining(["app/sign-in/actions.ts#signIn", "app/setup/actions.ts#setUp"]));
    const missing = actions.filter((key) => SERVER_ACTION_POLICY[key] === undefined);
    expect(missing, "Server Actions with no entry in SERVER_ACTION_POLICY (lib/auth/route-policy.ts)").toEqual([]);
    const stale = Object.keys(SERVER_ACTION_POLICY).filter((key) => !actions.includes(key));
    expect(stale, "SERVER_ACTION_POLICY entries naming no exported action").toEqual([]);
  });
});

type Caller =
  | { label: string; kind: "anonymous" }
  | { label: string; kind: "expired token" | "revoked token" }
  | { label: string; kind: "session" | "token"; role: DemoRole };

const CALLERS: Caller[] = [
  { label: "anonymous", kind: "anonymous" },
  { label: "expired token", kind: "expired token" },
  { label: "revoked token", kind: "revoked token" },
  ...ROLES.map((role): Caller => ({ label: role, kind: "session", role })),
  ...ROLES.map((role): Caller => ({ label: `${role} token`, kind: "token", role })),
];

type Expected = "not 401/403" | "401" | "403";

function expectedFor(access: Access, caller: Caller): Expected {
  if (access === "public") return "not 401/403";
  if (caller.kind === "session" || caller.kind === "token") return roleAtLeast(caller.role, access) ? "not 401/403" : "403";
  return "401";
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite through \`npm test\` or \`npx playwright test\``);
  return value;
}

/** Credentials written straight into the test stack's database, each used once and deleted afterwards. */
class Credentials {
  private readonly sessionIds: string[] = [];
  private readonly tokenIds: string[] = [];

  private constructor(
    private readonly client: pg.Client,
    private readonly users: ReadonlyMap<Role, string>,
  ) {}

  static async open(): Promise<Credentials> {
    const client = new pg.Client({ connectionString: requiredEnv("VIGIL_TEST_DATABASE_URL") });
    await client.connect();
    const rows = z
      .array(z.object({ id: z.string(), email: z.string(), role: z.enum(ROLES) }))
      .parse((await client.query("select id, email, role from users where email = any($1)", [ROLES.map(emailOf)])).rows);
    const users = new Map<Role, string>();
    for (const role of ROLES) {
      const user = rows.find((row) => row.email === emailOf(role));
      if (user?.role !== role) throw new Error(`the demo user ${emailOf(role)} is missing or is not a ${role}`);
      users.set(role, user.id);
    }
    return new Credentials(client, users);
  }

  private userId(role: Role): string {
    const id = this.users.get(role);
    if (!id) throw new Error(`no demo ${role}`);
    return id;
  }

  /** A fresh session cookie value: a route may end the session it is called with (sign-out does). */
  async session(role: Role): Promise<string> {
    const token = `vgs_${randomBytes(32).toString("base64url")}`;
    await this.client.query(
      "insert into sessions (id, user_id, expires_at, user_agent) values ($1, $2, now() + interval '1 hour', 'authorization matrix')",
      [sha256(token), this.userId(role)],
    );
    this.sessionIds.push(sha256(token));
    return token;
  }

  /** An API token of `role` created by the demo user of that role, optionally already expired or revoked. */
  async token(role: Role, state: "valid" | "expired" | "revoked"): Promise<string> {
    const token = `vgl_${randomBytes(32).toString("base64url")}`;
    const result = await this.client.query(
      `insert into api_tokens (name, token_hash, prefix, role, created_by_id, expires_at, revoked_at)
       values ($1, $2, $3, $4::user_role, $5, $6, $7) returning id`,
      [
        `authorization matrix (${state})`,
        sha256(token),
        token.slice(0, 8),
        role,
        this.userId(role),
        new Date(Date.now() + (state === "expired" ? -60_000 : 3_600_000)),
        state === "revoked" ? new Date() : null,
      ],
    );
    const id = z.object({ id: z.string() }).parse(result.rows[0]).id;
    this.tokenIds.push(id);
    return token;
  }

  async close(): Promise<void> {
    try {
      await this.client.query("delete from sessions where id = any($1)", [this.sessionIds]);
      await this.client.query("delete from api_tokens where id = any($1)", [this.tokenIds]);
    } finally {
      await this.client.end();
    }
  }
}

/** A syntactically valid id that names nothing, for every [param], [...param] and [[...param]] segment. */
function concreteUrl(pattern: string, value: string): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?[^\]]+\]\]?/g, value);
}

function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("-|-"), ...rows.map(line)].join("\n");
}

test.describe("authorization matrix: every route, method and caller", () => {
  test("each caller gets exactly what its role allows", async ({ baseURL }) => {
    test.setTimeout(300_000);
    if (!baseURL) throw new Error("baseURL is not set");
    const origin = new URL(baseURL).origin;
    const routes = routeMethods().flatMap((route) => (route.access ? [{ ...route, access: route.access }] : []));
    const nonexistent = randomUUID();
    const credentials = await Credentials.open();
    const rows: string[][] = [];
    const failures: string[] = [];
    try {
      const expiredToken = await credentials.token("admin", "expired");
      const revokedToken = await credentials.token("admin", "revoked");
      for (const route of routes) {
        const url = concreteUrl(route.pattern, nonexistent);
        const cells: string[] = [];
        for (const caller of CALLERS) {
          // The console's own Origin, as its pages send it: the CSRF check (proxy.ts) would
          // otherwise refuse a cookie-carrying mutation before authorization is reached.
          const headers: Record<string, string> = { origin };
          if (caller.kind === "expired token") headers.authorization = `Bearer ${expiredToken}`;
          if (caller.kind === "revoked token") headers.authorization = `Bearer ${revokedToken}`;
          if (caller.kind === "token") headers.authorization = `Bearer ${await credentials.token(caller.role, "valid")}`;
          if (caller.kind === "session") headers.cookie = `vigil_session=${await credentials.session(caller.role)}`;
          const hasBody = route.method === "POST" || route.method === "PUT" || route.method === "PATCH";
          if (hasBody) headers["content-type"] = "application/json";

          // Plain fetch: no cookie jar, so nothing a response sets carries over to the next caller.
          // An unparseable body: a handler that gets this far must refuse it, so nothing is created.
          const response = await fetch(`${origin}${url}`, { method: route.method, headers, body: hasBody ? "{" : undefined, redirect: "manual" });
          const status = response.status;
          const body = await response.text();

          const expected = expectedFor(route.access, caller);
          const problem =
            expected === "not 401/403"
              ? status === 401 || status === 403
                ? `expected neither 401 nor 403, got ${status}: ${body.slice(0, 200)}`
                : undefined
              : status !== Number(expected)
                ? `expected ${expected}, got ${status}: ${body.slice(0, 200)}`
                : body.includes(CSRF_REFUSAL)
                  ? `the CSRF check refused it before authorization: ${body.slice(0, 200)}`
                  : expected === "403" && !new RegExp(`needs ${route.access}\\b`).test(body)
                    ? `the 403 does not name the role needed (${route.access}): ${body.slice(0, 200)}`
                    : undefined;
          if (problem) failures.push(`${route.method} ${route.pattern} as ${caller.label}: ${problem}`);
          cells.push(`${status}${problem ? " ✗" : ""}`);
        }
        rows.push([`${route.method} ${route.pattern}`, route.access, ...cells]);
      }
    } finally {
      await credentials.close();
    }

    const table = renderTable(["route", "needs", ...CALLERS.map((caller) => caller.label)], rows);
    console.log(`\nAuthorization matrix (status per caller; ✗ = not what the policy says)\n${table}\n`);
    await test.info().attach("authorization-matrix.txt", { body: table, contentType: "text/plain" });
    expect(rows.length).toBe(routes.length);
    expect(failures).toEqual([]);
  });
});
