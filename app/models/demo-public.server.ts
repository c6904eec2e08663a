import type { Prisma } from "#app/generated/prisma/client.ts";
import { now } from "#app/utils/clock.server.ts";
import { dayStart, dayOf } from "#app/support/campaign-rules.ts";

/**
 * Demo public pages (docs/public-pages.md): Viasna's list is published with names, so
 * its source is marked "names are public"; the family's fundraiser need and the
 * "welcome home" need are shareable on /needs/public; the fund's reported amounts
 * are entered for the travel need and the New Year campaign.
 */
export async function seedDemoPublic(tx: Prisma.TransactionClient): Promise<void> {
  const at = now();
  const coordinator = await tx.user.findUnique({ where: { email: "coordinator@demo.solidarity.test" } });
  await tx.source.updateMany({ where: { slug: "viasna" }, data: { namesPublic: true } });
  await tx.need.updateMany({ where: { OR: [{ via: "fundraiser" }, { kind: "gift" }] }, data: { shareable: true } });
  const reportedOn = dayStart(dayOf(at));
  const travel = await tx.need.findFirst({ where: { via: "fundraiser", fundraiserUrl: { not: null } } });
  if (travel) {
    await tx.fundraiserReport.create({
      data: {
        needId: travel.id,
        amount: 40,
        currency: "EUR",
        reportedOn,
        domain: "bysol.org",
        createdById: coordinator?.id,
      },
    });
  }
  const newYear = await tx.campaign.findUnique({ where: { slug: "new-year-postcards" } });
  if (newYear?.fundraiserUrl) {
    await tx.fundraiserReport.create({
      data: {
        campaignId: newYear.id,
        amount: 1250,
        currency: "EUR",
        reportedOn,
        domain: "bysol.org",
        createdById: coordinator?.id,
      },
    });
  }
}
