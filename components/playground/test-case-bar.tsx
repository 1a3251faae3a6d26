"use client";

import { Save, Trash2 } from "lucide-react";
import { useState } from "react";

import { AddToDataset } from "@/components/datasets/add-to-dataset";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { TestCaseView } from "@/lib/playground/test-cases";

/** Pick a saved test case to fill the values, or save the current values under a name. */
export function TestCaseBar(props: {
  endpoint: string;
  initial: TestCaseView[];
  currentValues: () => Record<string, unknown> | null;
  onLoad: (values: Record<string, unknown>) => void;
}) {
  const [cases, setCases] = useState(props.initial);
  const [selected, setSelected] = useState("");
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const { busy, error, run } = useRequest();

  async function save() {
    const values = props.currentValues();
    if (!values) return;
    const saved = await run(() => apiFetch<TestCaseView>(props.endpoint, { body: { name, values } }));
    if (!saved) return;
    setCases((cs) => [...cs.filter((c) => c.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
    setSelected(saved.id);
    setNaming(false);
    setName("");
    toast.success(`Test case “${saved.name}” saved.`);
  }

  async function remove() {
    if (await run(() => apiFetch(`${props.endpoint}/${selected}`, { method: "DELETE" }))) {
      setCases((cs) => cs.filter((c) => c.id !== selected));
      setSelected("");
      toast.success("Test case deleted.");
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <select
        aria-label="Test case"
        value={selected}
        onChange={(e) => {
          setSelected(e.target.value);
          const found = cases.find((c) => c.id === e.target.value);
          if (found) props.onLoad(found.values);
        }}
        className="rounded border border-line bg-surface px-2 py-1"
      >
        <option value="">{cases.length ? "Load a test case…" : "No saved test cases"}</option>
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {selected ? (
        <Button variant="ghost" icon={Trash2} busy={busy} onClick={remove}>
          Delete
        </Button>
      ) : null}
      {selected ? (
        <AddToDataset
          projectApi={props.endpoint.replace(/\/prompts\/.*$/, "")}
          values={cases.find((c) => c.id === selected)?.values ?? {}}
          metadata={{ source: "test-case", testCase: cases.find((c) => c.id === selected)?.name }}
        />
      ) : null}
      {naming ? (
        <>
          <input
            autoFocus
            aria-label="Test case name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && void save()}
            placeholder="Angry customer, VIP"
            className="w-48 rounded border border-line bg-surface px-2 py-1"
          />
          <Button variant="secondary" icon={Save} busy={busy} onClick={save}>
            Save
          </Button>
          <Button variant="ghost" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button variant="ghost" onClick={() => setNaming(true)}>
          Save values as test case…
        </Button>
      )}
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}
