import { randomBytes } from "node:crypto";
import http from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Account } from "oidc-provider";
import {
  TEST_OIDC_ACCOUNTS,
  TEST_OIDC_CLIENT_ID,
  TEST_OIDC_CLIENT_SECRET,
  TEST_OIDC_DISPLAY_NAME,
  TEST_OIDC_ROLE_GROUPS,
} from "./oidc-test-identities.ts";

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface OidcTestAccount {
  email: string;
  name: string;
  /** A list, or one comma-separated string as some providers send it. */
  groups: readonly string[] | string;
}

export interface OidcProviderOptions {
  /** 0 or absent: any free port. */
  port?: number;
  clients: OidcTestClient[];
  /** Login name (which becomes the subject) to the claims the provider releases. */
  accounts: Record<string, OidcTestAccount>;
}

export interface OidcProviderHandle {
  /** The issuer identifier, e.g. http://127.0.0.1:41234; discovery is under it. */
  issuer: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on loopback, for tests.
 *
 * People sign in through its built-in development pages: a login form that accepts any login
 * name and password, then a consent screen ("Continue"). A login name listed in `accounts` gets
 * that account's email, name and groups; any other name gets a subject and nothing else (no
 * email), which is how a test reaches "the provider shared no email". The authorization code flow
 * needs PKCE; no refresh tokens are issued (they need offline_access, which Vigil never asks for).
 * Like most providers in their default configuration, the ID token carries only `sub` and the
 * protocol claims; email, name and groups come from the userinfo endpoint.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProviderHandle> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "vigil-test", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      ...client,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    // Short lifetimes, set explicitly so the provider does not print a notice for each default.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    clientBasedCORS: () => false,
    findAccount: (_ctx, sub): Account => ({
      accountId: sub,
      claims: () => {
        const account = options.accounts[sub];
        if (!account) return { sub };
        return { sub, email: account.email, email_verified: true, name: account.name, groups: account.groups };
      },
    }),
  });
  server.on("request", provider.callback());

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The test stack's provider, with the console registered as a client whose callback is under
 * `consoleUrl`, and the settings that point the console at it.
 */
export async function startTestOidcProvider(consoleUrl: string): Promise<OidcProviderHandle & { consoleEnv: Record<string, string> }> {
  const provider = await startOidcProvider({
    clients: [
      { client_id: TEST_OIDC_CLIENT_ID, client_secret: TEST_OIDC_CLIENT_SECRET, redirect_uris: [`${consoleUrl}/api/auth/oidc/callback`] },
    ],
    accounts: TEST_OIDC_ACCOUNTS,
  });
  return {
    ...provider,
    consoleEnv: {
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: TEST_OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT_SECRET,
      OIDC_DISPLAY_NAME: TEST_OIDC_DISPLAY_NAME,
      VIGIL_ROLE_GROUPS: TEST_OIDC_ROLE_GROUPS,
    },
  };
}
