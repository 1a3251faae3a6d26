"use client";

import { useId } from "react";

export const PRESET_PERCENTS = [5, 10, 25, 50];

/** The canary's share: presets 5/10/25/50 % or any whole percent from 1 to 99. */
export function PercentPicker({
  value,
  onChange,
  exclude,
  error,
}: {
  value: number;
  onChange: (percent: number) => void;
  /** The share it has now (not offered as a preset). */
  exclude?: number;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">Share of traffic for the new version</legend>
      <div className="flex flex-wrap items-center gap-2">
        {PRESET_PERCENTS.filter((p) => p !== exclude).map((p) => (
          <label
            key={p}
            className={`cursor-pointer rounded-md border px-2.5 py-1 text-sm ${value === p ? "border-accent bg-subtle font-medium" : "border-line"}`}
          >
            <input
              type="radio"
              name={`${id}-preset`}
              className="sr-only"
              checked={value === p}
              onChange={() => onChange(p)}
            />
            {p} %
          </label>
        ))}
        <label className="flex items-center gap-1 text-sm">
          <span className="text-muted">or</span>
          <input
            type="number"
            min={1}
            max={99}
            step={1}
            aria-label="Custom percent"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            value={Number.isFinite(value) ? value : ""}
            onChange={(e) => onChange(e.target.valueAsNumber)}
            className="w-20 rounded-md border border-line bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger"
          />
          <span>%</span>
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Why a percent cannot be a canary's share, or null when it can. */
export function percentProblem(percent: number): string | null {
  if (!Number.isInteger(percent)) return "Enter a whole percent from 1 to 99.";
  if (percent < 1 || percent > 99)
    return "A split gives each version 1 to 99 %; for 100 % promote the version instead.";
  return null;
}
