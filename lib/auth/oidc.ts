import "server-only";
import * as client from "openid-client";
import { db } from "@/lib/db";
import { recordAudit, recordAuditNow } from "@/lib/data/audit";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { identityFromClaims, type OidcIdentity } from "./oidc-claims";
import { noRoleMessage, oidcErrorMessage, OidcSignInError, type OidcErrorCode } from "./oidc-errors";
import { openPendingSignIn, sealPendingSignIn } from "./oidc-state";
import { roleFromGroups, type Role } from "./roles";
import { createSession } from "./sessions";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  groupsClaim: string;
  displayName: string;
}

/** The OIDC settings when single sign-on is configured (env.ts makes sure all three are set together). */
export function oidcSettings(): OidcSettings | undefined {
  const settings = env();
  const { OIDC_ISSUER_URL: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = settings;
  if (!issuer || !clientId || !clientSecret) return undefined;
  return { issuer, clientId, clientSecret, groupsClaim: settings.OIDC_GROUPS_CLAIM, displayName: settings.OIDC_DISPLAY_NAME };
}

function requireSettings(): OidcSettings {
  const settings = oidcSettings();
  if (!settings) throw new OidcSignInError("not_configured", oidcErrorMessage("not_configured", "single sign-on"));
  return settings;
}

const DISCOVERY_TIMEOUT_SECONDS = 10;
const cacheKey = Symbol.for("vigil.oidc.configuration");

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Discovers the provider (/.well-known/openid-configuration) and builds the client
 * configuration. Plain http is allowed only on loopback, where tokens never cross a network.
 */
async function discover(settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === "http:";
  if (insecure && !isLoopback(issuer.hostname)) {
    throw new OidcSignInError(
      "unavailable",
      oidcErrorMessage("unavailable", settings.displayName),
      `OIDC_ISSUER_URL ${settings.issuer} uses http://, which is only allowed on loopback; use the provider's https:// issuer`,
    );
  }
  const execute = insecure ? [client.allowInsecureRequests] : [];
  try {
    const discovered = await client.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      client.ClientSecretBasic(settings.clientSecret),
      { execute, timeout: DISCOVERY_TIMEOUT_SECONDS },
    );
    // client_secret_basic is the default every provider must support, unless it says otherwise.
    const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported;
    const configuration =
      methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
        ? new client.Configuration(discovered.serverMetadata(), settings.clientId, settings.clientSecret, client.ClientSecretPost(settings.clientSecret))
        : discovered;
    for (const enable of execute) enable(configuration);
    configuration.timeout = DISCOVERY_TIMEOUT_SECONDS;
    return configuration;
  } catch (error) {
    throw new OidcSignInError(
      "unavailable",
      `${settings.displayName} at ${settings.issuer} could not be reached: ${describe(error)}. Try again in a minute.`,
      `discovery at ${settings.issuer} failed: ${describe(error)}`,
    );
  }
}

/**
 * The provider's configuration, discovered once per process (on globalThis: Next.js may load
 * this module once per route bundle). A failed discovery is not kept, so the next sign-in retries.
 */
function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const holder = globalThis as typeof globalThis & { [cacheKey]?: Promise<client.Configuration> };
  const cached = holder[cacheKey];
  if (cached) return cached;
  const discovering = discover(settings);
  holder[cacheKey] = discovering;
  discovering.catch(() => {
    if (holder[cacheKey] === discovering) delete holder[cacheKey];
  });
  return discovering;
}

/** The scopes to ask for: the standard ones, and the groups scope when the provider has one. */
function scopesFor(configuration: client.Configuration, groupsClaim: string): string {
  const supported = configuration.serverMetadata().scopes_supported ?? [];
  const groups = [...new Set([groupsClaim, "groups"])].filter((scope) => supported.includes(scope));
  return ["openid", "email", "profile", ...groups].join(" ");
}

export interface StartedSignIn {
  /** Where to send the browser: the provider's authorization endpoint. */
  authorizationUrl: URL;
  /** The sealed state, nonce, PKCE verifier, redirect URI and `next`, for the OIDC state cookie. */
  stateCookie: string;
}

/**
 * Starts an authorization code flow with PKCE, state and nonce. `next` must already be a
 * validated local path; `callbackUrl` is where the provider sends the browser back.
 */
