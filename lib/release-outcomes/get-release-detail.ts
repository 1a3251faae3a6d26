// The Releases page's figures: a release with its steps (lib/releases) and its outcomes (lib/outcomes), in a
// folder of its own so neither of those depends on the other through it.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  readReleaseOutcomes,
  type ArmFeedback,
  type ArmVerdict,
  type UsageSeries,
} from "@/lib/release-outcomes/read-release-outcomes";
import {
  listReleaseSteps,
  releaseSummary,
  type ReleaseStepView,
  type ReleaseSummary,
} from "@/lib/releases/get-releases-overview";

export type ReleaseDetail = ReleaseSummary & {
  steps: ReleaseStepView[];
  usage: UsageSeries;
  feedback: ArmFeedback[];
  /** Each other arm against the base: better, worse, no difference yet or not enough data (95 %). */
  verdicts: ArmVerdict[];
};

/** One release of a prompt with its steps, requests per arm over its lifetime, feedback per arm and the verdicts. */
export async function getReleaseDetail(opts: {
  projectId: string;
  promptId: string;
  releaseId: string;
}): Promise<ReleaseDetail> {
  const release = await db.release.findFirst({
    where: { id: opts.releaseId, projectId: opts.projectId, promptId: opts.promptId },
    include: { environment: { select: { slug: true, name: true } } },
  });
  if (!release) throw new AppError({ code: "not_found", message: "No such release of this prompt." });
  const view = releaseSummary(release);
  const versions = new Set([view.baseVersion, ...view.arms.map((a) => a.version)]);
  const [steps, outcomes] = await Promise.all([
    listReleaseSteps({ projectId: opts.projectId, releaseId: release.id }),
    readReleaseOutcomes({
      projectId: opts.projectId,
      releaseId: release.id,
      baseVersion: view.baseVersion,
      versions: [...versions].sort((a, b) => a - b),
      from: release.createdAt,
      to: release.endedAt ?? new Date(),
    }),
  ]);
  return { ...view, steps, ...outcomes };
}
