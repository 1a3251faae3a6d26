// The sign-in form's schema sits beside the next-auth configuration that parses it: lib/validations
// imports lib/auth (roles, password limits), so lib/auth cannot import lib/validations back. The
// email rule lives here for the same reason; lib/validations/auth.ts uses it for sign-up and invites.
import { z } from "zod";

import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-rules";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH),
});