export async function startOidcSignIn(next: string, callbackUrl: string): Promise<StartedSignIn> {
  const settings = requireSettings();
  const configuration = await oidcConfiguration(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl,
    scope: scopesFor(configuration, settings.groupsClaim),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const stateCookie = await sealPendingSignIn({ state, nonce, codeVerifier, next, redirectUri: callbackUrl }, settings.clientSecret);
  return { authorizationUrl, stateCookie };
}

export type OidcSignInResult =
  | { ok: true; token: string; expiresAt: Date; next: string }
  | { ok: false; code: OidcErrorCode; message: string };

export interface RequestMeta {
  address: string | null;
  userAgent: string | null;
}

/**
 * Finishes a sign-in at the callback: checks the sealed state cookie against the callback's
 * `state`, exchanges the code (PKCE verifier, nonce and ID token checked by openid-client),
 * reads the identity, maps its groups to a role, finds, links or creates the user and starts a
 * session. Every outcome is audited; a refusal comes back with a code and a message for the page.
 */
export async function finishOidcSignIn(callbackUrl: URL, cookieValue: string | undefined, meta: RequestMeta): Promise<OidcSignInResult> {
  let identity: OidcIdentity | undefined;
  let userId: string | undefined;
  try {
    const settings = requireSettings();
    const pending = await openPendingSignIn(cookieValue, settings.clientSecret);
    if (!pending.ok) {
      throw new OidcSignInError("state", oidcErrorMessage("state", settings.displayName), `sign-in state cookie ${pending.reason}`);
    }
    const { state, nonce, codeVerifier, next, redirectUri } = pending.value;
    if (callbackUrl.searchParams.get("state") !== state) {
      throw new OidcSignInError("state", oidcErrorMessage("state", settings.displayName), "the state parameter does not match the sign-in cookie");
    }
    const providerError = callbackUrl.searchParams.get("error");
    if (providerError) {
      const description = callbackUrl.searchParams.get("error_description")?.slice(0, 300);
      throw new OidcSignInError(
        "denied",
        `${settings.displayName} did not let you sign in to Vigil${description ? `: ${description}` : ""}.`,
        `the provider answered ${providerError}${description ? `: ${description}` : ""}`,
      );
    }

    const configuration = await oidcConfiguration(settings);
    // The redirect_uri sent with the code must be the one the login used, whatever Host this request carries.
    const currentUrl = new URL(redirectUri);
    currentUrl.search = callbackUrl.search;
    const claims = await exchangeCode(configuration, currentUrl, { state, nonce, codeVerifier }, settings);

    const read = identityFromClaims(claims, settings.groupsClaim);
    if (!read.ok) {
      const code = read.problem === "subject" ? "failed" : read.problem;
      throw new OidcSignInError(code, oidcErrorMessage(code, settings.displayName), read.detail);
    }
    const signedIn = read.identity;
    identity = signedIn;
    const { VIGIL_ROLE_GROUPS, VIGIL_DEFAULT_ROLE } = env();
    const role = roleFromGroups(signedIn.groups, VIGIL_ROLE_GROUPS ?? new Map(), VIGIL_DEFAULT_ROLE === "none" ? undefined : VIGIL_DEFAULT_ROLE);
    if (!role) throw new OidcSignInError("no_role", noRoleMessage(signedIn.groups), `groups [${signedIn.groups.join(", ")}] map to no role`);

    const issuer = configuration.serverMetadata().issuer;
    const user = await provisionUser(issuer, signedIn, role, meta.address, settings.displayName);
    userId = user.id;
    const session = await createSession(user.id, meta);
    const actor: Actor = { type: "user", id: user.id, userId: user.id, name: user.name, email: signedIn.email, role: user.role, via: "session" };
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
      await recordAudit(tx, {
        actor,
        action: "auth.sign_in",
        targetType: "user",
        targetId: user.id,
        after: { method: "oidc", issuer, groups: signedIn.groups },
        address: meta.address,
      });
    });
    return { ok: true, token: session.token, expiresAt: session.expiresAt, next };
  } catch (error) {
    const failure =
      error instanceof OidcSignInError
        ? error
        : new OidcSignInError("failed", oidcErrorMessage("failed", oidcSettings()?.displayName ?? "single sign-on"), describe(error));
    if (!(error instanceof OidcSignInError)) console.error("OIDC sign-in failed", error);
    else if (error.code === "failed" || error.code === "unavailable") console.error(`OIDC sign-in failed: ${error.reason}`);
    await recordAuditNow({
      actor: { type: "anonymous", name: identity?.email ?? identity?.subject ?? "unknown" },
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: userId ?? identity?.email ?? "unknown",
      after: { method: "oidc", code: failure.code, reason: failure.reason },
      address: meta.address,
    }).catch((auditError: unknown) => console.error("Could not audit a failed OIDC sign-in", auditError));
    return { ok: false, code: failure.code, message: failure.message };
  }
}

