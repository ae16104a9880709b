import type { Metadata } from "next";
import { RunbookList } from "@/components/runbooks/runbook-list";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { runbookSearchSchema } from "@/lib/validations/runbooks";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
  const parsed = runbookSearchSchema.safeParse(raw);
  const filters = parsed.success ? { q: parsed.data.q, tag: parsed.data.tag, team: parsed.data.team } : {};
  return (
    <RunbookList
      key={`${filters.tag ?? ""}|${filters.team ?? ""}`}
      filters={filters}
      canEdit={roleAtLeast(actor.role, "editor")}
      invalid={parsed.success ? undefined : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(" ")}
    />
  );
}
