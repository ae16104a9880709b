// The part of oidc-provider's API that stack/oidc-provider.ts uses. The package ships no types
// (DefinitelyTyped has them, but they are not a dependency of Vigil).
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
  }

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): AccountClaims | Promise<AccountClaims>;
  }

  export interface JsonWebKey {
    kty?: string;
    kid?: string;
    alg?: string;
    use?: string;
    [parameter: string]: unknown;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: JsonWebKey[] };
    cookies?: { keys?: string[] };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    features?: Record<string, { enabled: boolean }>;
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    ttl?: Record<string, number>;
    clientBasedCORS?: (ctx: unknown, origin: string, client: unknown) => boolean;
    findAccount?: (ctx: unknown, sub: string, token?: unknown) => Promise<Account | undefined> | Account | undefined;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    /** The Koa request handler, for a Node.js http.Server. */
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
