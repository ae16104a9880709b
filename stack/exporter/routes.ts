import { INCIDENTS, isIncidentName, type IncidentName } from "./incidents.ts";

export type ExporterRequest =
  | { kind: "index" }
  | { kind: "targets" }
  | { kind: "state" }
  | { kind: "metrics"; job: string; instance: string }
  | { kind: "start-incident"; name: IncidentName; seconds: number | undefined }
  | { kind: "clear-incidents" }
  | { kind: "target-down"; job: string; instance: string; seconds: number }
  | { kind: "target-up"; job: string; instance: string };

export type Routed =
  | { ok: true; request: ExporterRequest }
  | { ok: false; status: 400 | 404 | 405; message: string; allow?: string };

/** A target taken down without ?seconds= stays down this long. */
export const DEFAULT_DOWN_SECONDS = 300;
const MAX_SECONDS = 7 * 24 * 3600;

/** Maps a request line to what the exporter should do, or to the 4xx it should answer. */
export function routeRequest(method: string, rawUrl: string, isTarget: (job: string, instance: string) => boolean): Routed {
  let url: URL;
  let segments: string[];
  try {
    url = new URL(rawUrl, "http://exporter.invalid");
    segments = url.pathname.split("/").filter((part) => part !== "").map((part) => decodeURIComponent(part));
  } catch {
    return { ok: false, status: 400, message: `malformed URL ${rawUrl}` };
  }
  const path = url.pathname;
  const [first, second, third, fourth, fifth] = segments;
  const only = (allowed: "GET" | "POST", request: ExporterRequest): Routed =>
    method === allowed || (allowed === "GET" && method === "HEAD")
      ? { ok: true, request }
      : { ok: false, status: 405, message: `${method} is not allowed on ${path}; use ${allowed}`, allow: allowed };
  const unknownTarget = (job: string, instance: string): Routed => ({
    ok: false,
    status: 404,
    message: `no target ${job}/${instance}; GET /targets.json lists them`,
  });

  if (segments.length === 0) return only("GET", { kind: "index" });
  if (segments.length === 1 && first === "targets.json") return only("GET", { kind: "targets" });
  if (segments.length === 2 && first === "-" && second === "state") return only("GET", { kind: "state" });
  if (segments.length === 3 && first === "metrics" && second !== undefined && third !== undefined) {
    return isTarget(second, third) ? only("GET", { kind: "metrics", job: second, instance: third }) : unknownTarget(second, third);
  }
  if (segments.length === 3 && first === "-" && second === "incidents" && third !== undefined) {
    if (third === "clear") return only("POST", { kind: "clear-incidents" });
    if (!isIncidentName(third)) {
      return { ok: false, status: 404, message: `no incident named ${third}; known: ${INCIDENTS.map((incident) => incident.name).join(", ")}` };
    }
    const seconds = parseSeconds(url.searchParams.get("seconds"));
    if (typeof seconds === "string") return { ok: false, status: 400, message: seconds };
    return only("POST", { kind: "start-incident", name: third, seconds });
  }
  if (segments.length === 5 && first === "-" && second === "targets" && third !== undefined && fourth !== undefined && (fifth === "down" || fifth === "up")) {
    if (!isTarget(third, fourth)) return unknownTarget(third, fourth);
    if (fifth === "up") return only("POST", { kind: "target-up", job: third, instance: fourth });
    const seconds = parseSeconds(url.searchParams.get("seconds"));
    if (typeof seconds === "string") return { ok: false, status: 400, message: seconds };
    return only("POST", { kind: "target-down", job: third, instance: fourth, seconds: seconds ?? DEFAULT_DOWN_SECONDS });
  }
  return { ok: false, status: 404, message: `nothing at ${path}; GET / lists what is` };
}

/** undefined when absent; a message when present but not a whole number of seconds in range. */
function parseSeconds(value: string | null): number | undefined | string {
  if (value === null) return undefined;
  const seconds = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS) {
    return `seconds must be a whole number from 1 to ${MAX_SECONDS}, got "${value}"`;
  }
  return seconds;
}
