import { describe, expect, it } from "vitest";
import { checkCsrf, CSRF_REFUSAL, hasBearerToken, isStateChanging, type CsrfCheckInput } from "./csrf";

/** A browser POST from the console's own page at http://localhost:3000, without VIGIL_PUBLIC_URL. */
function post(overrides: Partial<CsrfCheckInput> = {}): CsrfCheckInput {
  return {
    method: "POST",
    origin: "http://localhost:3000",
    secFetchSite: "same-origin",
    host: "localhost:3000",
    forwardedHost: null,
    forwardedProto: "http",
    publicUrl: undefined,
    hasBearerToken: false,
    ...overrides,
  };
}

function reason(input: CsrfCheckInput): string {
  const result = checkCsrf(input);
  if (result.ok) throw new Error("expected a refusal");
  return result.reason;
}

describe("checkCsrf", () => {
  describe("safe methods", () => {
    it.each(["GET", "HEAD", "OPTIONS", "get"])("lets %s through from any origin", (method) => {
      expect(checkCsrf(post({ method, origin: "https://evil.example", secFetchSite: "cross-site" }))).toEqual({ ok: true });
    });
  });

  describe("Origin header", () => {
    it("allows a same-origin POST", () => {
      expect(checkCsrf(post())).toEqual({ ok: true });
    });

    it.each(["POST", "PUT", "PATCH", "DELETE", "delete", "PROPFIND"])("refuses a cross-site %s, naming both origins", (method) => {
      expect(reason(post({ method, origin: "https://evil.example", secFetchSite: "cross-site" }))).toMatch(
        /^Cross-site request refused: Origin https:\/\/evil\.example does not match http:\/\/localhost:3000 \(from the Host header\)/,
      );
    });

    it("says how to fix a reverse proxy that rewrites Host", () => {
      expect(reason(post({ origin: "https://vigil.example.com", host: "10.0.0.5:3000" }))).toContain(
        "Behind a reverse proxy, set VIGIL_PUBLIC_URL to the address people use, or have the proxy send X-Forwarded-Host and X-Forwarded-Proto.",
      );
    });

    it("refuses https from a TLS-terminating proxy that does not send X-Forwarded-Proto", () => {
      const input = post({ origin: "https://vigil.example.com", host: "vigil.example.com", forwardedHost: "vigil.example.com", forwardedProto: "http" });
      expect(reason(input)).toContain("does not match http://vigil.example.com (from the Host header)");
    });

    it("refuses a different port on the same host", () => {
      expect(reason(post({ origin: "http://localhost:4000" }))).toContain("does not match http://localhost:3000");
    });

    it("refuses a different scheme on the same host", () => {
      expect(reason(post({ origin: "https://localhost:3000" }))).toContain("does not match http://localhost:3000");
    });

    it("refuses a sibling subdomain (same site is not same origin)", () => {
      const input = post({ origin: "https://grafana.example.com", host: "vigil.example.com", forwardedProto: "https", secFetchSite: "same-site" });
      expect(reason(input)).toContain("does not match https://vigil.example.com");
    });

    it("refuses an Origin that merely starts with the console's", () => {
      expect(reason(post({ origin: "http://localhost:3000.evil.example" }))).toContain(CSRF_REFUSAL);
    });

    it("refuses an Origin that is not a URL, or two of them", () => {
      expect(checkCsrf(post({ origin: "localhost:3000" })).ok).toBe(false);
      expect(checkCsrf(post({ origin: "http://localhost:3000, https://evil.example" })).ok).toBe(false);
    });

    it("compares host names case-insensitively and ignores default ports", () => {
      expect(checkCsrf(post({ origin: "https://vigil.example.com", host: "VIGIL.example.com:443", forwardedProto: "https" }))).toEqual({ ok: true });
    });

    it("handles IPv6 hosts", () => {
      expect(checkCsrf(post({ origin: "http://[::1]:3000", host: "[::1]:3000" }))).toEqual({ ok: true });
    });
  });

  describe("VIGIL_PUBLIC_URL", () => {
    it("is the console's origin, whatever Host says (a proxy may rewrite it)", () => {
      const input = post({ origin: "https://vigil.example.com", host: "127.0.0.1:3000", publicUrl: "https://vigil.example.com/console" });
      expect(checkCsrf(input)).toEqual({ ok: true });
    });

    it("refuses the Host's origin when it differs, and names the setting", () => {
      expect(reason(post({ publicUrl: "https://vigil.example.com" }))).toBe(
        "Cross-site request refused: Origin http://localhost:3000 does not match https://vigil.example.com (VIGIL_PUBLIC_URL). " +
          "Open the console at https://vigil.example.com, or set VIGIL_PUBLIC_URL to the address you use.",
      );
    });
  });

  describe("reverse proxy headers", () => {
    it("uses X-Forwarded-Host and X-Forwarded-Proto when there is no VIGIL_PUBLIC_URL", () => {
      const input = post({ origin: "https://vigil.example.com", host: "127.0.0.1:3000", forwardedHost: "vigil.example.com", forwardedProto: "https" });
      expect(checkCsrf(input)).toEqual({ ok: true });
    });

    it("takes the first value of a proxy chain", () => {
      const input = post({
        origin: "https://vigil.example.com",
        host: "127.0.0.1:3000",
        forwardedHost: "vigil.example.com, internal-lb:8080",
        forwardedProto: "https, http",
      });
      expect(checkCsrf(input)).toEqual({ ok: true });
    });

    it("names X-Forwarded-Host when it is the source of a mismatch", () => {
      expect(reason(post({ origin: "https://evil.example", forwardedHost: "vigil.example.com" }))).toContain("(from the X-Forwarded-Host header)");
    });

    it("refuses when no origin can be worked out, asking for VIGIL_PUBLIC_URL", () => {
      expect(reason(post({ host: null }))).toContain("set VIGIL_PUBLIC_URL");
      expect(reason(post({ host: "evil.example/@localhost:3000" }))).toContain("cannot tell its own origin");
    });
  });

  describe("without an Origin header", () => {
    it("allows Sec-Fetch-Site: same-origin", () => {
      expect(checkCsrf(post({ origin: null, secFetchSite: "same-origin" }))).toEqual({ ok: true });
    });

    it.each(["cross-site", "same-site", "none"])("refuses Sec-Fetch-Site: %s", (site) => {
      expect(reason(post({ origin: null, secFetchSite: site }))).toBe(
        `Cross-site request refused: the browser sent this POST from another site (Sec-Fetch-Site: ${site}, no Origin header)`,
      );
    });

    it("treats Origin null as absent and falls back to Sec-Fetch-Site", () => {
      expect(checkCsrf(post({ origin: "null", secFetchSite: "same-origin" }))).toEqual({ ok: true });
      expect(reason(post({ origin: "null", secFetchSite: "cross-site" }))).toContain("Sec-Fetch-Site: cross-site, Origin null");
      expect(reason(post({ origin: "null", secFetchSite: null }))).toContain("Origin null and no Sec-Fetch-Site header");
    });

    it("refuses when neither header is there, pointing scripts at bearer tokens", () => {
      expect(reason(post({ method: "DELETE", origin: null, secFetchSite: null }))).toBe(
        "Cross-site request refused: a DELETE with neither an Origin nor a Sec-Fetch-Site header cannot be told apart from a forged one; " +
          'send it from the console in a browser, or authenticate a script with an "Authorization: Bearer <API token>" header',
      );
    });

    it("treats empty headers as missing", () => {
      expect(checkCsrf(post({ origin: "", secFetchSite: " " })).ok).toBe(false);
    });
  });

  describe("bearer tokens", () => {
    it("lets a request with a bearer token through without Origin (a script)", () => {
      expect(checkCsrf(post({ origin: null, secFetchSite: null, hasBearerToken: true }))).toEqual({ ok: true });
    });

    it("leaves a cross-origin request with a bearer token to the token check (no cookie authority)", () => {
      expect(checkCsrf(post({ origin: "https://ci.example", hasBearerToken: true }))).toEqual({ ok: true });
    });
  });
});

describe("hasBearerToken", () => {
  it("recognises a bearer token, whatever the scheme's case", () => {
    expect(hasBearerToken("Bearer vgl_abc123")).toBe(true);
    expect(hasBearerToken("bearer vgl_abc123")).toBe(true);
  });

  it("does not count other schemes or an empty token", () => {
    expect(hasBearerToken(null)).toBe(false);
    expect(hasBearerToken("Basic dXNlcjpwYXNz")).toBe(false);
    expect(hasBearerToken("Bearer")).toBe(false);
    expect(hasBearerToken("Bearer   ")).toBe(false);
    expect(hasBearerToken("Bearertoken")).toBe(false);
    // lib/auth/authenticate.ts would not read this as a token and would fall back to the cookie.
    expect(hasBearerToken("Bearer two tokens")).toBe(false);
  });
});

describe("isStateChanging", () => {
  it("counts everything but GET, HEAD and OPTIONS", () => {
    expect(["GET", "HEAD", "OPTIONS", "options"].map(isStateChanging)).toEqual([false, false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "MKCOL"].map(isStateChanging)).toEqual([true, true, true, true, true]);
  });
});
