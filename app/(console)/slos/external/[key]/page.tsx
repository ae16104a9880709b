import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ExternalSloDetail } from "@/components/slo/external-slo-detail";
import { PanelError } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { findExternalSlo } from "@/lib/slo/external-server";

export const metadata: Metadata = { title: "SLO (Sloth / Pyrra)" };
export const dynamic = "force-dynamic";

/** A Sloth or Pyrra SLO, read from the series its recording rules write (read-only). */
export default async function ExternalSloPage({ params }: { params: Promise<{ key: string }> }) {
  await requireActor();
  const key = decodedKey((await params).key);
  if (!key || !/^(sloth|pyrra)--.{1,300}$/.test(key)) notFound();
  const found = await findExternalSlo(key);
  if (found.error) {
    return (
      <div className="space-y-3">
        <Link href="/slos" className="text-xs text-info hover:underline">
          SLOs
        </Link>
        <PanelError title="Could not read the Sloth and Pyrra series" message={found.error} />
      </div>
    );
  }
  if (!found.slo) notFound();
  return <ExternalSloDetail slo={found.slo} />;
}

function decodedKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
