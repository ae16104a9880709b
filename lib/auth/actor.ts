import type { Role } from "./roles";

/** Who is making a request, however they proved it. */
export interface Actor {
  type: "user" | "token";
  /** The user's id, or the API token's id. */
  id: string;
  /** A person's name or email; a token's "name (token)". */
  name: string;
  email?: string;
  role: Role;
  /** The user behind a token, or the user themself. */
  userId: string;
  via: "session" | "token" | "proxy";
}

/** What a request carries that can identify its sender, read from headers and cookies. */
export interface RequestCredentials {
  authorization?: string | null;
  sessionToken?: string | null;
  /** The TCP peer as the console's own server saw it (never a client-supplied header). */
  peerAddress?: string | null;
  forwardedUser?: string | null;
  forwardedEmail?: string | null;
  forwardedGroups?: string | null;
  /** The first X-Forwarded-For hop, believed only from a trusted proxy. */
  forwardedFor?: string | null;
  userAgent?: string | null;
}
