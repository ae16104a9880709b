import { describe, expect, it } from "vitest";
import { IncidentBook } from "./incident-book.ts";
import {
  FIRST_INCIDENT_SECONDS,
  INCIDENT_GAP_SECONDS,
  INCIDENTS,
  currentOrNextOccurrence,
  incidentLevel,
  isIncidentName,
  scheduledAt,
  scheduledOccurrence,
} from "./incidents.ts";

const MINUTE = 60;

describe("incident schedule", () => {
  it("starts the first incident within 30 s in fast mode and after a quiet 5 minutes otherwise", () => {
    expect(scheduledOccurrence(0, { seed: 1, fast: true }).start).toBeLessThanOrEqual(30);
    expect(scheduledOccurrence(0, { seed: 1, fast: false }).start).toBe(FIRST_INCIDENT_SECONDS.normal);
    expect(scheduledAt(FIRST_INCIDENT_SECONDS.normal - 1, { seed: 1, fast: false })).toBeUndefined();
  });

  it("rotates through every incident once per cycle with a quiet gap between them", () => {
    const options = { seed: 5, fast: false };
    const cycle = Array.from({ length: INCIDENTS.length }, (_, index) => scheduledOccurrence(index, options));
    expect(new Set(cycle.map((occurrence) => occurrence.name)).size).toBe(INCIDENTS.length);
    for (let index = 1; index < cycle.length + 3; index += 1) {
      const previous = scheduledOccurrence(index - 1, options);
      const next = scheduledOccurrence(index, options);
      expect(next.start - previous.end).toBe(INCIDENT_GAP_SECONDS);
    }
    // Roughly one incident every 20 minutes.
    const last = cycle.at(-1);
    const average = last ? (last.start - (cycle[0]?.start ?? 0)) / (cycle.length - 1) : 0;
    expect(average).toBeGreaterThan(16 * MINUTE);
    expect(average).toBeLessThan(24 * MINUTE);
  });

  it("lets the seed choose where the rotation starts", () => {
    const names = new Set([1, 2, 3, 4].map((seed) => scheduledOccurrence(0, { seed, fast: false }).name));
    expect(names.size).toBe(4);
    expect(scheduledOccurrence(0, { seed: 1, fast: true }).name).toBe(scheduledOccurrence(0, { seed: 2, fast: true }).name);
  });

  it("finds the running or next occurrence far into the schedule", () => {
    const options = { seed: 3, fast: true };
    const occurrence = scheduledOccurrence(40, options);
    expect(currentOrNextOccurrence(occurrence.start + 1, options)).toEqual(occurrence);
    expect(currentOrNextOccurrence(occurrence.end, options).index).toBe(41);
    expect(scheduledAt(occurrence.end + 1, options)).toBeUndefined();
  });

  it("keeps every incident long enough for its alert and the TRM confidence one longer than 15m + a 5m window", () => {
    for (const incident of INCIDENTS) expect(incident.seconds).toBeGreaterThanOrEqual(9 * MINUTE);
    expect(INCIDENTS.find((incident) => incident.name === "trm-fallback-spike")?.seconds).toBeGreaterThanOrEqual(20 * MINUTE);
  });

  it("ramps an incident in over its first minute", () => {
    const window = { start: 100, end: 100 + 13 * MINUTE };
    expect(incidentLevel(window, 99)).toBe(0);
    expect(incidentLevel(window, 100)).toBeGreaterThan(0);
    expect(incidentLevel(window, 129)).toBeCloseTo(0.5, 5);
    expect(incidentLevel(window, 200)).toBe(1);
    expect(incidentLevel(window, window.end)).toBe(0);
    expect(isIncidentName("ttft-breach")).toBe(true);
    expect(isIncidentName("nope")).toBe(false);
  });
});

describe("IncidentBook", () => {
  it("runs manual incidents for the requested time", () => {
    const book = new IncidentBook(undefined);
    book.start("cost-spike", 10.7, 30);
    expect(book.active(20)).toMatchObject([{ name: "cost-spike", source: "manual", start: 10, end: 40 }]);
    expect(book.levels(20).get("cost-spike")).toBeGreaterThan(0);
    expect(book.active(40)).toEqual([]);
    expect(book.upcoming(0, 3)).toEqual([]);
  });

  it("clear ends manual incidents and the scheduled one running now, but not later ones", () => {
    const options = { seed: 0, fast: true };
    const book = new IncidentBook(options);
    const first = scheduledOccurrence(0, options);
    const second = scheduledOccurrence(1, options);
    book.start("xid-error", first.start, 600);
    expect(book.active(first.start + 5).map((incident) => incident.name).sort()).toEqual([first.name, "xid-error"].sort());
    book.clear(first.start + 5);
    expect(book.active(first.start + 6)).toEqual([]);
    expect(book.active(second.start + 1).map((incident) => incident.name)).toEqual([second.name]);
    expect(book.upcoming(first.start + 6, 2).map((occurrence) => occurrence.index)).toEqual([1, 2]);
  });
});
