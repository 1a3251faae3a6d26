// @mentions in what people write on a review (its description, its comments) go through one helper,
// notifyMentionedMembers: the same members found, the same notification, whichever text names them.
import { beforeAll, describe, expect, it } from "vitest";

import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { createReview } from "@/lib/reviews/create-review";

import { ctxFor, makeProject, makeUser } from "./helpers";

describe("review mentions", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;
  const handle = (role: ProjectRole) => `@${member(role).email.split("@")[0]}`;
  const as = (role: ProjectRole) => ({
    ctx: ctxFor(member(role)),
    project: f.project,
    actor: { id: member(role).id, name: member(role).name, role },
  });
  const mentionsOf = (role: ProjectRole) =>
    db.notification.findMany({
      where: { userId: member(role).id, projectId: f.project.id, kind: "mentioned" },
      orderBy: { createdAt: "asc" },
    });

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["EDITOR", "REVIEWER", "ADMIN", "VIEWER"]);
    promptId = (
      await createPrompt({
        ctx: as("EDITOR").ctx,
        projectId: f.project.id,
        input: { name: "support/mention", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    await saveVersion({
      ctx: as("EDITOR").ctx,
      projectId: f.project.id,
      promptId,
      authorId: member("EDITOR").id,
      baseVersion: 0,
      message: "v1",
      content: { template: "Hello", contract: { variables: [] }, modelConfig: {} },
    });
  });

  it("tells the members a review's description names, once each, but not its reviewers (they were asked) nor its author", async () => {
    const outsider = await makeUser();
    const description = `${handle("VIEWER")} and ${handle("ADMIN")}, FYI. ${handle("REVIEWER")} please look. Me: ${handle("EDITOR")}. Not a member: @${outsider.email.split("@")[0]}. Again ${handle("VIEWER")}. Code: \`${handle("ADMIN")}\``;
    const { number, href } = await createReview({
      ...as("EDITOR"),
      input: {
        promptId,
        version: 1,
        environment: "staging",
        reviewerIds: [member("REVIEWER").id],
        title: "",
        description,
      },
    });

    for (const role of ["VIEWER", "ADMIN"] as const) {
      expect(await mentionsOf(role)).toMatchObject([
        {
          title: `${member("EDITOR").name} mentioned you on review #${number} (support/mention)`,
          body: description,
          href,
          actorName: member("EDITOR").name,
        },
      ]);
    }
    expect(await mentionsOf("REVIEWER")).toEqual([]);
    expect(
      await db.notification.findMany({
        where: { userId: member("REVIEWER").id, projectId: f.project.id },
        select: { kind: true },
      }),
    ).toEqual([{ kind: "review-requested" }]);
    expect(await mentionsOf("EDITOR")).toEqual([]);
    expect(await db.notification.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it("tells the members a comment names, linking to that comment, with the same words as a description", async () => {
    const { number, href } = await createReview({
      ...as("EDITOR"),
      input: {
        promptId,
        version: 1,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: "",
        description: "No mentions here.",
      },
    });
    const before = await mentionsOf("VIEWER");
    const comment = await commentOnReview({
      ...as("REVIEWER"),
      number,
      body: `${handle("VIEWER")} and ${handle("REVIEWER")} (that is me) and ${handle("EDITOR")}`,
    });
    // Who was named, the commenter too, as the comment box shows it; the commenter gets no notification.
    expect(comment.mentioned.sort()).toEqual(
      [member("VIEWER").name, member("REVIEWER").name, member("EDITOR").name].sort(),
    );
    expect(await mentionsOf("REVIEWER")).toEqual([]);
    for (const role of ["VIEWER", "EDITOR"] as const) {
      const latest = (await mentionsOf(role)).at(-1);
      expect(latest).toMatchObject({
        title: `${member("REVIEWER").name} mentioned you on review #${number} (support/mention)`,
        href: `${href}#comment-${comment.id}`,
      });
    }
    expect(await mentionsOf("VIEWER")).toHaveLength(before.length + 1);

    // A comment that names nobody tells nobody.
    const quiet = await commentOnReview({
      ...as("REVIEWER"),
      number,
      body: "Looks fine, write to support@example.com",
    });
    expect(quiet.mentioned).toEqual([]);
    expect(await mentionsOf("VIEWER")).toHaveLength(before.length + 1);
  });
});
