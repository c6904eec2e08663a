import { prisma } from "#app/utils/db.server.ts";

export const AUDIT_PER_PAGE = 50;

export async function listAuditEntries({ page = 1, action }: { page?: number; action?: string }) {
  const where = action ? { action } : {};
  const [entries, total] = await Promise.all([
    prisma.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * AUDIT_PER_PAGE,
      take: AUDIT_PER_PAGE,
      include: { actor: { select: { pseudonym: true } } },
    }),
    prisma.auditLog.count({ where }),
  ]);
  return { entries, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PER_PAGE)) };
}

export async function allAuditEntries() {
  return prisma.auditLog.findMany({
    orderBy: { createdAt: "desc" },
    include: { actor: { select: { pseudonym: true } } },
  });
}
