"use client";

import { useId } from "react";

import type { Arm } from "@/lib/releases/arms";
import { sharesTotal } from "@/lib/releases/check-shares";

/**
 * One whole-percent field per arm of a split ("v7 share, %") and the live total. Each field and the
 * total keep a line for their error, so the dialog does not move when one appears.
 */
export function ShareFields({
  arms,
  baseVersion,
  entered,
  onChange,
  fieldErrors,
  totalError,
}: {
  /** The split as it runs now, in its order. */
  arms: readonly Arm[];
  baseVersion: number;
  entered: Readonly<Record<number, string>>;
  onChange: (version: number, text: string) => void;
  fieldErrors: Readonly<Record<number, string>>;
  totalError: string | null;
}) {
  const id = useId();
  const total = sharesTotal(entered);
  return (
    <fieldset className="space-y-1" data-testid="share-fields">
      <legend className="text-sm font-medium">Share of traffic for each version</legend>
      <ul className="space-y-1">
        {arms.map((arm) => {
          const error = fieldErrors[arm.version];
          const inputId = `${id}-v${arm.version}`;
          const errorId = `${inputId}-error`;
          return (
            <li key={arm.version}>
              <div className="flex items-center gap-2 text-sm">
                <label htmlFor={inputId} className="w-24 shrink-0">
                  v{arm.version} share, %
                </label>
                <input
                  id={inputId}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={3}
                  value={entered[arm.version] ?? ""}
                  onChange={(e) => onChange(arm.version, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={errorId}
                  className="w-20 rounded-md border border-line bg-surface px-2 py-1 text-right tabular-nums aria-[invalid=true]:border-danger"
                />
                <span className="text-xs text-muted tabular-nums">
                  now {arm.weight} %{arm.version === baseVersion ? " (base)" : ""}
                </span>
              </div>
              <p id={errorId} role={error ? "alert" : undefined} className="min-h-4 text-xs text-danger">
                {error}
              </p>
            </li>
          );
        })}
      </ul>
      <p
        role={totalError ? "alert" : "status"}
        className={`min-h-10 text-sm tabular-nums sm:min-h-5 ${totalError ? "text-danger" : total === 100 ? "text-muted" : ""}`}
        data-testid="shares-total"
      >
        {totalError ?? `Total: ${total} %`}
      </p>
    </fieldset>
  );
}
