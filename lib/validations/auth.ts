import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "That email address is too long."));

/** Where to go after signing in: only a path on this site, never another origin. */
export const nextPath = z
  .string()
  .optional()
  .transform((value) => (value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : "/"));

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
  next: nextPath,
});

/** A password someone chooses, with its repetition; shared by setup and set-password links. */
export const newPasswordFields = {
  password: z
    .string({ error: "Choose a password." })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, "That password is too long."),
  confirm: z.string({ error: "Repeat the password." }),
};

export function passwordsMatch(value: { password: string; confirm: string }): boolean {
  return value.password === value.confirm;
}

export const PASSWORDS_DIFFER = { path: ["confirm"], message: "The passwords differ." };

export const setupSchema = z
  .object({
    email,
    name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(200, "That name is too long."),
    ...newPasswordFields,
  })
  .refine(passwordsMatch, PASSWORDS_DIFFER);

export type FieldErrors = Partial<Record<string, string[]>>;

/** What a form's Server Action returns: field errors to show, or a message for the whole form. */
export interface FormState {
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the person typed, returned so a failed submit does not empty the form (never the password). */
  values?: Record<string, string>;
}
