"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { deleteSloRequest, sloKeys } from "@/lib/queries/slos";

export interface SloActionsProps {
  id: string;
  version: number;
  name: string;
}

/** Edit and delete for an SLO stored in the console (editors); deleting asks first. */
export function SloActions({ id, version, name }: SloActionsProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function remove() {
    setBusy(true);
    setFailure(undefined);
    try {
      await deleteSloRequest(id, version);
      // Marked stale, not refetched: this page's own queries would ask for the SLO just deleted.
      await queryClient.invalidateQueries({ queryKey: sloKeys.all, refetchType: "none" });
      router.push("/slos");
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex gap-2">
      <Link href={`/slos/${id}/edit`} className="rounded border border-edge px-3 py-1.5 text-sm text-slate-200 hover:bg-white/5">
        Edit
      </Link>
      <button type="button" onClick={() => setConfirming(true)} className="rounded border border-critical/60 px-3 py-1.5 text-sm text-rose-200 hover:bg-critical/10">
        Delete
      </button>
      {confirming ? (
        <Dialog title={`Delete SLO ${name}?`} onClose={() => setConfirming(false)}>
          <p className="text-sm">The SLO stops being computed and listed. The audit log keeps its definition.</p>
          {failure ? (
            <p role="alert" className="mt-2 text-sm text-rose-300">
              {failure}
            </p>
          ) : null}
          <button type="button" disabled={busy} onClick={() => void remove()} className="mt-3 rounded bg-critical px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {busy ? "Deleting…" : "Delete SLO"}
          </button>
        </Dialog>
      ) : null}
    </div>
  );
}
