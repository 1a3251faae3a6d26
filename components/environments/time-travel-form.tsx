"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore, type FormEvent } from "react";

import { buttonClass } from "@/components/ui/button";
import { fromDateTimeLocal } from "@/lib/dates/from-datetime-local";
import { toDateTimeLocal } from "@/lib/dates/to-datetime-local";
import { viewerClock } from "@/lib/dates/viewer-clock";

type Props = {
  base: string;
  environment: string;
  /** ISO moments currently shown (null: now / no comparison). */
  at: string | null;
  from: string | null;
};

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "As of" and "compare with" in the viewer's own zone, to the second; the URL carries ISO moments
 * in UTC, so a shared link means the same moment for everyone.
 */
export function TimeTravelForm({ base, environment, at, from }: Props) {
  const router = useRouter();
  // Null on the server and while hydrating: the viewer's zone is only known in the browser.
  const clock = useSyncExternalStore(viewerClock.subscribe, viewerClock.getSnapshot, viewerClock.getServerSnapshot);
  const zone = clock === null ? null : viewerZone();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams({ env: environment });
    for (const name of ["at", "from"]) {
      const value = String(form.get(name) ?? "");
      const iso = value ? fromDateTimeLocal({ value, timeZone: zone ?? "UTC" }) : null;
      if (iso) params.set(name, iso);
    }
    router.push(`${base}?${params}`);
  }

  const local = (iso: string | null) => (iso && zone ? toDateTimeLocal({ value: iso, timeZone: zone }) : "");
  const input = "rounded-md border border-line bg-surface px-3 py-1.5 text-sm text-ink";
  return (
    <form
      onSubmit={onSubmit}
      className="mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4"
      key={zone ?? "server"}
      data-testid="time-travel"
    >
      <label className="space-y-1 text-xs text-muted">
        <span className="block">As of ({zone ?? "your time zone"}; empty = now)</span>
        <input type="datetime-local" step={1} name="at" defaultValue={local(at)} className={input} />
      </label>
      <label className="space-y-1 text-xs text-muted">
        <span className="block">Compare with ({zone ?? "your time zone"})</span>
        <input type="datetime-local" step={1} name="from" defaultValue={local(from)} className={input} />
      </label>
      <button type="submit" className={buttonClass("secondary")} disabled={!zone}>
        Show
      </button>
      {at || from ? (
        <Link href={`${base}?env=${environment}`} className={buttonClass("ghost")}>
          Now
        </Link>
      ) : null}
    </form>
  );
}
