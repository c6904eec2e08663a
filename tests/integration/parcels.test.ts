import { expect, test } from "vitest";
import type { Prisma, User } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import {
  changeParcelStatus,
  checkParcelForPrisoner,
  createParcelDraft,
  deleteParcelDraft,
  ensureParcelDefaults,
  getParcel,
  listBannedTerms,
  listCatalog,
  listOwnParcels,
  parcelBoxWeight,
  parcelHistory,
  parcelVerdict,
  ParcelRefusedError,
  ParcelStateError,
  recordTrackingNumber,
  removeBannedTerm,
  saveCatalogItem,
  saveParcelDraft,
  sendParcel,
  setParcelBoxWeight,
  TrackingNumberError,
} from "#app/models/parcels.server.ts";
import { getParcelPage } from "#app/models/parcel-page.server.ts";
import { itemEvents, listItems } from "#app/models/tracking.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import type { ParcelDraftInput, ParcelItemInput } from "#app/schemas/parcels.ts";
import type { ProblemCode } from "#app/parcels/rules.ts";
import { DEFAULT_BANNED_TERMS, DEFAULT_CATALOG } from "#app/parcels/defaults.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { updatePrisoner } from "#app/models/prisoner-edits.server.ts";
import { prisonerEditSchema } from "#app/schemas/prisoners.ts";
import { customsItems, renderCustomsPdf } from "#app/parcels/customs-pdf.server.ts";
import { extractText, getDocumentProxy } from "unpdf";

async function pdfPages(pdf: Buffer): Promise<string[]> {
  return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })).text;
}

/** Moves the app's clock to a moment (the tests' own "now"). */
function setClock(iso: string) {
  advanceClock(new Date(iso).getTime() - now().getTime());
}

async function user(
  email: string,
  role: "volunteer" | "coordinator" = "volunteer",
  vettingState: "approved" | "pending" = "approved",
) {
  return prisma.user.create({ data: { email, pseudonym: email.split("@")[0], role, vettingState } });
}

async function facility(data: Partial<Prisma.FacilityUncheckedCreateInput> = {}) {
  return prisma.facility.create({
    data: {
      country: "BY",
      type: "sizo",
      name: `СИЗО №${Math.floor(Math.random() * 100_000)}`,
      street: "ул. Володарского, 2",
      postcode: "220030",
      city: "г. Минск",
      parcelsFromAbroad: true,
      parcelWeightLimitGrams: 30_000,
      parcelMonthlyWeightLimitGrams: 30_000,
      ...data,
    },
  });
}

async function prisoner(facilityId: string | null, data: Partial<Prisma.PrisonerUncheckedCreateInput> = {}) {
  return prisma.prisoner.create({
    data: {
      country: "BY",
      status: "pretrial",
      currentFacilityId: facilityId,
      ...data,
      names: {
        create: [
          { script: "cyrillic_be", surname: "Верабей", givenName: "Дзмітрый", patronymic: "Алегавіч", isPrimary: true },
          { script: "cyrillic_ru", surname: "Воробей", givenName: "Дмитрий", patronymic: "Олегович" },
        ],
      },
    },
  });
}

async function parcelRoute(countries: ("BY" | "RU")[] = ["BY"]) {
  return prisma.route.create({
    data: {
      slug: `parcel-post-${countries.join("-")}`,
      name: "Parcel post",
      description: "x",
      countries,
      itemKinds: ["parcel"],
      languages: ["ru"],
      handover: "print_pdf",
      statuses: {
        create: [
          { key: "queued", position: 0, usualDays: 7 },
          { key: "posted", position: 1, usualDays: 2 },
          { key: "in_transit", position: 2, usualDays: 21 },
          { key: "arrived_at_facility", position: 3, usualDays: 7 },
          { key: "delivered", position: 4, isFinal: true },
          { key: "returned", position: 5, isFinal: true },
          { key: "unknown", position: 6, isFinal: true },
        ],
      },
    },
  });
}

async function catalog() {
  const make = (nameEn: string, data: Partial<Prisma.CatalogItemCreateInput> = {}) =>
    prisma.catalogItem.create({
      data: {
        nameEn,
        nameRu: `${nameEn} (ru)`,
        category: "food",
        unitWeightGrams: 1000,
        typicalValueCents: 200,
        ...data,
      },
    });
  return {
    sugar: await make("Sugar, 1 kg"),
    tea: await make("Black tea, 100 g", { unitWeightGrams: 100, typicalValueCents: 250 }),
    meat: await make("Canned meat", { unitWeightGrams: 340, bannedFacilityTypes: ["sizo", "police_jail"] }),
    apples: await make("Fresh apples, 1 kg", { perishable: true }),
  };
}

/** Everything a SIZO parcel needs: a route, a catalogue, the default banned words, a volunteer and a pre-trial detainee. */
async function setup(facilityData: Partial<Prisma.FacilityUncheckedCreateInput> = {}) {
  const route = await parcelRoute();
  const items = await catalog();
  await ensureParcelDefaults();
  const f = await facility(facilityData);
  const p = await prisoner(f.id);
  const v = await user("forest.bird@example.org");
  return { route, items, facility: f, prisoner: p, volunteer: v };
}

