import type { Metadata } from "next";
import { SilenceList } from "@/components/silences/silence-list";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { silenceFiltersFromParams } from "@/lib/validations/silences";
import { toSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Silences" };

export default async function SilencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filters = silenceFiltersFromParams(toSearchParams(await searchParams));
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">Silences</h1>
      <SilenceList filters={filters} canWrite={roleAtLeast(actor.role, "responder")} />
    </>
  );
}
