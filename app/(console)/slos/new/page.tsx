import type { Metadata } from "next";
import { SloEditor } from "@/components/slo/slo-editor";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { prometheusSources } from "@/lib/prometheus/client";

export const metadata: Metadata = { title: "New SLO" };

export default async function NewSloPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "editor")) return <Forbidden what="create SLOs" role={actor.role} required="editor" />;
  return <SloEditor sources={prometheusSources().map((source) => source.name)} />;
}