function draftInput(items: ParcelItemInput[], over: Partial<ParcelDraftInput> = {}): ParcelDraftInput {
  return {
    packageKind: "parcel",
    fromAbroad: true,
    senderKind: "volunteer",
    onBehalfOf: null,
    senderDetails: "Forest Bird\nRelay, PO Box 12, Vilnius",
    routeId: null,
    items,
    ...over,
  };
}

const catalogItem = (id: string, quantity = 1): ParcelItemInput => ({
  catalogItemId: id,
  freeText: null,
  freeTextEn: null,
  quantity,
  unitWeightGrams: null,
  unitValueCents: null,
});
const freeItem = (
  text: string,
  quantity = 1,
  grams = 200,
  cents = 500,
  english: string | null = "Described item",
): ParcelItemInput => ({
  catalogItemId: null,
  freeText: text,
  freeTextEn: english,
  quantity,
  unitWeightGrams: grams,
  unitValueCents: cents,
});

async function draftWith(
  sender: User,
  prisonerId: string,
  items: ParcelItemInput[],
  over: Partial<ParcelDraftInput> = {},
) {
  const draft = await createParcelDraft(sender, prisonerId);
  await saveParcelDraft(sender, draft.id, draftInput(items, over));
  return draft;
}

async function refusal(promise: Promise<unknown>): Promise<ProblemCode[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ParcelRefusedError) return error.verdict.problems.map((p) => p.code);
    throw error;
  }
  throw new Error("expected the parcel to be refused");
}

/** A parcel already sent to the person, at a given moment. */
async function sentParcel(
  prisonerId: string,
  sentAt: string,
  grams: number,
  packageKind: "parcel" | "small_package" = "parcel",
  state: "sent" | "closed" = "sent",
  options: { status?: string; facilityId?: string | null } = {},
) {
  const { currentFacilityId } = await prisma.prisoner.findUniqueOrThrow({
    where: { id: prisonerId },
    select: { currentFacilityId: true },
  });
  return prisma.parcel.create({
    data: {
      prisonerId,
      facilityId: options.facilityId === undefined ? currentFacilityId : options.facilityId,
      state,
      status: options.status ?? (state === "closed" ? "delivered" : "posted"),
      packageKind,
      sentAt: new Date(sentAt),
      statusChangedAt: new Date(sentAt),
      items: { create: [{ freeText: "Black tea", quantity: 1, unitWeightGrams: grams, unitValueCents: 100 }] },
    },
  });
}

