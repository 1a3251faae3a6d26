"use client";

import { Trash2, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { roleLabels, roles, type ProjectRole } from "@/lib/auth/permissions";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { MemberView, PendingInviteView } from "@/lib/members/list-members";
import { mayManageRole } from "@/lib/members/may-manage-role";

type Props = {
  projectSlug: string;
  currentUserId: string;
  /** Offers and locks roles by the same rule the server refuses with (lib/members/may-manage-role.ts). */
  actorRole: ProjectRole;
  members: MemberView[];
  invites: PendingInviteView[];
};

const PAGE = 50;

export function MembersClient(props: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [filter, setFilter] = useState("");
  const [shown, setShown] = useState(PAGE);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const base = `/api/projects/${props.projectSlug}`;
  const grantable = roles.filter((role) => mayManageRole({ actorRole: props.actorRole, role }));

  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? props.members.filter((m) => m.name.toLowerCase().includes(q) || m.email.includes(q)) : props.members;
  }, [filter, props.members]);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(undefined);
    try {
      await action();
      toast.success(done);
      router.refresh();
      return true;
    } catch (e) {
      setError((e as ApiError).message);
      return false;
    }
  }

  return (
    <div className="space-y-8">
      <InviteForm projectSlug={props.projectSlug} roles={grantable} onCreated={() => router.refresh()} />

      {error ? <Alert>{error}</Alert> : null}

      <section aria-labelledby="members-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="members-heading" className="text-base font-semibold">
            Members <span className="font-normal text-muted">({props.members.length})</span>
          </h2>
          {props.members.length > 10 ? (
            <input
              type="search"
              aria-label="Filter members"
              placeholder="Filter by name or email"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              className="w-64 rounded-md border border-line bg-surface px-3 py-1.5"
            />
          ) : null}
        </div>
        <Table
          columns={[
            "Name",
            "Email",
            "Role",
            { label: "Joined", kind: "time" },
            { label: "Actions", kind: "actions", hidden: true },
          ]}
          empty="No member matches."
          aria-label="Members"
        >
          {visible.slice(0, shown).map((m) => {
            const locked = !mayManageRole({ actorRole: props.actorRole, role: m.role });
            return (
              <TableRow key={m.userId} data-testid={`member-${m.email}`}>
                <TableCell>
                  {m.name} {m.userId === props.currentUserId ? <span className="text-xs text-muted">(you)</span> : null}
                </TableCell>
                <TableCell className="text-muted">{m.email}</TableCell>
                <TableCell>
                  <select
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    disabled={locked}
                    onChange={(e) => {
                      const role = e.target.value as ProjectRole;
                      void run(
                        () => apiFetch(`${base}/members/${m.userId}`, { method: "PATCH", body: { role } }),
                        `${m.name} is now ${roleLabels[role].label}.`,
                      );
                    }}
                    className="rounded-md border border-line bg-surface px-2 py-1"
                  >
                    {(locked ? roles : grantable).map((r) => (
                      <option key={r} value={r}>
                        {roleLabels[r].label}
                      </option>
                    ))}
                  </select>
                </TableCell>
                <TableCell kind="time" className="text-muted">
                  <Time value={m.joinedAt} format="date" />
                </TableCell>
                <TableCell kind="actions">
                  {locked ? null : (
                    <>
                      <Button variant="ghost" icon={Trash2} onClick={() => setConfirming(m.userId)}>
                        Remove
                      </Button>
                      <ConfirmDialog
                        open={confirming === m.userId}
                        onOpenChange={(open) => setConfirming(open ? m.userId : null)}
                        title={`Remove ${m.name} from the project?`}
                        description={`${m.email} loses access at once. Their versions, comments and reviews stay.`}
                        confirmLabel={`Remove ${m.email}`}
                        icon={Trash2}
                        error={error}
                        onConfirm={async () =>
                          (await run(
                            () => apiFetch(`${base}/members/${m.userId}`, { method: "DELETE" }),
                            `${m.name} was removed.`,
                          )) && setConfirming(null)
                        }
                      />
                    </>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
        {visible.length > shown ? (
          <Button variant="secondary" onClick={() => setShown((s) => s + PAGE)}>
            Show {Math.min(PAGE, visible.length - shown)} more
          </Button>
        ) : null}
      </section>

      <section aria-labelledby="invites-heading" className="space-y-3">
        <h2 id="invites-heading" className="text-base font-semibold">
          Pending invites
        </h2>
        <Table
          columns={[
            "Invite",
            "Invited by",
            { label: "Expires", kind: "time" },
            { label: "Actions", kind: "actions", hidden: true },
          ]}
          empty="No pending invites. Invite someone above; their link works once and expires after 7 days."
          aria-label="Pending invites"
        >
          {props.invites.map((i) => {
            const locked = !mayManageRole({ actorRole: props.actorRole, role: i.role });
            return (
              <TableRow key={i.id}>
                <TableCell>
                  {i.email} <span className="text-muted">as {roleLabels[i.role].label}</span>
                </TableCell>
                <TableCell className="text-muted">{i.invitedBy}</TableCell>
                <TableCell kind="time" className="text-muted">
                  <Time value={i.expiresAt} format="date" />
                </TableCell>
                <TableCell kind="actions">
                  <Button
                    variant="ghost"
                    icon={Trash2}
                    disabled={locked}
                    title={locked ? "Only an owner can revoke an invite to the owner role." : undefined}
                    onClick={() => setRevoking(i.id)}
                  >
                    Revoke
                  </Button>
                  <ConfirmDialog
                    open={revoking === i.id}
                    onOpenChange={(open) => setRevoking(open ? i.id : null)}
                    title={`Revoke the invite for ${i.email}?`}
                    description="The link stops working at once. To let them in later, create a new invite."
                    cancelLabel="Keep it"
                    confirmLabel="Revoke invite"
                    icon={Trash2}
                    error={error}
                    onConfirm={async () =>
                      (await run(
                        () => apiFetch(`${base}/invites/${i.id}`, { method: "DELETE" }),
                        `The invite for ${i.email} was revoked.`,
                      )) && setRevoking(null)
                    }
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      </section>
    </div>
  );
}

function InviteForm(props: { projectSlug: string; roles: ProjectRole[]; onCreated: () => void }) {
  const { busy, error, fields, run } = useRequest();
  const [created, setCreated] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  const { formProps, markSaved } = useFormChanges();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const invite = await run(() =>
      apiFetch<{ email: string; url: string; expiresAt: string }>(`/api/projects/${props.projectSlug}/invites`, {
        body: { email: form.get("email"), role: form.get("role") },
      }),
    );
    if (!invite) return;
    setCreated(invite);
    formElement.reset();
    markSaved();
    props.onCreated();
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-4 rounded-lg border border-line bg-surface p-5">
      <h2 id="invite-heading" className="text-base font-semibold">
        Invite someone
      </h2>
      <form
        {...formProps}
        onSubmit={onSubmit}
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
        noValidate
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          placeholder="name@example.com"
          required
          error={fields.email}
        />
        <SelectField label="Role" name="role" defaultValue="EDITOR" error={fields.role}>
          {props.roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r].label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={busy} className="sm:mt-6" icon={UserPlus}>
          Create invite link
        </Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {created ? (
        <div className="space-y-2 rounded-md border border-line bg-subtle p-3" data-testid="invite-link">
          <p>
            Send this link to <strong>{created.email}</strong>. It works once and expires on{" "}
            <Time value={created.expiresAt} format="date" />; it is shown only now.
          </p>
          <div className="flex gap-2">
            <input
              readOnly
              value={created.url}
              aria-label="Invite link"
              className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-1.5 font-mono text-xs"
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={created.url} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