/**
 * Exchanges the authorization code and returns the ID token's claims, completed from the
 * userinfo endpoint when the ID token lacks the email or the groups (most providers put only
 * `sub` in it unless configured otherwise). The ID token's own values win.
 */
async function exchangeCode(
  configuration: client.Configuration,
  currentUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
  settings: OidcSettings,
): Promise<Record<string, unknown>> {
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("the token response has no ID token");
    if ((idToken.email !== undefined && idToken[settings.groupsClaim] !== undefined) || !configuration.serverMetadata().userinfo_endpoint) {
      return { ...idToken };
    }
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { ...userinfo, ...idToken };
  } catch (error) {
    if (error instanceof OidcSignInError) throw error;
    throw new OidcSignInError("failed", oidcErrorMessage("failed", settings.displayName), `code exchange with ${settings.issuer} failed: ${describe(error)}`);
  }
}

interface SignedInUser {
  id: string;
  name: string;
  role: Role;
}

/**
 * Finds the user by (issuer, subject), else links the account with the same email (only when it
 * has no OIDC identity yet), else creates one; then sets the role the groups grant. Each change
 * is audited in the same transaction; a refusal throws and changes nothing.
 */
async function provisionUser(issuer: string, identity: OidcIdentity, role: Role, address: string | null, displayName: string): Promise<SignedInUser> {
  const system = { type: "system", name: `OIDC sign-in (${displayName})` } as const;
  const select = { id: true, name: true, email: true, role: true, disabled: true, oidcIssuer: true, oidcSubject: true } as const;
  return db().$transaction(async (tx) => {
    // Serialise OIDC provisioning, so two first sign-ins of one person cannot both create them.
    await tx.$executeRaw`select pg_advisory_xact_lock(7152002)`;
    let user = await tx.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: identity.subject } }, select });
    if (!user) {
      const existing = await tx.user.findUnique({ where: { email: identity.email }, select });
      if (existing && existing.oidcSubject !== null) {
        throw new OidcSignInError(
          "conflict",
          oidcErrorMessage("conflict", displayName),
          `${identity.email} is linked to subject ${existing.oidcSubject} at ${existing.oidcIssuer ?? "?"}, not ${identity.subject} at ${issuer}`,
        );
      }
      if (existing?.disabled) throw new OidcSignInError("disabled", oidcErrorMessage("disabled", displayName), "account disabled");
      if (existing) {
        user = await tx.user.update({ where: { id: existing.id }, data: { oidcIssuer: issuer, oidcSubject: identity.subject }, select });
        await recordAudit(tx, {
          actor: system,
          action: "user.oidc_link",
          targetType: "user",
          targetId: user.id,
          before: { oidcIssuer: null, oidcSubject: null },
          after: { oidcIssuer: issuer, oidcSubject: identity.subject },
          address,
        });
      } else {
        const created = await tx.user.create({
          data: { email: identity.email, name: identity.name, role, oidcIssuer: issuer, oidcSubject: identity.subject },
          select,
        });
        await recordAudit(tx, {
          actor: system,
          action: "user.create",
          targetType: "user",
          targetId: created.id,
          after: { email: created.email, name: created.name, role, oidcIssuer: issuer, oidcSubject: identity.subject, groups: identity.groups },
          address,
        });
        return created;
      }
    }
    if (user.disabled) throw new OidcSignInError("disabled", oidcErrorMessage("disabled", displayName), "account disabled");
    if (user.role !== role) {
      const before = user.role;
      user = await tx.user.update({ where: { id: user.id }, data: { role }, select });
      await recordAudit(tx, {
        actor: system,
        action: "user.role_change",
        targetType: "user",
        targetId: user.id,
        before: { role: before },
        after: { role, groups: identity.groups },
        address,
      });
    }
    return user;
  });
}

function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  if (error instanceof OidcSignInError) return error.reason;
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
