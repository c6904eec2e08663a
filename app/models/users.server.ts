import type { Role, User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { appUrl } from "#app/utils/config.server.ts";
import { queueEmail } from "#app/utils/email.server.ts";
import { can, type Actor } from "#app/utils/permissions.ts";
import { isLocale, translator, DEFAULT_LOCALE } from "#app/i18n/i18n.ts";
import { DomainError, type DomainErrorTable } from "#app/utils/domain-error.ts";
import { renderEmail } from "#app/emails/layout.server.ts";
import { normalizeEmail } from "./sign-in.server";

export type PermissionErrorCode = "forbidden";

export const PERMISSION_ERRORS: DomainErrorTable<PermissionErrorCode> = {
  forbidden: { kind: "forbidden", message: "error.forbidden" },
};

/** The actor lacks the permission (named in `permission`) for what they asked. */
export class PermissionError extends DomainError<PermissionErrorCode> {
  constructor(readonly permission: string) {
    super("forbidden", PERMISSION_ERRORS, {}, permission);
  }
}

export async function createVolunteer(input: { email: string; pseudonym: string; locale: string; writesIn: string[] }) {
  const user = await prisma.user.create({
    data: {
      email: normalizeEmail(input.email),
      pseudonym: input.pseudonym.trim(),
      locale: input.locale,
      writesIn: input.writesIn,
      role: "volunteer",
      vettingState: "pending",
      createdAt: now(),
    },
  });
  await audit({
    actorId: user.id,
    action: "user.created",
    targetType: "user",
    targetId: user.id,
    details: { via: "sign-up" },
  });
  return user;
}

export interface UserListFilter {
  state?: "pending" | "approved" | "suspended";
  role?: Role;
  query?: string;
  page?: number;
}

export const USERS_PER_PAGE = 25;

export async function listUsers(filter: UserListFilter) {
  const where = {
    ...(filter.state ? { vettingState: filter.state } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.query
      ? {
          OR: [
            { pseudonym: { contains: filter.query, mode: "insensitive" as const } },
            { email: { contains: filter.query, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const page = Math.max(1, filter.page ?? 1);
  const [users, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }],
      skip: (page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: {
        id: true,
        email: true,
        pseudonym: true,
        role: true,
        vettingState: true,
        createdAt: true,
        approvedAt: true,
        lastSignInAt: true,
        writesIn: true,
      },
    }),
    prisma.user.count({ where }),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

type VettingChange = "approve" | "suspend" | "reinstate";

/**
 * Coordinators vet volunteers. Only admins may act on coordinators and admins,
 * and nobody changes their own standing.
 */
export async function changeVetting(actor: User, targetId: string, change: VettingChange): Promise<User> {
  if (!can(actor, "approve:volunteers")) throw new PermissionError("approve:volunteers");
  if (actor.id === targetId) throw new PermissionError("self");
  const target = await prisma.user.findUniqueOrThrow({ where: { id: targetId } });
  if (target.role !== "volunteer" && !can(actor, "change:roles")) throw new PermissionError("privileged-target");
  const at = now();
  const data =
    change === "suspend"
      ? { vettingState: "suspended" as const }
      : {
          vettingState: "approved" as const,
          approvedAt: target.approvedAt ?? at,
          approvedById: target.approvedById ?? actor.id,
        };
  const updated = await prisma.user.update({ where: { id: targetId }, data });
  if (change === "suspend") await prisma.session.deleteMany({ where: { userId: targetId } });
  await audit({
    actorId: actor.id,
    action: change === "approve" ? "user.approved" : change === "suspend" ? "user.suspended" : "user.reinstated",
    targetType: "user",
    targetId,
    details: { from: target.vettingState, to: updated.vettingState },
  });
  if (change === "approve" && target.vettingState === "pending") {
    const locale = isLocale(target.locale) ? target.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    await queueEmail({
      to: target.email,
      purpose: "approval",
      subject: t("email.approved.subject"),
      ...renderEmail(locale, {
        paragraphs: [t("email.approved.greeting", { pseudonym: target.pseudonym }), t("email.approved.body")],
        action: { label: t("email.approved.button"), url: `${appUrl()}/login` },
      }),
    });
  }
  return updated;
}

export async function changeRole(actor: Actor & { id: string }, targetId: string, role: Role): Promise<User> {
  if (!can(actor, "change:roles")) throw new PermissionError("change:roles");
  if (actor.id === targetId) throw new PermissionError("self");
  const target = await prisma.user.findUniqueOrThrow({ where: { id: targetId } });
  if (target.role === role) return target;
  const updated = await prisma.user.update({ where: { id: targetId }, data: { role } });
  // A new coordinator must sign in again and set up TOTP; a demoted one loses their elevated sessions.
  await prisma.session.deleteMany({ where: { userId: targetId } });
  await audit({
    actorId: actor.id,
    action: "user.role_changed",
    targetType: "user",
    targetId,
    details: { from: target.role, to: role },
  });
  return updated;
}

export async function updateProfile(userId: string, input: { pseudonym: string; writesIn: string[]; locale: string }) {
  return prisma.user.update({
    where: { id: userId },
    data: { pseudonym: input.pseudonym.trim(), writesIn: input.writesIn, locale: input.locale },
  });
}

/** The language a person chose: kept with the account so e-mails and other devices use it too. */
export async function setUserLocale(userId: string, locale: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}

/** Whether an account exists for this e-mail address. */
export async function accountExists(email: string): Promise<boolean> {
  return (await prisma.user.findUnique({ where: { email }, select: { id: true } })) !== null;
}

export async function getUserById(id: string) {
  return prisma.user.findUniqueOrThrow({ where: { id } });
}
