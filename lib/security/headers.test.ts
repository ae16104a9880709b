import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildSecurityHeaders, NONCE_PATTERN } from "./headers";
import { createNonce } from "./nonce";

const NONCE = "cmFuZG9tLW5vbmNlLXZhbHVl";

/** The policy as a map of directive name to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("buildContentSecurityPolicy", () => {
  const production = directives(buildContentSecurityPolicy({ nonce: NONCE, development: false }));

  it("allows scripts only with the nonce, or loaded by one that has it", () => {
    expect(production.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
  });

  it("has no unsafe-eval or unsafe-inline for scripts in production", () => {
    const policy = buildContentSecurityPolicy({ nonce: NONCE, development: false });
    expect(policy).not.toContain("unsafe-eval");
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("adds unsafe-eval for scripts in development only", () => {
    const development = directives(buildContentSecurityPolicy({ nonce: NONCE, development: true }));
    expect(development.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
  });

  it("allows inline styles without a nonce, which would disable 'unsafe-inline'", () => {
    expect(production.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("locks down framing, plugins, base URLs, forms and connections", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
    expect(production.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("is one header line Next.js can read the nonce from", () => {
    const policy = buildContentSecurityPolicy({ nonce: NONCE, development: false });
    expect(policy).not.toMatch(/[\r\n]/);
    // The same parse as next/dist/server/app-render/get-script-nonce-from-header.js.
    const scriptSrc = policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src"));
    const nonce = scriptSrc?.split(/\s+/).map((source) => /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/.exec(source)?.[1]).find(Boolean);
    expect(nonce).toBe(NONCE);
  });

  it("refuses a nonce that Next.js would ignore or that could break the header", () => {
    expect(() => buildContentSecurityPolicy({ nonce: "abc'; script-src *", development: false })).toThrow(/not base64/);
    expect(() => buildContentSecurityPolicy({ nonce: "", development: false })).toThrow(/not base64/);
  });
});

describe("buildSecurityHeaders", () => {
  it("sets the policy with this request's nonce and the fixed headers", () => {
    const headers = buildSecurityHeaders({ nonce: NONCE, development: false, https: false });
    expect(headers["Content-Security-Policy"]).toContain(`'nonce-${NONCE}'`);
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    });
  });

  it("sends Strict-Transport-Security only over https", () => {
    expect(buildSecurityHeaders({ nonce: NONCE, development: false, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(buildSecurityHeaders({ nonce: NONCE, development: false, https: true })["Strict-Transport-Security"]).toBe("max-age=63072000");
  });
});

describe("createNonce", () => {
  it("makes 128-bit base64 nonces in the form Next.js reads", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(NONCE_PATTERN);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("never repeats", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
  });
});
