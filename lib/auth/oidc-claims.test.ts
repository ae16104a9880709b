import { describe, expect, it } from "vitest";
import { identityFromClaims, parseGroupsClaim } from "./oidc-claims";
import { parseRoleGroups, roleFromGroups } from "./roles";

describe("parseGroupsClaim", () => {
  it("reads a JSON array of names", () => {
    expect(parseGroupsClaim(["oncall", "vigil-admins"])).toEqual(["oncall", "vigil-admins"]);
  });

  it("reads one comma-separated string", () => {
    expect(parseGroupsClaim("oncall, sre ,vigil-admins")).toEqual(["oncall", "sre", "vigil-admins"]);
    expect(parseGroupsClaim("oncall")).toEqual(["oncall"]);
  });

  it("trims, drops blanks and duplicates, keeps order", () => {
    expect(parseGroupsClaim([" sre ", "", "oncall", "sre", "  "])).toEqual(["sre", "oncall"]);
    expect(parseGroupsClaim(",,sre,,")).toEqual(["sre"]);
  });

  it("ignores what is not a name", () => {
    expect(parseGroupsClaim(["oncall", 7, null, { name: "admins" }, ["nested"]])).toEqual(["oncall"]);
  });

  it.each([undefined, null, 42, true, { groups: ["oncall"] }, ""])("reads %j as no groups", (value) => {
    expect(parseGroupsClaim(value)).toEqual([]);
  });

  it("feeds roleFromGroups either way", () => {
    const mapping = parseRoleGroups("admin=vigil-admins;responder=oncall");
    expect(roleFromGroups(parseGroupsClaim("staff,oncall"), mapping, undefined)).toBe("responder");
    expect(roleFromGroups(parseGroupsClaim(["staff"]), mapping, "viewer")).toBe("viewer");
    expect(roleFromGroups(parseGroupsClaim(undefined), mapping, undefined)).toBeUndefined();
  });
});

describe("identityFromClaims", () => {
  it("reads subject, lower-cased email, name and groups from the configured claim", () => {
    expect(
      identityFromClaims({ sub: "u-1", email: " Dana@Example.COM ", name: "Dana", roles: "oncall,sre", groups: ["ignored"] }, "roles"),
    ).toEqual({ ok: true, identity: { subject: "u-1", email: "dana@example.com", name: "Dana", groups: ["oncall", "sre"] } });
  });

  it("names the person by preferred_username, then email, when there is no name", () => {
    const byUsername = identityFromClaims({ sub: "u-1", email: "d@example.com", preferred_username: "dana" }, "groups");
    expect(byUsername.ok && byUsername.identity.name).toBe("dana");
    const byEmail = identityFromClaims({ sub: "u-1", email: "d@example.com", name: "  " }, "groups");
    expect(byEmail.ok && byEmail.identity).toMatchObject({ name: "d@example.com", groups: [] });
  });

  it.each([{}, { email: null }, { email: "" }])("refuses a missing email (%j)", (extra) => {
    expect(identityFromClaims({ sub: "u-1", ...extra }, "groups")).toEqual({ ok: false, problem: "email", detail: "no email claim for subject u-1" });
  });

  it("refuses an email that is not one", () => {
    expect(identityFromClaims({ sub: "u-1", email: "not an email" }, "groups")).toMatchObject({ ok: false, problem: "email" });
    expect(identityFromClaims({ sub: "u-1", email: ["a@example.com"] }, "groups")).toMatchObject({ ok: false, problem: "email" });
  });

  it("refuses an email the provider marks unverified, as a boolean or a string", () => {
    expect(identityFromClaims({ sub: "u-1", email: "d@example.com", email_verified: false }, "groups")).toMatchObject({ ok: false, problem: "email_unverified" });
    expect(identityFromClaims({ sub: "u-1", email: "d@example.com", email_verified: "false" }, "groups")).toMatchObject({ ok: false, problem: "email_unverified" });
    expect(identityFromClaims({ sub: "u-1", email: "d@example.com", email_verified: "true" }, "groups").ok).toBe(true);
  });

  it("refuses claims without a subject", () => {
    expect(identityFromClaims({ email: "d@example.com" }, "groups")).toMatchObject({ ok: false, problem: "subject" });
    expect(identityFromClaims({ sub: "", email: "d@example.com" }, "groups")).toMatchObject({ ok: false, problem: "subject" });
  });
});
