import type { toast as sonnerToast } from "sonner";

type Message = Parameters<typeof sonnerToast.success>;

// One promise for every toast, so toasts fired together appear in the order they were fired.
let sonner: Promise<typeof import("sonner")> | undefined;
const loadSonner = () => (sonner ??= import("sonner"));

/**
 * Sonner's `toast.success` and `toast.error`, with Sonner itself fetched on the first toast rather
 * than shipped in the page's first-load JavaScript. The toast appears in the root layout's Toaster
 * as before (it outlives a navigation started by the same action).
 */
export const toast = {
  success: (...args: Message) => void loadSonner().then((sonner) => sonner.toast.success(...args)),
  error: (...args: Message) => void loadSonner().then((sonner) => sonner.toast.error(...args)),
};
