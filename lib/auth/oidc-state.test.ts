import { describe, expect, it } from "vitest";
import { OIDC_STATE_TTL_SECONDS, openNotice, openPendingSignIn, sealNotice, sealPendingSignIn, type PendingSignIn } from "./oidc-state";

const SECRET = "the-client-secret-shared-with-the-provider";
const pending: PendingSignIn = {
  state: "state-abc",
  nonce: "nonce-def",
  codeVerifier: "v".repeat(43),
  next: "/alerts?severity=critical",
  redirectUri: "http://localhost:3000/api/auth/oidc/callback",
};
const start = new Date("2026-11-21T10:00:00Z");
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

/** The same compact JWE with one character of the given segment changed. */
function tamper(token: string, segment: number): string {
  const parts = token.split(".");
  const part = parts[segment] ?? "";
  const index = Math.floor(part.length / 2);
  parts[segment] = `${part.slice(0, index)}${part[index] === "A" ? "B" : "A"}${part.slice(index + 1)}`;
  return parts.join(".");
}

describe("OIDC state cookie", () => {
  it("round-trips state, nonce, PKCE verifier, next and redirect URI", async () => {
    const sealed = await sealPendingSignIn(pending, SECRET, start);
    expect(await openPendingSignIn(sealed, SECRET, later(1))).toEqual({ ok: true, value: pending });
  });

  it("is encrypted: the verifier and nonce cannot be read from the cookie", async () => {
    const sealed = await sealPendingSignIn(pending, SECRET, start);
    expect(sealed.split(".")).toHaveLength(5);
    const decoded = sealed
      .split(".")
      .map((part) => Buffer.from(part, "base64url").toString("latin1"))
      .join("");
    expect(decoded).not.toContain(pending.codeVerifier);
    expect(decoded).not.toContain(pending.nonce);
  });

  it.each([
    ["protected header", 0],
    ["initialization vector", 2],
    ["ciphertext", 3],
    ["authentication tag", 4],
  ])("refuses a cookie whose %s was changed", async (_, segment) => {
    const sealed = await sealPendingSignIn(pending, SECRET, start);
    expect(await openPendingSignIn(tamper(sealed, segment), SECRET, later(1))).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a cookie sealed with another secret, or garbage", async () => {
    const sealed = await sealPendingSignIn(pending, "another-console-secret", start);
    expect(await openPendingSignIn(sealed, SECRET, later(1))).toEqual({ ok: false, reason: "invalid" });
    expect(await openPendingSignIn("not.a.jwe", SECRET, later(1))).toEqual({ ok: false, reason: "invalid" });
  });

  it("reports a missing cookie", async () => {
    expect(await openPendingSignIn(undefined, SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(await openPendingSignIn("", SECRET)).toEqual({ ok: false, reason: "missing" });
  });

  it(`expires after ${OIDC_STATE_TTL_SECONDS} seconds`, async () => {
    const sealed = await sealPendingSignIn(pending, SECRET, start);
    expect((await openPendingSignIn(sealed, SECRET, later(OIDC_STATE_TTL_SECONDS - 1))).ok).toBe(true);
    expect(await openPendingSignIn(sealed, SECRET, later(OIDC_STATE_TTL_SECONDS + 1))).toEqual({ ok: false, reason: "expired" });
  });

  it("does not open a notice as a state, nor the other way round", async () => {
    const notice = await sealNotice({ code: "no_role", message: "Your groups (staff) do not grant access to Vigil; ask an admin." }, SECRET, start);
    expect(await openPendingSignIn(notice, SECRET, later(1))).toEqual({ ok: false, reason: "invalid" });
    const state = await sealPendingSignIn(pending, SECRET, start);
    expect(await openNotice(state, SECRET, later(1))).toEqual({ ok: false, reason: "invalid" });
    expect(await openNotice(notice, SECRET, later(1))).toMatchObject({ ok: true, value: { code: "no_role" } });
    expect(await openNotice(notice, SECRET, later(61))).toEqual({ ok: false, reason: "expired" });
  });

  it("never keeps a next path that leaves the site", async () => {
    const sealed = await sealPendingSignIn({ ...pending, next: "//evil.example.com" }, SECRET, start);
    expect(await openPendingSignIn(sealed, SECRET, later(1))).toMatchObject({ ok: true, value: { next: "/" } });
  });
});
