import type { OidcTestAccount } from "./oidc-provider.ts";

// The test stack's single sign-on: who exists at its OpenID Connect provider, and how the
// console is told to map their groups. Shared by stack.ts (which starts the provider) and the
// e2e tests (which sign in as these people).

export const TEST_OIDC_CLIENT_ID = "vigil-console";
export const TEST_OIDC_CLIENT_SECRET = "vigil-test-oidc-client-secret";
export const TEST_OIDC_DISPLAY_NAME = "Test IdP";
export const TEST_OIDC_ROLE_GROUPS = "admin=vigil-admins;responder=oncall";

/** Login name at the provider (also the OIDC subject) to the claims it releases. Names not listed here get no email. */
export const TEST_OIDC_ACCOUNTS = {
  /** In "oncall": a responder. */
  dana: { email: "dana.oncall@idp.test", name: "Dana Oncall", groups: ["staff", "oncall"] },
  /** No mapped group, sent as one comma-separated string: VIGIL_DEFAULT_ROLE (viewer). */
  sam: { email: "sam.staff@idp.test", name: "Sam Staff", groups: "staff,contractors" },
  /** In "vigil-admins"; a test gives them a password account first, which the sign-in links. */
  lee: { email: "lee.linked@idp.test", name: "Lee Linked", groups: ["vigil-admins"] },
  /** In "oncall"; a test gives them a disabled account first, which the sign-in must refuse. */
  dee: { email: "dee.disabled@idp.test", name: "Dee Disabled", groups: ["oncall"] },
} satisfies Record<string, OidcTestAccount>;

/** Every test account's email ends with this, so a test can clean up the users they became. */
export const TEST_OIDC_EMAIL_DOMAIN = "@idp.test";
