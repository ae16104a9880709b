"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Time } from "@/components/ui/time";

/** A set-password link just issued: shown once, then gone. */
export interface IssuedLink {
  email: string;
  url: string;
  expiresAt: string;
}

export interface PasswordLinkDialogProps extends IssuedLink {
  onClose: () => void;
}

/** The one-time set-password link, shown once after an invitation or a new link. */
export function PasswordLinkDialog({ email, url, expiresAt, onClose }: PasswordLinkDialogProps) {
  return (
    <Dialog title={`Set-password link for ${email}`} onClose={onClose}>
      <p className="text-sm text-slate-300">
        Send this link to {email} yourself. It is shown only now, works once, and expires <Time iso={expiresAt} />.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <input
          readOnly
          aria-label="Set-password link"
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded border border-edge bg-surface px-2 py-1.5 font-mono text-xs text-white"
        />
        <CopyButton text={url} label="Copy the link" />
      </div>
    </Dialog>
  );
}
