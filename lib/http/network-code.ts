/** The errno-style code of a network error, looking through undici's `cause` and AggregateError (IPv4 and IPv6 attempts). */
export function networkCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  if ("errors" in error && Array.isArray(error.errors)) {
    for (const inner of error.errors) {
      const code = networkCode(inner);
      if (code) return code;
    }
  }
  if ("cause" in error) return networkCode(error.cause);
  return undefined;
}
