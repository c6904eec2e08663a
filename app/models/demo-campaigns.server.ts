import type { Prisma } from "#app/generated/prisma/client.ts";
import { now } from "#app/utils/clock.server.ts";

/**
 * Demo campaigns, so a newcomer sees the feature (and the public pages have one to
 * show): New Year postcards for everyone letters reach, running for a month from the
 * day the demo is loaded, with a public page and a fund's link; and the birthdays of
 * the current month.
 */
export async function seedDemoCampaigns(tx: Prisma.TransactionClient): Promise<void> {
  const at = now();
  const coordinator = await tx.user.findUnique({
    where: { email: "coordinator@demo.solidarity.test" },
    select: { id: true },
  });
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const today = day(year, month, at.getUTCDate());
  const base = { createdById: coordinator?.id ?? null, createdAt: at, updatedAt: at };
  await tx.campaign.create({
    data: {
      ...base,
      slug: "new-year-postcards",
      titleEn: "New Year postcards",
      titleRu: "Новогодние открытки",
      titleBe: "Навагоднія паштоўкі",
      whyEn:
        "The New Year is the hardest time to be far from home. Two postcards for each person on the list: a few warm words in Russian or Belarusian are enough.",
      whyRu:
        "Новый год — самое трудное время вдали от дома. По две открытки каждому человеку из списка: достаточно нескольких тёплых слов.",
      whyBe:
        "Новы год — самы цяжкі час удалечыні ад дому. Па дзве паштоўкі кожнаму чалавеку са спісу: дастаткова некалькіх цёплых слоў.",
      rule: "holiday",
      ruleHoliday: "new_year",
      startsOn: today,
      endsOn: new Date(today.getTime() + 30 * 86_400_000),
      goalKind: "per_person",
      goalCount: 2,
      shareable: true,
      fundraiserUrl: "https://bysol.org/en/",
    },
  });
  await tx.campaign.create({
    data: {
      ...base,
      slug: "birthdays-this-month",
      titleEn: "Birthday cards this month",
      titleRu: "Открытки ко дню рождения в этом месяце",
      titleBe: "Паштоўкі да дня нараджэння ў гэтым месяцы",
      whyEn: "A card on a birthday tells someone they are not forgotten.",
      whyRu: "Открытка в день рождения говорит человеку, что его не забыли.",
      whyBe: "Паштоўка ў дзень нараджэння кажа чалавеку, што яго не забылі.",
      rule: "birthdays_in_month",
      ruleMonth: month + 1,
      startsOn: day(year, month, 1),
      endsOn: day(year, month + 1, 0),
      goalKind: "per_person",
      goalCount: 3,
      shareable: true,
    },
  });
}