describeEachDatabase("parcels", () => {
  test("a SIZO parcel from abroad is refused for a banned word and an over-weight total, then sent once fixed", async () => {
    const { items, prisoner: p, volunteer: v, facility: f, route } = await setup();
    const draft = await draftWith(v, p.id, [
      catalogItem(items.sugar.id, 31),
      freeItem("Kitchen knife"),
      catalogItem(items.tea.id, 2),
    ]);
    expect(await refusal(sendParcel(v, draft.id))).toEqual(["weight", "monthlyWeight", "bannedTerm"]);
    expect((await prisma.parcel.findUniqueOrThrow({ where: { id: draft.id } })).state).toBe("draft");

    await saveParcelDraft(
      v,
      draft.id,
      draftInput([
        catalogItem(items.sugar.id, 2),
        catalogItem(items.tea.id, 3),
        freeItem("Шерстяные носки", 2, 120, 800),
      ]),
    );
    const own = await getParcel(v, draft.id);
    expect(await parcelVerdict(own!)).toMatchObject({
      ok: true,
      customsForm: "CN23",
      totals: { weightGrams: 2540, valueCents: 2750, units: 7 },
    });
    const sent = await sendParcel(v, draft.id);
    expect(sent.status).toBe("queued");
    const parcel = await prisma.parcel.findUniqueOrThrow({
      where: { id: draft.id },
      include: { events: true, items: true },
    });
    expect(parcel).toMatchObject({
      state: "sent",
      status: "queued",
      routeId: route.id,
      facilityId: f.id,
      customsForm: "CN23",
    });
    expect(parcel.sentAt).toBeInstanceOf(Date);
    expect(parcel.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "queued", actorId: v.id })]);
    // The catalogue's weight and value are copied into the parcel.
    expect(parcel.items.find((i) => i.catalogItemId === items.sugar.id)).toMatchObject({
      quantity: 2,
      unitWeightGrams: 1000,
      unitValueCents: 200,
    });
    // Sent: no more editing, deleting or sending again.
    await expect(saveParcelDraft(v, draft.id, draftInput([]))).rejects.toThrow("not-a-draft");
    expect(await deleteParcelDraft(v, draft.id)).toBe(false);
    await expect(sendParcel(v, draft.id)).rejects.toThrow("not-a-draft");
    expect((await listOwnParcels(v.id)).map((l) => [l.state, l.prisonerName])).toEqual([
      ["sent", "Верабей Дзмітрый Алегавіч"],
    ]);
  });

  test("each content rule: empty, perishable, banned at this type of facility, banned words, a gift alone", async () => {
    const { items, prisoner: p, volunteer: v } = await setup();
    expect(await refusal(sendParcel(v, (await draftWith(v, p.id, [])).id))).toEqual(["empty"]);
    expect(await refusal(sendParcel(v, (await draftWith(v, p.id, [catalogItem(items.apples.id)])).id))).toEqual([
      "perishable",
    ]);
    expect(await refusal(sendParcel(v, (await draftWith(v, p.id, [catalogItem(items.meat.id)])).id))).toEqual([
      "bannedItem",
    ]);
    for (const text of [
      "Сим-карта",
      "SIM card",
      "Водка",
      "деньги в конверте",
      "Medicine for the heart",
      "mobile phone",
    ]) {
      expect(await refusal(sendParcel(v, (await draftWith(v, p.id, [freeItem(text)])).id)), text).toEqual([
        "bannedTerm",
      ]);
    }
    expect(await refusal(sendParcel(v, (await draftWith(v, p.id, [freeItem("Подарок")])).id))).toEqual(["vague"]);
    // A word a coordinator removes from the list no longer stops a parcel.
    const coordinator = await user("kasia@example.org", "coordinator");
    const vodka = (await listBannedTerms()).find((t) => t.term === "водк")!;
    await removeBannedTerm(coordinator, vodka.id);
    await sendParcel(v, (await draftWith(v, p.id, [freeItem("Водка")])).id);
  });

  test("who may receive: released people, people who asked not to be contacted, no facility, no route", async () => {
    const { items, facility: f, volunteer: v } = await setup();
    const released = await prisoner(f.id, { status: "released" });
    await expect(createParcelDraft(v, released.id)).rejects.toBeInstanceOf(PermissionError);
    const quiet = await prisoner(f.id, { doNotWrite: true, doNotWriteNote: "asked" });
    expect(await refusal(sendParcel(v, (await draftWith(v, quiet.id, [catalogItem(items.tea.id)])).id))).toEqual([
      "doNotWrite",
    ]);
    const nowhere = await prisoner(null);
    expect(await refusal(sendParcel(v, (await draftWith(v, nowhere.id, [catalogItem(items.tea.id)])).id))).toEqual([
      "noFacility",
    ]);
    const russian = await prisoner((await facility({ country: "RU", name: "СИЗО-1", city: "г. Москва" })).id, {
      country: "RU",
    });
    expect(await refusal(sendParcel(v, (await draftWith(v, russian.id, [catalogItem(items.tea.id)])).id))).toEqual([
      "noRoute",
    ]);
    const pending = await user("pending@example.org", "volunteer", "pending");
    await expect(createParcelDraft(pending, russian.id)).rejects.toBeInstanceOf(PermissionError);
  });

  test("who may send: from abroad only to a facility that takes it and a pre-trial detainee; colonies from relatives only", async () => {
    const { items, facility: sizo, volunteer: v } = await setup();
    const convicted = await prisoner(sizo.id, { status: "convicted", sentenceInForce: true });
    expect(await refusal(sendParcel(v, (await draftWith(v, convicted.id, [catalogItem(items.tea.id)])).id))).toEqual([
      "abroadNotPretrial",
    ]);
    const appealing = await prisoner(sizo.id, { status: "convicted", sentenceInForce: false });
    await sendParcel(v, (await draftWith(v, appealing.id, [catalogItem(items.tea.id)])).id);

    // "Relatives only" is the facility's data (set for Belarusian colonies), not its type.
    const colony = await facility({
      type: "colony",
      name: "ИК №2",
      parcelsFromAbroad: false,
      parcelsRelativesOnly: true,
    });
    const inColony = await prisoner(colony.id, { status: "convicted", sentenceInForce: true });
    expect(await refusal(sendParcel(v, (await draftWith(v, inColony.id, [catalogItem(items.tea.id)])).id))).toEqual([
      "relativesOnly",
      "abroadNotAccepted",
    ]);
    expect(
      await refusal(
        sendParcel(v, (await draftWith(v, inColony.id, [catalogItem(items.tea.id)], { fromAbroad: false })).id),
      ),
    ).toEqual(["relativesOnly"]);
    // A volunteer cannot claim to be a relative; the server keeps them a volunteer.
    expect(
      await refusal(
        sendParcel(
          v,
          (
            await draftWith(v, inColony.id, [catalogItem(items.tea.id)], {
              fromAbroad: false,
              senderKind: "relative",
              onBehalfOf: "Mother",
            })
          ).id,
        ),
      ),
    ).toEqual(["relativesOnly"]);
    // A coordinator prepares it on behalf of the family.
    const coordinator = await user("kasia@example.org", "coordinator");
    const family = await draftWith(coordinator, inColony.id, [catalogItem(items.meat.id)], {
      fromAbroad: false,
      senderKind: "relative",
      onBehalfOf: "The family (mother)",
    });
    await sendParcel(coordinator, family.id);
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({
      state: "sent",
      senderKind: "relative",
      onBehalfOf: "The family (mother)",
    });

    // A colony that takes parcels from anyone (Russian colonies, within the quota): the volunteer's parcel goes.
    const open = await facility({
      type: "colony",
      name: "ИК №3",
      parcelsFromAbroad: false,
      parcelsRelativesOnly: false,
    });
    const inOpen = await prisoner(open.id, { status: "convicted", sentenceInForce: true });
    await sendParcel(v, (await draftWith(v, inOpen.id, [catalogItem(items.tea.id)], { fromAbroad: false })).id);
  });

  test("the yearly quota counts parcels sent this calendar year only, parcels and small packages apart", async () => {
    setClock("2027-01-10T12:00:00Z");
    const { items, prisoner: p } = await setup({
      type: "juvenile_colony",
      parcelsFromAbroad: false,
      parcelQuotaPerYear: 2,
      smallPackageQuotaPerYear: 1,
    });
    const relative = { fromAbroad: false };
    const coordinator = await user("kasia@example.org", "coordinator");
    const onBehalf = { ...relative, senderKind: "relative" as const, onBehalfOf: "Mother" };
    // Last year's parcels do not count this year; drafts never count. The year is Minsk's (UTC+3):
    // 31 December 20:59 UTC is still 2026 there, 21:00 UTC is already 2027.
    await sentParcel(p.id, "2026-12-31T20:59:59Z", 1000);
    await sentParcel(p.id, "2026-06-01T10:00:00Z", 1000, "parcel", "closed");
    await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], onBehalf);
    await sentParcel(p.id, "2026-12-31T21:00:00Z", 1000, "parcel", "closed");
    expect(await parcelHistory(p.id)).toMatchObject({ year: 2027, sentThisYear: { parcel: 1, small_package: 0 } });
    await sendParcel(coordinator, (await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], onBehalf)).id);
    const third = await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], onBehalf);
    const refused = await sendParcel(coordinator, third.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ParcelRefusedError);
    expect((refused as ParcelRefusedError).verdict.problems).toEqual([
      { code: "quota", params: { kind: "parcel", quota: 2, used: 2, year: 2027 } },
    ]);
    // The small-package quota is separate.
    await sendParcel(
      coordinator,
      (await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], { ...onBehalf, packageKind: "small_package" }))
        .id,
    );
    expect(
      await refusal(
        sendParcel(
          coordinator,
          (
            await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], {
              ...onBehalf,
              packageKind: "small_package",
            })
          ).id,
        ),
      ),
    ).toEqual(["quota"]);
    // Next year the quota starts again.
    setClock("2028-01-01T00:00:01Z");
    await sendParcel(coordinator, third.id);
  });

  test("the monthly weight counts parcels sent this calendar month only", async () => {
    setClock("2027-03-01T00:30:00Z");
    const { items, prisoner: p, volunteer: v } = await setup();
    // 20:59 UTC on 28 February is 23:59 in Minsk: still February there.
    await sentParcel(p.id, "2027-02-28T20:59:59Z", 25_000);
    // February's 25 kg do not count in March: 20 kg more is fine.
    await sendParcel(v, (await draftWith(v, p.id, [catalogItem(items.sugar.id, 20)])).id);
    // Gross: the 300 g default box the parcel was sent in counts too.
    expect(await parcelHistory(p.id)).toMatchObject({ month: "2027-03", gramsThisMonth: 20_300 });
    // March now has 20.3 kg: 11 kg more (11.3 kg with the default 300 g box) is over 30.
    const over = await draftWith(v, p.id, [catalogItem(items.sugar.id, 11)]);
    const refused = (await sendParcel(v, over.id).catch((e: unknown) => e)) as ParcelRefusedError;
    expect(refused.verdict.problems).toEqual([
      {
        code: "monthlyWeight",
        params: { weightGrams: 11_300, alreadyGrams: 20_300, limitGrams: 30_000, month: "2027-03" },
      },
    ]);
    await sendParcel(v, (await draftWith(v, p.id, [catalogItem(items.sugar.id, 9)])).id);
    // In April, the same 11 kg go.
    setClock("2027-04-01T00:00:00Z");
    await sendParcel(v, over.id);
  });

  test("the box of a parcel sent earlier this month counts in the monthly weight, as it was when sent", async () => {
    setClock("2027-05-10T12:00:00Z");
    const { items, prisoner: p, volunteer: v } = await setup();
    const coordinator = await user("coord.box@example.org", "coordinator");
    await setParcelBoxWeight(coordinator, 500);
    const first = await draftWith(v, p.id, [catalogItem(items.sugar.id, 15)]);
    await sendParcel(v, first.id);
    expect((await prisma.parcel.findUniqueOrThrow({ where: { id: first.id } })).boxWeightGrams).toBe(500);
    expect((await parcelHistory(p.id)).gramsThisMonth).toBe(15_500);
    // 14.1 kg of items in a 500 g box: 15.5 + 14.6 = 30.1 kg. Counting the items alone
    // (15 + 14.6 = 29.6 kg) would let it through.
    const second = await draftWith(v, p.id, [catalogItem(items.sugar.id, 14), catalogItem(items.tea.id)]);
    const refused = (await sendParcel(v, second.id).catch((e: unknown) => e)) as ParcelRefusedError;
    expect(refused.verdict.problems).toEqual([
      {
        code: "monthlyWeight",
        params: { weightGrams: 14_600, alreadyGrams: 15_500, limitGrams: 30_000, month: "2027-05" },
      },
    ]);
    // The setting changes later: the first parcel keeps the box it was sent with.
    await setParcelBoxWeight(coordinator, 0);
    expect((await parcelHistory(p.id)).gramsThisMonth).toBe(15_500);
    await sendParcel(v, second.id);
    expect((await parcelHistory(p.id)).gramsThisMonth).toBe(15_500 + 14_100);
  });

  test("a colony's quota follows the person's conditions of detention a coordinator records", async () => {
    const {
      items,
      prisoner: p,
      volunteer: v,
    } = await setup({
      type: "colony",
      parcelsFromAbroad: false,
      parcelsRelativesOnly: false,
      parcelQuotaOrdinary: 2,
      parcelQuotaStrict: 1,
    });
    await prisma.prisoner.update({ where: { id: p.id }, data: { status: "convicted", sentenceInForce: true } });
    await sentParcel(p.id, now().toISOString(), 1000);
    const draft = await draftWith(v, p.id, [catalogItem(items.tea.id)], { fromAbroad: false });
    // Conditions not known: the strictest quota (1 a year, strict conditions), and the page says so.
    const page = await getParcelPage(v, draft.id);
    expect(page?.rules.prisoner.conditions).toBeNull();
    const refused = (await sendParcel(v, draft.id).catch((e: unknown) => e)) as ParcelRefusedError;
    expect(refused.verdict.problems).toMatchObject([
      { code: "quota", params: { quota: 1, used: 1, conditions: "strict", assumed: 1 } },
    ]);
    expect(refused.verdict.warnings).toEqual([{ code: "conditionsUnknown", params: { quota: 1 } }]);
    // A coordinator records ordinary conditions on the edit form: 2 a year, so this one goes.
    const coordinator = await user("coord.conditions@example.org", "coordinator");
    await updatePrisoner(
      coordinator,
      p.id,
      prisonerEditSchema.parse({
        status: "convicted",
        country: "BY",
        currentFacilityId: p.currentFacilityId,
        detentionConditions: "ordinary",
      }),
    );
    expect((await prisma.prisoner.findUniqueOrThrow({ where: { id: p.id } })).detentionConditions).toBe("ordinary");
    const sent = await sendParcel(v, draft.id);
    expect(sent.verdict.warnings).toEqual([]);
  });

  test("a free-text item needs its English line before it is sent, and the customs form prints it", async () => {
    const { prisoner: p, volunteer: v } = await setup();
    // A draft saved before the line was required.
    const draft = await draftWith(v, p.id, [freeItem("Шерстяные носки, 2 пары", 1, 200, 800, null)]);
    expect(await refusal(sendParcel(v, draft.id))).toEqual(["englishMissing"]);
    await saveParcelDraft(
      v,
      draft.id,
      draftInput([freeItem("Шерстяные носки, 2 пары", 1, 200, 800, "Wool socks, 2 pairs")]),
    );
    await sendParcel(v, draft.id);
    const sent = await getParcel(v, draft.id, { ownOnly: true });
    expect(customsItems(sent!.items)).toEqual([
      {
        nameRu: "Шерстяные носки, 2 пары",
        nameEn: "Wool socks, 2 pairs",
        quantity: 1,
        weightGrams: 200,
        valueCents: 800,
      },
    ]);
    const [page] = await pdfPages(
      await renderCustomsPdf({
        form: "CN23",
        sender: ["Forest Bird", "Relay, Vilnius"],
        addressee: ["Воробей Дмитрий Олегович", "REPUBLIC OF BELARUS"],
        items: customsItems(sent!.items),
        currency: "EUR",
      }),
    );
    const text = page.replace(/\s+/g, " ");
    expect(text).toContain("Шерстяные носки, 2 пары");
    expect(text).toContain("Wool socks, 2 pairs");
  });

  test("sending needs the sender's details for the customs form; they are encrypted at rest", async () => {
    const { items, prisoner: p, volunteer: v } = await setup();
    // A route that does not carry parcels here (or does not exist) is not kept.
    const draft = await draftWith(v, p.id, [catalogItem(items.tea.id)], {
      senderDetails: null,
      routeId: "no-such-route",
    });
    expect((await prisma.parcel.findUniqueOrThrow({ where: { id: draft.id } })).routeId).toBeNull();
    await expect(sendParcel(v, draft.id)).rejects.toThrow("sender");
    await saveParcelDraft(
      v,
      draft.id,
      draftInput([catalogItem(items.tea.id)], { senderDetails: "Forest Bird\nRelay, PO Box 12, Vilnius" }),
    );
    const [raw] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Parcel" WHERE "id" = ${draft.id}`;
    expect(JSON.stringify(raw)).not.toContain("Vilnius");
    expect(String(raw.senderDetailsEncrypted)).toMatch(/^v2\./);
    expect((await getParcel(v, draft.id))?.senderDetails).toBe("Forest Bird\nRelay, PO Box 12, Vilnius");
    await sendParcel(v, draft.id);
  });

  test("a volunteer sees and changes only their own parcels; coordinators see all", async () => {
    const { items, prisoner: p, volunteer: v } = await setup();
    const other = await user("other@example.org");
    const coordinator = await user("kasia@example.org", "coordinator");
    const draft = await draftWith(v, p.id, [catalogItem(items.tea.id)]);
    expect(await getParcel(other, draft.id)).toBeNull();
    await expect(saveParcelDraft(other, draft.id, draftInput([]))).rejects.toThrow("not-found");
    await expect(sendParcel(other, draft.id)).rejects.toBeInstanceOf(ParcelStateError);
    expect(await deleteParcelDraft(other, draft.id)).toBe(false);
    expect(await listOwnParcels(other.id)).toEqual([]);
    // Coordinators follow every parcel, but the contents, the sending and the sender's details stay with who prepared it.
    expect(await getParcel(coordinator, draft.id)).toMatchObject({ id: draft.id, own: false, senderDetails: null });
    expect(await getParcel(coordinator, draft.id, { ownOnly: true })).toBeNull();
    await expect(saveParcelDraft(coordinator, draft.id, draftInput([]))).rejects.toThrow("not-found");
    await expect(sendParcel(coordinator, draft.id)).rejects.toThrow("not-found");
    expect(await deleteParcelDraft(coordinator, draft.id)).toBe(false);
    expect(await getParcel(v, draft.id)).toMatchObject({
      own: true,
      senderDetails: "Forest Bird\nRelay, PO Box 12, Vilnius",
    });
    await sendParcel(v, draft.id);
    await recordTrackingNumber(coordinator, draft.id, "RR473124829GB");
    await changeParcelStatus(coordinator, draft.id, "in_transit");
    await expect(recordTrackingNumber(other, draft.id, "RR473124829GB")).rejects.toThrow("not-found");
    await expect(changeParcelStatus(other, draft.id, "posted")).rejects.toThrow("not-found");
  });

  test("the tracking number is checked as S10, moves the parcel to posted with the number as reference, and the parcel follows its route", async () => {
    const { items, prisoner: p, volunteer: v } = await setup();
    const draft = await draftWith(v, p.id, [catalogItem(items.tea.id)]);
    await expect(recordTrackingNumber(v, draft.id, "RR473124829GB")).rejects.toThrow("not-sent");
    await sendParcel(v, draft.id);
    const wrong = await recordTrackingNumber(v, draft.id, "RR473124828GB").catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(TrackingNumberError);
    expect((wrong as TrackingNumberError).problem).toEqual({ code: "checkDigit" });
    await expect(recordTrackingNumber(v, draft.id, "RR47312482GB")).rejects.toThrow("length");
    expect(await recordTrackingNumber(v, draft.id, "rr 473 124 829 gb")).toBe("RR473124829GB");
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "posted",
      trackingNumber: "RR473124829GB",
    });
    // A corrected number is recorded too, as an event of its own.
    await recordTrackingNumber(v, draft.id, "EE876543216CA");
    await changeParcelStatus(v, draft.id, "in_transit");
    await expect(changeParcelStatus(v, draft.id, "queued")).rejects.toThrow("backwards");
    const events = await itemEvents({ type: "parcel", id: draft.id });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.reference])).toEqual([
      [null, "queued", null],
      ["queued", "posted", "RR473124829GB"],
      ["posted", "posted", "EE876543216CA"],
      ["posted", "in_transit", null],
    ]);
    await changeParcelStatus(v, draft.id, "delivered");
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      state: "closed",
      status: "delivered",
    });
    await expect(recordTrackingNumber(v, draft.id, "RR473124829GB")).rejects.toThrow("closed");
  });

  test("coordinators' list: parcels by status and facility, stuck longer than the route's usual days", async () => {
    const { items, prisoner: p, volunteer: v, facility: f } = await setup();
    const a = await draftWith(v, p.id, [catalogItem(items.tea.id)]);
    const b = await draftWith(v, p.id, [catalogItem(items.tea.id)]);
    await sendParcel(v, a.id);
    await sendParcel(v, b.id);
    await recordTrackingNumber(v, b.id, "RR473124829GB");
    const all = await listItems({ type: "parcel" }, { offset: 0, limit: 50 });
    expect(all.total).toBe(2);
    expect(
      (await listItems({ type: "parcel", status: "posted" }, { offset: 0, limit: 50 })).items.map((i) => [
        i.id,
        i.trackingNumber,
      ]),
    ).toEqual([[b.id, "RR473124829GB"]]);
    expect((await listItems({ type: "parcel", facilityId: f.id }, { offset: 0, limit: 50 })).total).toBe(2);
    // "posted" usually takes 2 days, "queued" 7: after 3 days only the posted one is stuck.
    advanceClock(3 * 86_400_000);
    const stuck = await listItems({ type: "parcel", stuckOnly: true }, { offset: 0, limit: 50 });
    expect(stuck.items.map((i) => [i.id, i.stuck, i.prisonerName])).toEqual([
      [b.id, true, "Верабей Дзмітрый Алегавіч"],
    ]);
  });

  test("two parcels sent at once against one remaining slot: exactly one goes", async () => {
    const { items, prisoner: p } = await setup({ parcelQuotaPerYear: 3 });
    const year = now().getUTCFullYear();
    await sentParcel(p.id, `${year}-01-01T00:00:00Z`, 1000);
    await sentParcel(p.id, now().toISOString(), 1000);
    for (let round = 0; round < 3; round++) {
      const senders = [await user(`a${round}@example.org`), await user(`b${round}@example.org`)];
      const drafts = await Promise.all(senders.map((s) => draftWith(s, p.id, [catalogItem(items.tea.id)])));
      const results = await Promise.allSettled(drafts.map((d, i) => sendParcel(senders[i], d.id)));
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(round === 0 ? 1 : 0);
      for (const r of results.filter((r) => r.status === "rejected")) {
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ParcelRefusedError);
        expect(((r as PromiseRejectedResult).reason as ParcelRefusedError).verdict.problems.map((x) => x.code)).toEqual(
          ["quota"],
        );
      }
    }
    expect(await prisma.parcel.count({ where: { prisonerId: p.id, state: { in: ["sent", "closed"] } } })).toBe(3);
  });

  test("a save racing a send cannot put unchecked items into a parcel that went", async () => {
    const { items, prisoner: p, volunteer: v } = await setup();
    for (let round = 0; round < 3; round++) {
      const draft = await draftWith(v, p.id, [catalogItem(items.tea.id)]);
      // The send checks tea; the save tries to swap in perishable apples at the same moment.
      await Promise.allSettled([
        sendParcel(v, draft.id),
        saveParcelDraft(v, draft.id, draftInput([catalogItem(items.apples.id)])),
      ]);
      const after = await prisma.parcel.findUniqueOrThrow({ where: { id: draft.id }, include: { items: true } });
      const itemIds = after.items.map((i) => i.catalogItemId);
      if (after.state === "sent") expect(itemIds, `round ${round}`).toEqual([items.tea.id]);
      else expect(itemIds, `round ${round}`).toEqual([items.apples.id]);
    }
  });

  test("two heavy parcels sent at once against the monthly weight: exactly one goes", async () => {
    const { items, prisoner: p } = await setup();
    const senders = [await user("a@example.org"), await user("b@example.org")];
    const drafts = await Promise.all(senders.map((s) => draftWith(s, p.id, [catalogItem(items.sugar.id, 20)])));
    const results = await Promise.allSettled(drafts.map((d, i) => sendParcel(senders[i], d.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      (
        (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as ParcelRefusedError
      ).verdict.problems.map((x) => x.code),
    ).toEqual(["monthlyWeight"]);
  });

  test("the catalogue and the banned words are seeded once; coordinators keep them, and an emptied list stays empty", async () => {
    await ensureParcelDefaults();
    expect(await prisma.catalogItem.count()).toBe(DEFAULT_CATALOG.length);
    expect(await prisma.bannedTerm.count()).toBe(DEFAULT_BANNED_TERMS.length);
    const coordinator = await user("kasia@example.org", "coordinator");
    const volunteer = await user("v@example.org");
    for (const term of await listBannedTerms()) await removeBannedTerm(coordinator, term.id);
    await ensureParcelDefaults();
    expect(await listBannedTerms()).toEqual([]);
    await expect(removeBannedTerm(volunteer, "x")).rejects.toBeInstanceOf(PermissionError);
    const id = await saveCatalogItem(coordinator, {
      id: "",
      nameRu: "Шерстяные носки",
      nameEn: "Wool socks",
      category: "clothing",
      unitWeightGrams: 120,
      typicalValue: 800,
      perishable: false,
      active: true,
      bannedFacilityTypes: [],
    });
    await saveCatalogItem(coordinator, {
      id,
      nameRu: "Шерстяные носки",
      nameEn: "Wool socks, pair",
      category: "clothing",
      unitWeightGrams: 130,
      typicalValue: 900,
      perishable: false,
      active: false,
      bannedFacilityTypes: ["police_jail"],
    });
    expect(await prisma.catalogItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      nameEn: "Wool socks, pair",
      unitWeightGrams: 130,
      typicalValueCents: 900,
      active: false,
      bannedFacilityTypes: ["police_jail"],
    });
    expect((await listCatalog({ activeOnly: true })).some((c) => c.id === id)).toBe(false);
    await expect(
      saveCatalogItem(volunteer, {
        id: "",
        nameRu: "x",
        nameEn: "x",
        category: "other",
        unitWeightGrams: 1,
        typicalValue: 1,
        perishable: false,
        active: true,
        bannedFacilityTypes: [],
      }),
    ).rejects.toBeInstanceOf(PermissionError);
  });

  test("the box counts in the gross weight: items under the limit go in a light box, not in the box a coordinator sets", async () => {
    const { items, prisoner: p, volunteer: v } = await setup();
    const coordinator = await user("kasia@example.org", "coordinator");
    // 29.6 kg of items; with the default 300 g box, 29.9 kg gross: under the 30 kg limit.
    const draft = await draftWith(v, p.id, [catalogItem(items.sugar.id, 29), catalogItem(items.tea.id, 6)]);
    expect((await parcelVerdict((await getParcel(v, draft.id))!))?.totals).toMatchObject({
      weightGrams: 29_600,
      grossWeightGrams: 29_900,
    });
    // Only coordinators change the box weight.
    await expect(setParcelBoxWeight(v, 100)).rejects.toBeInstanceOf(PermissionError);
    await setParcelBoxWeight(coordinator, 500);
    expect(await parcelBoxWeight()).toBe(500);
    // The parcel page's live verdict in the browser gets the same box weight.
    expect((await getParcelPage(v, draft.id))?.rules.boxWeightGrams).toBe(500);
    // Now 30.1 kg gross: over the parcel limit (and this month's 30 kg); the send and the CLI check both refuse it.
    expect(await refusal(sendParcel(v, draft.id))).toEqual(["weight", "monthlyWeight"]);
    const verdict = await parcelVerdict((await getParcel(v, draft.id))!);
    expect(verdict?.problems[0]).toEqual({ code: "weight", params: { weightGrams: 30_100, limitGrams: 30_000 } });
    const cli = await checkParcelForPrisoner(p.id, {
      items: [
        { catalogItemId: items.sugar.id, quantity: 29 },
        { catalogItemId: items.tea.id, quantity: 6 },
      ],
    });
    expect(cli.totals.grossWeightGrams).toBe(30_100);
    expect(cli.problems.map((x) => x.code)).toEqual(["weight", "monthlyWeight"]);
    expect((await getParcel(v, draft.id))?.state).toBe("draft");
  });

  test("the bulk check (command line) gives the same verdict for items named in a file", async () => {
    const { items, prisoner: p } = await setup();
    const verdict = await checkParcelForPrisoner(p.id, {
      items: [
        { catalog: "sugar, 1 KG", quantity: 31 },
        { catalogItemId: items.tea.id, quantity: 2 },
        { text: "Нож", textEn: "Knife", unitWeightGrams: 100, unitValue: 5 },
      ],
    });
    expect(verdict.ok).toBe(false);
    // The banned word is caught in the English line too.
    expect(verdict.problems.map((x) => x.code)).toEqual(["weight", "monthlyWeight", "bannedTerm"]);
    // A text item without its English line cannot go on a customs form.
    const noEnglish = await checkParcelForPrisoner(p.id, {
      items: [{ text: "Шерстяные носки", unitWeightGrams: 100, unitValue: 5 }],
    });
    expect(noEnglish.problems.map((x) => [x.code, x.item])).toEqual([["englishMissing", 0]]);
    expect(verdict.totals).toEqual({
      weightGrams: 31_300,
      grossWeightGrams: 31_600,
      valueCents: 6_200 + 500 + 500,
      units: 34,
    });
    expect(await checkParcelForPrisoner(p.id, { items: [{ catalog: "Sugar, 1 kg (ru)", quantity: 2 }] })).toMatchObject(
      { ok: true, customsForm: "CN23" },
    );
    await expect(checkParcelForPrisoner(p.id, { items: [{ catalog: "Caviar" }] })).rejects.toThrow(
      'no catalogue item "Caviar"',
    );
    await expect(checkParcelForPrisoner("nobody", { items: [] })).rejects.toThrow("No prisoner");
  });

  test("the quota counts what the person receives here and now: not the SIZO's parcels, not returned or refused ones", async () => {
    setClock("2027-05-10T12:00:00Z");
    const { items, prisoner: p } = await setup({ type: "colony", parcelsFromAbroad: false, parcelQuotaPerYear: 2 });
    const sizo = await facility({ type: "sizo" });
    const coordinator = await user("kasia@example.org", "coordinator");
    const onBehalf = { fromAbroad: false, senderKind: "relative" as const, onBehalfOf: "Mother" };
    // Two parcels reached the person in the SIZO before the verdict, this year: they do not count in the colony.
    await sentParcel(p.id, "2027-01-15T10:00:00Z", 1000, "parcel", "closed", { facilityId: sizo.id });
    await sentParcel(p.id, "2027-02-15T10:00:00Z", 1000, "parcel", "closed", { facilityId: sizo.id });
    // One parcel to the colony came back, one was refused: neither was received.
    await sentParcel(p.id, "2027-04-01T10:00:00Z", 1000, "parcel", "closed", { status: "returned" });
    await sentParcel(p.id, "2027-04-10T10:00:00Z", 1000, "parcel", "closed", { status: "refused" });
    await sentParcel(p.id, "2027-04-20T10:00:00Z", 1000, "parcel", "closed");
    expect(await parcelHistory(p.id)).toMatchObject({ year: 2027, sentThisYear: { parcel: 1 } });
    const domestic = await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], onBehalf);
    await sendParcel(coordinator, domestic.id);
    // Sent within the country: an inventory, no customs declaration.
    expect(await prisma.parcel.findUniqueOrThrow({ where: { id: domestic.id } })).toMatchObject({
      state: "sent",
      customsForm: "inventory",
    });
    expect(
      await refusal(
        sendParcel(coordinator, (await draftWith(coordinator, p.id, [catalogItem(items.tea.id)], onBehalf)).id),
      ),
    ).toEqual(["quota"]);
  });
});
