"use client";

import type { ReactNode } from "react";
import { useModal } from "@/components/ui/dialog";

export interface WideDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}

/** A large modal (native <dialog>) for the panel inspector and editors; Escape closes it. */
export function WideDialog({ title, onClose, children, footer }: WideDialogProps) {
  const { titleId, ...modal } = useModal(onClose);
  return (
    <dialog
      {...modal}
      aria-labelledby={titleId}
      className="m-auto flex max-h-[90vh] w-[min(72rem,95vw)] max-w-none flex-col rounded-lg border border-edge bg-panel p-0 text-slate-200 backdrop:bg-black/60"
    >
      <div className="flex items-center justify-between border-b border-edge px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold text-white">
          {title}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close" className="rounded px-2 text-lg text-slate-400 hover:text-white">
          ×
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto px-5 py-4">{children}</div>
      {footer ? <div className="flex justify-end gap-2 border-t border-edge px-5 py-3">{footer}</div> : null}
    </dialog>
  );
}
