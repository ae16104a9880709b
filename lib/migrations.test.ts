import { describe, expect, it } from "vitest";
import { diffSchema, SCHEMA_PATH, SNAPSHOT_PATH } from "./migrations";

describe("diffSchema", () => {
  it("finds nothing to change between the schema and itself", async () => {
    expect(await diffSchema({ from: { schemaPath: SCHEMA_PATH }, to: SCHEMA_PATH })).toBe("");
  });

  it("finds no change since the last migration (run `vigil db new-migration <name>` if this fails)", async () => {
    expect(await diffSchema({ from: { schemaPath: SNAPSHOT_PATH }, to: SCHEMA_PATH })).toBe("");
  });

  it("writes the whole database from nothing", async () => {
    const sql = await diffSchema({ from: "empty", to: SCHEMA_PATH });
    for (const table of ["users", "runbooks", "runbook_revisions", "acknowledgements", "acknowledgement_events", "audit_events"]) {
      expect(sql).toContain(`CREATE TABLE "${table}"`);
    }
    expect(sql).toContain(`CREATE UNIQUE INDEX "acknowledgements_cluster_fingerprint_starts_at_key"`);
  });
});
