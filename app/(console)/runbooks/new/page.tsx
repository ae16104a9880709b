import type { Metadata } from "next";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { runbookTemplate } from "@/lib/runbooks/template";

export const metadata: Metadata = { title: "New runbook" };

export default async function NewRunbookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "editor")) return <Forbidden what="write runbooks" role={actor.role} required="editor" />;
  // "Write one" from an alert with no runbook: start linked to that alert.
  const { alert } = await searchParams;
  const alertName = typeof alert === "string" && /^[A-Za-z_:][A-Za-z0-9_:]{0,199}$/.test(alert) ? alert : undefined;
  const title = alertName ?? "";
  return (
    <RunbookEditor
      initial={{ title, body: runbookTemplate(alertName ?? "Alert name"), tags: [], team: null, alertNames: alertName ? [alertName] : [], labelMatchers: [] }}
      variables={{}}
    />
  );
}
