import type { LucideIcon } from "lucide-react";
import type { ButtonHTMLAttributes } from "react";

import { Icon } from "@/components/ui/icon";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const variants: Record<Variant, string> = {
  primary: "bg-accent text-accent-ink hover:opacity-90 border border-transparent",
  secondary: "bg-surface text-ink border border-line hover:bg-subtle",
  danger: "bg-surface text-danger border border-line hover:bg-subtle",
  ghost: "text-muted hover:text-ink hover:bg-subtle border border-transparent",
};

export function buttonClass(variant: Variant = "primary", extra = "") {
  return `inline-flex items-center justify-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${extra}`;
}

/** A button; `icon` puts a lucide icon before the label (decoration only, the label names the button). */
export function Button({
  variant = "primary",
  className = "",
  busy,
  icon,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; icon?: LucideIcon }) {
  return (
    <button
      {...props}
      disabled={props.disabled || busy}
      aria-busy={busy || undefined}
      className={buttonClass(variant, className)}
    >
      {icon ? <Icon icon={icon} /> : null}
      {children}
    </button>
  );
}
