import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerClient, type AlertmanagerClient } from "@/lib/alertmanager/client";
import { formatMatchers, matcherFromType, type MatchType } from "@/lib/alertmanager/matchers";
import type { LabelSet, Matcher, PostableAlert } from "@/lib/alertmanager/types";
import { UpstreamError } from "@/lib/errors";
import { eventually } from "@/lib/testing/eventually";
import { previewSilence } from "./preview";

/*
 * The preview must say exactly what the real Alertmanager does. A pool of alerts with generated
 * labels is posted once; then, for each generated matcher set, a silence is created, Alertmanager
 * is asked which pool alerts it now marks as silenced by it, and the silence is expired. Sets our
 * validation refuses must be refused by Alertmanager too.
 */

const RUNS = 220;
const run = randomUUID();
const RUN_LABEL = "vigil_conformance";
const runMatcher = matcherFromType(RUN_LABEL, "=", run);

let client: AlertmanagerClient;
const pool: Array<{ labels: LabelSet }> = [];
const created: string[] = [];

const NAMES = ["a", "b", "c"] as const;
/** Values chosen to make anchoring, case, the empty string and regex metacharacters matter. */
const VALUES = ["", "x", "xy", "yx", "foo", "foobar", "barfoo", "Foo", "FOO", "a.b", "axb", "a-b", "1", "10", "x y", "é", "foo|bar", ".", "a\rb", "A.B", "a\u00a0b"];
/** Regex pieces valid in Go's RE2 and JavaScript alike. */
const REGEX_ATOMS = [
  "", ".*", ".+", ".", "x", "y", "x.*", ".*y", "foo", "bar", "foo|bar", "fo+", "(foo)?bar", "[a-z]+", "[0-9]*", "1|10", "a\\.b", "a.b",
  "x|", "(?i)foo", "F.*", "^foo$", "foo$|^bar", "x?y?", "\\d+", "\\w+", "[^x]*", " ", "é", "\\|", "(a|b)", "[.]", "x{2}", "o{1,2}",
  "(?i:a)", "(?i)b", "[[:digit:]]+", "\\Qa.b\\E", "a\\sb", "a.b", "(?s).*", "[[:upper:]]", "\\z",
];
/** Regexes both refuse. */
const INVALID_REGEXES = ["(", "[a-", "x{2,1}", "a**", "foo(", "*x"];

const labelSet = fc.record(
  Object.fromEntries(NAMES.map((name) => [name, fc.option(fc.constantFrom(...VALUES), { nil: undefined, freq: 3 })])),
  { requiredKeys: [] },
);

const regexValue = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...REGEX_ATOMS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")), weight: 12 },
  { arbitrary: fc.constantFrom(...INVALID_REGEXES), weight: 1 },
);
const matcher: fc.Arbitrary<Matcher> = fc
  .tuple(fc.constantFrom(...NAMES, "missing"), fc.constantFrom<MatchType>("=", "!=", "=~", "!~"))
  .chain(([name, type]) =>
    (type === "=~" || type === "!~" ? regexValue : fc.constantFrom(...VALUES)).map((value) => matcherFromType(name, type, value)),
  );
const matcherSet = fc.array(matcher, { minLength: 1, maxLength: 3 });

function alertFor(labels: LabelSet, index: number, endsAt: Date): PostableAlert {
  return { labels: { ...labels, [RUN_LABEL]: run, idx: String(index) }, startsAt: new Date().toISOString(), endsAt: endsAt.toISOString() };
}

beforeAll(async () => {
  const urls = (process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "").split(",").filter(Boolean);
  const first = urls[0];
  if (!first) throw new Error("VIGIL_TEST_ALERTMANAGER_URLS is not set: the integration project's global setup provides it");
  client = createAlertmanagerClient({ baseUrl: first, timeoutMs: 10_000 });
  const sets = fc.sample(labelSet, { numRuns: 80, seed: 20261121 });
  const endsAt = new Date(Date.now() + 30 * 60_000);
  sets.forEach((set, index) => {
    const labels: LabelSet = {};
    for (const [name, value] of Object.entries(set)) if (typeof value === "string") labels[name] = value;
    pool.push({ labels: { ...labels, [RUN_LABEL]: run, idx: String(index) } });
  });
  await client.postAlerts(pool.map((alert, index) => alertFor(alert.labels, index, endsAt)));
  await eventually(async () => {
    const held = await client.alerts({ filter: [`${RUN_LABEL}="${run}"`] });
    if (held.length !== pool.length) throw new Error(`Alertmanager holds ${held.length} of ${pool.length} pool alerts`);
  });
});

afterAll(async () => {
  for (const id of created) await client.deleteSilence(id).catch(() => undefined);
  await client.postAlerts(pool.map((alert, index) => alertFor(alert.labels, index, new Date()))).catch(() => undefined);
});

/** Which pool alerts (by idx) Alertmanager marks as silenced by `silenceId`. */
async function silencedIndexes(silenceId: string): Promise<string[]> {
  const alerts = await client.alerts({ filter: [`${RUN_LABEL}="${run}"`] });
  return alerts
    .filter((alert) => alert.status.silencedBy.includes(silenceId))
    .map((alert) => alert.labels.idx ?? "")
    .sort();
}

function silenceOf(matchers: Matcher[]) {
  const now = Date.now();
  return {
    matchers,
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 10 * 60_000).toISOString(),
    createdBy: "vigil-conformance-test",
    comment: "silence-conformance.int.test.ts",
  };
}

describe("the silence preview conforms to the real Alertmanager", () => {
  it(`agrees on ${RUNS} generated matcher sets over ${80} generated alerts`, { timeout: 600_000 }, async () => {
    let compared = 0;
    let refusedByBoth = 0;
    await fc.assert(
      fc.asyncProperty(matcherSet, async (generated) => {
        const own = previewSilence(generated, pool);
        if (!own.ok) {
          // We refuse it: Alertmanager must refuse it as it stands (no run matcher to rescue it).
          const answer = await client.createOrUpdateSilence(silenceOf(generated)).then(
            (result) => ({ accepted: true as const, id: result.silenceID }),
            (error: unknown) => ({ accepted: false as const, error }),
          );
          if (answer.accepted) {
            created.push(answer.id);
            await client.deleteSilence(answer.id);
          }
          expect(answer, `Alertmanager accepted ${formatMatchers(generated)}, which the preview refuses (${own.problems.map((problem) => problem.message).join("; ")})`).toMatchObject({ accepted: false });
          expect(!answer.accepted && answer.error instanceof UpstreamError && answer.error.status === 400).toBe(true);
          refusedByBoth += 1;
          return;
        }
        const scoped = [...generated, runMatcher];
        const preview = previewSilence(scoped, pool);
        if (!preview.ok) throw new Error("adding a non-empty matcher cannot make a valid set invalid");
        const { silenceID } = await client.createOrUpdateSilence(silenceOf(scoped));
        created.push(silenceID);
        try {
          const actual = await silencedIndexes(silenceID);
          const expected = preview.matched.map((alert) => alert.labels.idx ?? "").sort();
          expect(actual, `matchers ${formatMatchers(generated)}`).toEqual(expected);
          compared += 1;
        } finally {
          await client.deleteSilence(silenceID);
        }
      }),
      { numRuns: RUNS, seed: 5_2026 },
    );
    // The generators must exercise both paths, or the test proves less than it claims.
    expect(compared).toBeGreaterThan(150);
    expect(refusedByBoth).toBeGreaterThan(5);
  });
});
