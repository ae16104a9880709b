import fc from "fast-check";
import type { ZodType } from "zod";

/** A request body as sent over the wire: text, or raw bytes (which may not be UTF-8). */
export type RawBody = string | Uint8Array<ArrayBuffer>;

const longText = fc.string({ minLength: 1100, maxLength: 4000 });

/** Any JSON-ish value that no field of ours accepts as is: wrong types, huge strings, deep nesting. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  longText,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 8 }),
);

function accepts(schema: ZodType, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return schema.safeParse(value).success;
}

/**
 * Bodies the schema must refuse: objects with the right keys holding junk (some keys missing,
 * unknown keys added), plausible values mixed with junk, other JSON values, text that is not JSON
 * (including truncated objects), bytes that are not UTF-8, and bodies past the size limit.
 * `fields` gives a plausible value per key, so generated objects come close to valid ones.
 */
export function malformedBodies(schema: ZodType, fields: Record<string, fc.Arbitrary<unknown>>, options: { allowEmpty?: boolean } = {}): fc.Arbitrary<RawBody> {
  const fieldValue = (plausible: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: plausible, weight: 2 }, { arbitrary: junkValue, weight: 3 });
  const nearlyValid = fc.record(Object.fromEntries(Object.entries(fields).map(([key, plausible]) => [key, fieldValue(plausible)])), {
    requiredKeys: [],
  });
  const withExtraKeys = fc
    .tuple(nearlyValid, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), junkValue, { minKeys: 1, maxKeys: 3 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
  const objects = fc.oneof(nearlyValid, withExtraKeys, fc.jsonValue({ maxDepth: 6 }), junkValue).map((value) => JSON.stringify(value) ?? "");
  const notJson = fc.oneof(
    fc.string({ maxLength: 200 }),
    nearlyValid.chain((value) => {
      const text = JSON.stringify(value);
      return fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((end) => text.slice(0, end));
    }),
    fc.constantFrom("{", "[", '{"a":', "{'single': 'quotes'}", "NaN", "undefined", "{,}", "\u0000", '{"__proto__": {"admin": true}'),
  );
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((array): Uint8Array<ArrayBuffer> => new Uint8Array(array));
  const tooLarge = fc.integer({ min: 64 * 1024, max: 90 * 1024 }).map((size) => JSON.stringify({ ...Object.fromEntries(Object.keys(fields).map((key) => [key, "x".repeat(size)])) }));
  return fc
    .oneof({ arbitrary: objects, weight: 5 }, { arbitrary: notJson, weight: 3 }, { arbitrary: bytes, weight: 1 }, { arbitrary: tooLarge, weight: 1 })
    .filter((body) => {
      const text = typeof body === "string" ? body : decodeUtf8(body);
      if (text === undefined) return true;
      if (text.trim() === "") return !options.allowEmpty;
      return !accepts(schema, text);
    });
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
