import crypto from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";

/**
 * Builders for integration tests: each creates one row with plausible defaults in the
 * database the test runs on (see db.ts), and takes the fields a test cares about as
 * overrides. Names and addresses are Belarusian, as most of the real data is.
 */

let sequence = 0;
/** A number no other row built in this process has used: for names and keys that must be unique. */
export function unique(): number {
  return ++sequence;
}

type UserOverrides = Partial<Prisma.UserUncheckedCreateInput>;

/** A person with an account: an approved volunteer unless told otherwise; the pseudonym is the e-mail's local part. */
export function createUser(overrides: UserOverrides = {}) {
  const email = overrides.email ?? `user${unique()}@example.org`;
  return prisma.user.create({
    data: { email, pseudonym: email.split("@")[0], role: "volunteer", vettingState: "approved", ...overrides },
  });
}

/** An approved volunteer who writes in Russian. */
export function createVolunteer(overrides: UserOverrides = {}) {
  return createUser({ writesIn: ["ru"], ...overrides });
}

export function createCoordinator(overrides: UserOverrides = {}) {
  return createUser({ role: "coordinator", ...overrides });
}

export function createAdmin(overrides: UserOverrides = {}) {
  return createUser({ role: "admin", ...overrides });
}

/** A Belarusian colony that takes letters in Russian and Belarusian. */
export function createFacility(overrides: Partial<Prisma.FacilityUncheckedCreateInput> = {}) {
  return prisma.facility.create({
    data: {
      country: "BY",
      type: "colony",
      // Random, so that it never meets a name a test gives (facilities are unique by country, name and city).
      name: `ИК №${crypto.randomUUID().slice(0, 8)}`,
      street: "ул. Антошкина, 3",
      postcode: "246035",
      city: "Гомель",
      languages: ["ru", "be"],
      ...overrides,
    },
  });
}

export interface NameInput {
  script: "cyrillic_be" | "cyrillic_ru" | "latin";
  surname: string;
  givenName: string;
  patronymic?: string;
  isPrimary?: boolean;
}

/**
 * A Belarusian prisoner. Held at a new facility of their own unless `currentFacilityId`
 * is given (null: no known place); named Кастусёў Рыгор unless `names` says otherwise.
 */
export async function createPrisoner(
  data: Partial<Prisma.PrisonerUncheckedCreateInput> = {},
  options: { names?: NameInput[]; facility?: Partial<Prisma.FacilityUncheckedCreateInput> } = {},
) {
  const currentFacilityId =
    "currentFacilityId" in data ? data.currentFacilityId : (await createFacility(options.facility)).id;
  const names = options.names ?? [{ script: "cyrillic_be", surname: "Кастусёў", givenName: "Рыгор", isPrimary: true }];
  return prisma.prisoner.create({
    data: { country: "BY", ...data, currentFacilityId, names: { create: names } },
  });
}

export interface StatusInput {
  key: string;
  position: number;
  usualDays?: number;
  isFinal?: boolean;
}

/** The three statuses most test routes go through. */
export const SIMPLE_STATUSES: StatusInput[] = [
  { key: "queued", position: 0, usualDays: 1 },
  { key: "posted", position: 1, usualDays: 14 },
  { key: "delivered", position: 2, isFinal: true },
];

/** A route for letters and postcards to Belarus, in Russian or Belarusian, handed over by e-mail unless told otherwise. */
export function createRoute(
  slug: string,
  data: Partial<Prisma.RouteCreateInput> = {},
  statuses: StatusInput[] = SIMPLE_STATUSES,
) {
  return prisma.route.create({
    data: {
      slug,
      name: slug,
      description: slug,
      countries: ["BY"],
      itemKinds: ["letter", "postcard"],
      languages: ["ru", "be"],
      handover: "email",
      ...data,
      statuses: { create: statuses },
    },
  });
}

/** A letter already on its way (state "sent", status "posted" unless told otherwise), sent now. */
export function createSentLetter(
  authorId: string,
  prisonerId: string,
  data: Partial<Prisma.LetterUncheckedCreateInput> = {},
) {
  const at = now();
  return prisma.letter.create({
    data: {
      authorId,
      prisonerId,
      state: "sent",
      status: "posted",
      sentAt: at,
      statusChangedAt: at,
      createdAt: at,
      updatedAt: at,
      ...data,
    },
  });
}

/** A parcel: a draft unless told otherwise. */
export function createParcel(
  senderId: string | null,
  prisonerId: string,
  data: Partial<Prisma.ParcelUncheckedCreateInput> = {},
) {
  return prisma.parcel.create({ data: { senderId, prisonerId, state: "draft", ...data } });
}

/** A source list (Viasna, Memorial…) prisoners are imported from. */
export function createSource(slug: string, data: Partial<Prisma.SourceUncheckedCreateInput> = {}) {
  return prisma.source.create({ data: { slug, name: slug, country: "BY", ...data } });
}
