"use client";

import { useState } from "react";

export interface CopyButtonProps {
  text: string;
  /** What is copied, for the button's accessible name: "Copy the token". */
  label: string;
}

/** Copies text to the clipboard and says whether it worked. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        onClick={() => {
          // The Clipboard API exists only in secure contexts (https or localhost).
          if (!navigator.clipboard) {
            setState("failed");
            return;
          }
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
        className="rounded border border-edge px-2 py-1 text-xs text-slate-200 hover:text-white"
      >
        Copy
      </button>
      <span role="status" className="text-xs text-slate-400">
        {state === "copied" ? "Copied" : state === "failed" ? "Copying failed: select the text and copy it yourself" : ""}
      </span>
    </span>
  );
}
