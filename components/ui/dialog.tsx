"use client";

import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from "react";

export interface DialogProps {
  title: string;
  /** Called when the person closes it (the close button or Escape). */
  onClose: () => void;
  children: ReactNode;
}

/**
 * What every modal shares: the native <dialog> opened as a modal while mounted (focus stays inside),
 * Escape routed to `onClose` so the owner decides, and an id for the title that names it.
 */
export function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };
  return { ref, titleId, onCancel };
}

/** A modal dialog (the native <dialog>: focus stays inside and Escape closes it), named by its title. */
export function Dialog({ title, onClose, children }: DialogProps) {
  const { titleId, ...modal } = useModal(onClose);
  return (
    <dialog
      {...modal}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-lg rounded-lg border border-edge bg-panel p-5 text-slate-200 backdrop:bg-black/60"
    >
      <h2 id={titleId} className="mb-3 text-base font-semibold text-white">
        {title}
      </h2>
      {children}
      <div className="mt-5 flex justify-end">
        <button type="button" onClick={onClose} className="rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700">
          Done
        </button>
      </div>
    </dialog>
  );
}
