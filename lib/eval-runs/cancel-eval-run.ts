import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { abortEvalRunHere } from "@/lib/eval-runs/eval-worker-hooks";
import { finishEvalRun } from "@/lib/eval-runs/finish-eval-run";
import type { RequestContext } from "@/lib/request-context";

/**
 * Cancels a queued or running eval run: its pending rows leave the queue, rows in flight here are
 * aborted at once (on other instances within their next tick), and what finished keeps its scores
 * (the columns' pass rates are over those). A run that already ended is a 409.
 */
export async function cancelEvalRun(opts: {
  ctx: RequestContext;
  projectId: string;
  number: number;
}): Promise<{ number: number; status: "cancelled" }> {
  const run = await db.evalRun.findUnique({
    where: { projectId_number: { projectId: opts.projectId, number: opts.number } },
    select: { id: true, status: true },
  });
  if (!run) throw new AppError({ code: "not_found", message: `No eval run #${opts.number} in this project.` });
  const closed = await finishEvalRun({
    runId: run.id,
    status: "cancelled",
    onClosed: (tx) =>
      writeAuditEntry({
        tx,
        ctx: opts.ctx,
        projectId: opts.projectId,
        action: "eval-run.cancel",
        target: { type: "eval-run", id: run.id },
        after: { number: opts.number },
      }),
  });
  if (!closed) {
    const now = await db.evalRun.findUnique({ where: { id: run.id }, select: { status: true } });
    const ended = {
      finished: "has already finished",
      cancelled: "was already cancelled",
      failed: "has already failed",
    };
    throw new AppError({
      code: "conflict",
      message: `Eval run #${opts.number} ${ended[(now?.status ?? run.status) as keyof typeof ended] ?? "has already ended"}.`,
    });
  }
  abortEvalRunHere(run.id);
  return { number: opts.number, status: "cancelled" };
}
