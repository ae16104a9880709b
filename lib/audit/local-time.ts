/**
 * <input type="datetime-local"> speaks local wall-clock time without a zone ("2026-11-21T09:30");
 * URLs and the API speak ISO 8601 instants. These convert between the two in the browser's zone.
 */

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** An instant as a datetime-local value in the local zone, or "" when it does not parse. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (local zone) as an ISO instant, or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  // Without a zone, Date reads a date-time as local time (ECMAScript's date-time string format).
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
