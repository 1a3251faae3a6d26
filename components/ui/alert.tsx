import type { ReactNode } from "react";

export function Alert({ tone = "danger", children }: { tone?: "danger" | "success" | "info"; children: ReactNode }) {
  const tones = {
    danger: "border-danger/40 text-danger",
    success: "border-success/40 text-success",
    info: "border-line text-muted",
  };
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={`rounded-md border bg-surface px-3 py-2 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
