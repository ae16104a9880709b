/** The session cookie's name; its value is a random token whose SHA-256 is the sessions row id. */
export const SESSION_COOKIE = "vigil_session";

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
}

/**
 * httpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send it with their
 * requests, Secure whenever the console is reached over https.
 */
export function sessionCookieOptions(expires: Date, https: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: https, path: "/", expires };
}
