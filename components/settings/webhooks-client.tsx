"use client";

import { Pause, Play, Plus, RefreshCw, RotateCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { SecretPanel } from "@/components/ui/secret-panel";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { DeliveryView, WebhookView } from "@/lib/webhooks/list-webhooks";
import { webhookEventLabels, webhookEvents } from "@/lib/webhooks/webhook-events";

type Props = {
  projectSlug: string;
  webhooks: WebhookView[];
  selected: string | null;
  deliveries: { deliveries: DeliveryView[]; nextBefore: string | null } | null;
};
const statusTone: Record<string, string> = { delivered: "text-success", failed: "text-danger", pending: "text-muted" };

/** Settings → Webhooks: endpoints that receive the project's events, and every delivery with its outcome. */
export function WebhooksClient({ projectSlug, webhooks, selected, deliveries }: Props) {
  const router = useRouter();
  const create = useRequest();
  const change = useRequest();
  const [events, setEvents] = useState<string[]>([...webhookEvents]);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { formProps, markSaved } = useFormChanges();
  const api = `/api/projects/${projectSlug}/webhooks`;
  const base = `/p/${projectSlug}/settings/webhooks`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const created = await create.run(() =>
      apiFetch<{ secret: string }>(api, { body: { url: new FormData(form).get("url"), events } }),
    );
    if (created) {
      setSecret(created.secret);
      form.reset();
      markSaved();
      router.refresh();
    }
  }
  const act = async (request: () => Promise<unknown>, done: string) => {
    if (!(await change.run(request))) return false;
    toast.success(done);
    router.refresh();
    return true;
  };

  return (
    <div className="space-y-8">
      <form
        {...formProps}
        onSubmit={submit}
        aria-label="Add a webhook"
        className="space-y-4 rounded-lg border border-line bg-surface p-5"
        noValidate
      >
        <h2 className="text-base font-semibold">Add a webhook</h2>
        <p className="text-muted">
          Galley POSTs a JSON event to the URL, signed with a secret:{" "}
          <code className="text-xs">Galley-Signature: v1=HMAC-SHA256(secret, `{"{timestamp}.{body}"}`)</code> with{" "}
          <code className="text-xs">Galley-Timestamp</code>. Failed deliveries are retried with growing pauses for 24
          hours.
        </p>
        <TextField label="URL" name="url" placeholder="https://ci.example.com/hooks/galley" error={create.fields.url} />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Events</legend>
          {webhookEvents.map((e) => (
            <label key={e} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={events.includes(e)}
                onChange={(x) => setEvents(x.target.checked ? [...events, e] : events.filter((y) => y !== e))}
              />
              <code className="text-xs">{e}</code> <span className="text-muted">{webhookEventLabels[e]}</span>
            </label>
          ))}
          {create.fields.events ? (
            <p role="alert" className="text-xs text-danger">
              {create.fields.events}
            </p>
          ) : null}
        </fieldset>
        {create.error ? <Alert>{create.error}</Alert> : null}
        <Button type="submit" busy={create.busy} icon={Plus}>
          Add webhook
        </Button>
      </form>

      {secret ? (
        <SecretPanel
          label="Signing secret"
          title="Copy the signing secret now"
          note="Your endpoint uses it to check that events come from Galley. If you lose it, remove the webhook and add it again."
          secret={secret}
          secretTestId="webhook-secret"
          onDone={() => setSecret(null)}
        />
      ) : null}

      <section aria-labelledby="hooks-heading" className="space-y-3">
        <h2 id="hooks-heading" className="text-base font-semibold">
          Webhooks
        </h2>
        {change.error ? <Alert>{change.error}</Alert> : null}
        {webhooks.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-surface p-6 text-center text-muted">
            No webhooks yet. Add one to tell CI, chat or your own services when prompts change.
          </p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="webhooks">
            {webhooks.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <div className="truncate font-mono text-sm">{w.url}</div>
                  <div className="text-xs text-muted">
                    {w.events.join(", ")} · secret {w.secretHint}
                    {w.pending ? ` · ${w.pending} waiting` : ""}
                    {w.failing ? <span className="text-danger"> · {w.failing} gave up</span> : null}
                    {w.active ? "" : " · paused"}
                  </div>
                </div>
                <Link href={`${base}?hook=${w.id}`} className={buttonClass(selected === w.id ? "secondary" : "ghost")}>
                  Deliveries
                </Link>
                <Button
                  variant="ghost"
                  icon={w.active ? Pause : Play}
                  onClick={() =>
                    act(
                      () => apiFetch(`${api}/${w.id}`, { method: "PATCH", body: { active: !w.active } }),
                      w.active ? "Webhook paused." : "Webhook resumed.",
                    )
                  }
                >
                  {w.active ? "Pause" : "Resume"}
                </Button>
                <Button variant="danger" icon={Trash2} onClick={() => setConfirming(w.id)}>
                  Remove
                </Button>
                <ConfirmDialog
                  open={confirming === w.id}
                  onOpenChange={(open) => setConfirming(open ? w.id : null)}
                  title="Remove this webhook?"
                  description={
                    <>
                      Deliveries to <span className="font-mono break-all">{w.url}</span> stop at once
                      {w.pending
                        ? `, and ${w.pending} waiting ${w.pending === 1 ? "delivery is" : "deliveries are"} dropped`
                        : ""}
                      . Its delivery log and signing secret are deleted.{" "}
                      {w.active ? "To stop for a while, pause it instead." : ""}
                    </>
                  }
                  cancelLabel="Keep it"
                  confirmLabel="Remove webhook"
                  icon={Trash2}
                  busy={change.busy}
                  error={change.error}
                  onConfirm={async () => {
                    if (await act(() => apiFetch(`${api}/${w.id}`, { method: "DELETE" }), "Webhook removed."))
                      setConfirming(null);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {selected && deliveries ? (
        <section aria-labelledby="deliveries-heading" className="space-y-3">
          <div className="flex items-center justify-between">
            <h2 id="deliveries-heading" className="text-base font-semibold">
              Deliveries
            </h2>
            <Button variant="ghost" icon={RefreshCw} onClick={() => router.refresh()}>
              Refresh
            </Button>
          </div>
          <Table
            columns={[
              "Event",
              { label: "Status", kind: "badge" },
              "Response",
              "Attempts",
              { label: "Queued", kind: "time" },
              { label: "Actions", kind: "actions", hidden: true },
            ]}
            empty="No events sent yet. They appear here as prompts are saved, reviewed and deployed."
            data-testid="deliveries"
          >
            {deliveries.deliveries.map((d) => (
              <TableRow key={d.id} className="align-top">
                <TableCell kind="mono">{d.event}</TableCell>
                <TableCell kind="badge" className={statusTone[d.status] ?? ""}>
                  <DeliveryStatus delivery={d} />
                </TableCell>
                <TableCell className="text-xs">
                  {d.responseStatus ?? "—"} {d.error ? <span className="block text-danger">{d.error}</span> : null}
                  {d.responseBody ? (
                    <details>
                      <summary className="cursor-pointer text-muted">Response (first 1 KB)</summary>
                      <pre className="max-w-md font-mono break-all whitespace-pre-wrap">{d.responseBody}</pre>
                    </details>
                  ) : null}
                </TableCell>
                <TableCell>{d.attempts}</TableCell>
                <TableCell kind="time" className="text-xs">
                  <Time value={d.createdAt} format="exact" seconds />
                </TableCell>
                <TableCell kind="actions">
                  <Button
                    variant="ghost"
                    icon={RotateCw}
                    busy={change.busy}
                    onClick={() =>
                      act(
                        () => apiFetch(`${api}/${selected}/deliveries/${d.id}/redeliver`, { body: {} }),
                        "Redelivery queued.",
                      )
                    }
                  >
                    Redeliver
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </Table>
          {deliveries.nextBefore ? (
            <Link
              href={`${base}?hook=${selected}&before=${deliveries.nextBefore}`}
              className={buttonClass("secondary")}
            >
              Older deliveries
            </Link>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function DeliveryStatus({ delivery }: { delivery: DeliveryView }) {
  if (delivery.status === "failed") return "gave up";
  if (delivery.status !== "pending") return "delivered";
  if (!delivery.attempts) return "queued";
  return delivery.nextAttemptAt ? (
    <>
      retrying <Time value={delivery.nextAttemptAt} />
    </>
  ) : (
    "retrying"
  );
}
