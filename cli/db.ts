import { applyMigrations, createMigration, migrationStatus } from "../lib/migrations.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { parse, UsageError, type Command } from "./command.ts";

const usage = `Usage: vigil db <migrate|status|seed|new-migration NAME> [--database-url URL]

  migrate              apply prisma/migrations to the database (like prisma migrate deploy, offline)
  status               list applied and pending migrations
  seed                 insert the demo users and runbooks (idempotent)
  new-migration NAME   write prisma/migrations/<timestamp>_NAME from the changes to prisma/schema.prisma

The database comes from --database-url or DATABASE_URL.`;

export const dbCommand: Command = {
  name: "db",
  summary: "migrate, inspect or seed the database",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, { "database-url": { type: "string" } }, true);
    const [action, name] = positionals;
    if (action === "new-migration") {
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new UsageError("new-migration needs a NAME of a-z, 0-9 and _");
      const written = await createMigration(name);
      console.log(written ? `Wrote ${written}` : "The schema has no changes since the last migration.");
      return 0;
    }
    const url = values["database-url"] ?? process.env.DATABASE_URL;
    if (!url) throw new UsageError("set DATABASE_URL or pass --database-url");
    switch (action) {
      case "migrate": {
        const { applied } = await applyMigrations(url);
        console.log(applied.length ? `Applied ${applied.length}: ${applied.join(", ")}` : "Already up to date.");
        return 0;
      }
      case "status": {
        const status = await migrationStatus(url);
        for (const migration of status.applied) console.log(`applied  ${migration}`);
        for (const migration of status.pending) console.log(`pending  ${migration}`);
        return status.pending.length > 0 ? 1 : 0;
      }
      case "seed":
        await seedDatabase(url);
        console.log("Seeded.");
        return 0;
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    }
  },
};
