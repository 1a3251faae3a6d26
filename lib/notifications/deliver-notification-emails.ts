import nodemailer, { type Transporter } from "nodemailer";

import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { CreatedNotification } from "@/lib/notifications/create-notifications";

let transport: { url: string; transporter: Transporter } | null = null;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Origin for links in emails: NEXTAUTH_URL, or this server's own address. */
function linkOrigin(): string {
  const env = getEnv();
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : `http://localhost:${env.PORT}`;
}

/**
 * Emails what was just put in people's inboxes, when SMTP_URL is set, to those who have not turned
 * email off. Runs after the change committed; a mail server that fails is logged and never undoes
 * or delays the change (callers do not await it on the request path).
 */
export async function deliverNotificationEmails(notifications: CreatedNotification[]): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_URL || !notifications.length) return;
  try {
    const users = await db.user.findMany({
      where: { id: { in: [...new Set(notifications.map((n) => n.userId))] }, emailNotifications: true },
      select: { id: true, email: true, name: true },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    const from = env.SMTP_FROM ?? "Galley <galley@localhost>";
    const origin = linkOrigin();
    await Promise.all(
      notifications.map(async (n) => {
        const user = byId.get(n.userId);
        if (!user) return;
        const link = `${origin}${n.href}`;
        const settings = `${origin}/account`;
        try {
          await transporterFor(env.SMTP_URL!).sendMail({
            from,
            to: user.email,
            subject: n.title,
            text: `${n.title}\n\n${n.body ? `${n.body}\n\n` : ""}Open it: ${link}\n\nYou get this because you are a member of a Galley project. Turn these emails off in your profile: ${settings}\n`,
            html: `<p><strong>${escapeHtml(n.title)}</strong></p>${n.body ? `<p style="white-space:pre-wrap">${escapeHtml(n.body)}</p>` : ""}<p><a href="${escapeHtml(link)}">Open it in Galley</a></p><p style="color:#666;font-size:12px">You get this because you are a member of a Galley project. <a href="${escapeHtml(settings)}">Turn these emails off</a>.</p>`,
          });
        } catch (error) {
          log.warn("notification email failed", {
            notificationId: n.id,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
  } catch (error) {
    log.warn("notification emails failed", { error: error instanceof Error ? error.message : String(error) });
  }
}
