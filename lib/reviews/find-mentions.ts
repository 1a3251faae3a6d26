// Pure: who a comment @mentions. Shared by the server (notifications) and the comment box (hints).

export type Mentionable = { id: string; email: string; name: string };

const mention = /(^|[^\w@.])@([a-z0-9][a-z0-9._+-]*(?:@[a-z0-9.-]+\.[a-z]{2,})?)/gi;

/** The handle people type for a member: the part of their email before the @. */
export const handleOf = (m: Mentionable) => m.email.split("@")[0]!.toLowerCase();

/**
 * Members named in a text as `@handle` (their email before the @) or `@full@email`. Text in code
 * spans and blocks does not mention anyone; an unknown handle is left alone.
 */
export function findMentions(text: string, members: Mentionable[]): Mentionable[] {
  const prose = text.replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");
  const found = new Map<string, Mentionable>();
  for (const match of prose.matchAll(mention)) {
    const token = match[2]!.toLowerCase().replace(/[.]+$/, "");
    const member = members.find((m) => m.email.toLowerCase() === token || handleOf(m) === token);
    if (member) found.set(member.id, member);
  }
  return [...found.values()];
}
