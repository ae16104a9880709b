import { z } from "zod";
import type { JsonObject } from "./detect";

/*
 * Lenient readers for Grafana's JSON: fields change type across versions (numbers as strings, null for
 * unset, a string or an object for the same setting), so each field is parsed on its own and a value of
 * the wrong type reads as absent instead of failing the whole import.
 */

// Built once: constructing a zod schema costs far more than using it.
const objectSchema = z.record(z.string(), z.unknown());
const stringSchema = z.string();
const booleanSchema = z.boolean();
const arraySchema = z.array(z.unknown());
const numberLike = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/).transform(Number)]);

export function readObject(value: unknown): JsonObject | undefined {
  if (Array.isArray(value)) return undefined;
  const parsed = objectSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function field(object: JsonObject | undefined, key: string): unknown {
  return object ? object[key] : undefined;
}

export function readString(value: unknown): string | undefined {
  const parsed = stringSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A number, or a string holding one (Grafana stores axis bounds and thresholds either way). */
export function readNumber(value: unknown): number | undefined {
  const parsed = numberLike.safeParse(value);
  return parsed.success && Number.isFinite(parsed.data) ? parsed.data : undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  const parsed = booleanSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function readArray(value: unknown): unknown[] {
  const parsed = arraySchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export function readObjects(value: unknown): JsonObject[] {
  return readArray(value).flatMap((item) => {
    const object = readObject(item);
    return object ? [object] : [];
  });
}

export function readStrings(value: unknown): string[] {
  return readArray(value).flatMap((item) => {
    const text = readString(item);
    return text === undefined ? [] : [text];
  });
}

/** At most `max` characters, so long upstream text never fails our schema's length limits. */
export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
