import { describe, expect, it } from "vitest";
import { isOidcErrorCode, noRoleMessage, OIDC_ERROR_CODES, oidcErrorMessage } from "./oidc-errors";

describe("OIDC sign-in errors", () => {
  it("names the groups that granted nothing", () => {
    expect(noRoleMessage(["staff", "contractors"])).toBe("Your groups (staff, contractors) do not grant access to Vigil; ask an admin.");
    expect(noRoleMessage([])).toBe("Your groups (none) do not grant access to Vigil; ask an admin.");
  });

  it("has a message for every code, naming the provider where it matters", () => {
    for (const code of OIDC_ERROR_CODES) expect(oidcErrorMessage(code, "Okta").length).toBeGreaterThan(10);
    expect(oidcErrorMessage("state", "Okta")).toContain("Okta");
  });

  it("recognises only its own codes", () => {
    expect(isOidcErrorCode("no_role")).toBe(true);
    expect(isOidcErrorCode("<script>")).toBe(false);
    expect(isOidcErrorCode(undefined)).toBe(false);
  });
});
