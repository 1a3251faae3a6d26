"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";

/** Opens a line of the diff for comments by number (the keyboard way to what clicking a line does). */
export function LinePicker({
  lines,
  line,
  onLine,
}: {
  lines: number;
  line: number | null;
  onLine: (n: number) => void;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > lines) return setError(`Choose a line from 1 to ${lines}.`);
    setError(undefined);
    onLine(n);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2 text-sm" noValidate>
      <label htmlFor="comment-line">Comment on line</label>
      <input
        id="comment-line"
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={line ? String(line) : "1"}
        className="w-16 rounded border border-line bg-surface px-2 py-1"
        aria-invalid={error ? true : undefined}
      />
      <Button type="submit" variant="secondary">
        Open
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </form>
  );
}
