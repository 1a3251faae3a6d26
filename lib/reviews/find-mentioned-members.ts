import { db } from "@/lib/db";
import { findMentions, type Mentionable } from "@/lib/reviews/find-mentions";

/** The project's members a text @mentions (no query at all when the text has no @). */
export async function findMentionedMembers(opts: { projectId: string; text: string }): Promise<Mentionable[]> {
  if (!opts.text.includes("@")) return [];
  const members = await db.membership.findMany({ where: { projectId: opts.projectId }, select: { user: { select: { id: true, email: true, name: true } } } });
  return findMentions(opts.text, members.map((m) => m.user));
}
