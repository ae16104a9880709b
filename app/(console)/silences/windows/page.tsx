import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { MaintenanceWindows } from "@/components/silences/maintenance-windows";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Maintenance windows" };

export default async function MaintenanceWindowsPage() {
  const actor = await requireActor();
  return (
    <>
      <div className="mb-4 flex items-baseline gap-3">
        <h1 className="text-lg font-semibold text-white">Maintenance windows</h1>
        <Link href="/silences" className="text-sm text-sky-300 hover:underline">
          Back to silences
        </Link>
      </div>
      <MaintenanceWindows canWrite={roleAtLeast(actor.role, "responder")} />
    </>
  );
}
