import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { importFile } from "#app/imports/runs.server.ts";
import { listValueMappings, saveValueMappings } from "#app/imports/value-mappings.server.ts";
import { encrypt } from "#app/utils/crypto.server.ts";
import { openMail } from "#app/utils/email.server.ts";
import { whoNeedsLetters } from "#app/models/picking.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";
import { createSource } from "#tests/support/import-fixtures.ts";

/** The lists NGOs publish, imported unchanged (fixtures in tests/fixtures/lists, written from the published field lists). */

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/lists");

function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

async function importFixture(source: string, file: string, options: { partial?: boolean; bytes?: Uint8Array } = {}) {
  return importFile({
    sourceSlug: source,
    bytes: options.bytes ?? fixture(file),
    fileName: file,
    dryRun: false,
    partial: options.partial,
    actor: { channel: "cli" },
  });
}

/** The stored prisoner whose primary (first imported) spelling has this surname. */
async function person(surname: string) {
  const name = await prisma.prisonerName.findFirstOrThrow({ where: { surname, isPrimary: true } });
  return prisma.prisoner.findUniqueOrThrow({
    where: { id: name.prisonerId },
    include: { currentFacility: true, stays: true, sources: true },
  });
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describeEachDatabase("published NGO lists", () => {
  test("Viasna's machine export: situations, releases, a death, skipped np rows, parsed addresses, one facility per real facility", async () => {
    await createSource("viasna", "BY");
    const result = await importFixture("viasna", "viasna-machine.csv");
    expect(result.summary).toMatchObject({ created: 16, skipped: 1, errors: [], missing: 0 });
    // "np" (not recognised as a political prisoner) is never created.
    expect(await prisma.prisonerName.count({ where: { surname: "Зайцев" } })).toBe(0);

    expect(await person("Иванов")).toMatchObject({ status: "convicted", releasedOn: null });
    expect(await person("Новик")).toMatchObject({ status: "pretrial" });
    expect(await person("Шульга")).toMatchObject({
      status: "released",
      releasedOn: day("2024-07-03"),
      releaseKind: "pardon",
      currentFacilityId: null,
    });
    expect(await person("Лапко")).toMatchObject({
      status: "released",
      releasedOn: day("2023-05-15"),
      releaseKind: "sentence_served",
    });
    expect(await person("Белоусов")).toMatchObject({ status: "open_institution" });
    expect(await person("Рыжкова")).toMatchObject({ status: "restricted_at_home", currentFacilityId: null });
    expect(await person("Мельник")).toMatchObject({ status: "at_liberty", currentFacilityId: null });
    expect(await person("Ткачук")).toMatchObject({ status: "at_liberty" });
    expect(await person("Гордеева")).toMatchObject({ status: "house_arrest" });
    expect(await person("Клименко")).toMatchObject({
      status: "deceased",
      diedOn: day("2024-02-14"),
      currentFacilityId: null,
    });
    expect(await person("Мороз")).toMatchObject({ status: "compulsory_treatment" });

    // "ИК №2, г. Бобруйск" (line 2) and "ИК-2 г. Бобруйск" (line 24) are one facility, with its parsed address.
    const [ivanov, stankevich] = [await person("Иванов"), await person("Станкевич")];
    expect(stankevich.currentFacilityId).toBe(ivanov.currentFacilityId);
    expect(ivanov.currentFacility).toMatchObject({
      type: "colony",
      number: "2",
      street: "ул. Сикорского, 1",
      postcode: "213800",
      city: "Бобруйск",
    });
    // Клименко died in ИК-3: no current place, but the facility is known with its district and region.
    expect(await prisma.facility.findFirstOrThrow({ where: { number: "3", city: "Витьба" } })).toMatchObject({
      district: "Витебский р-н",
      region: "Витебская обл.",
      postcode: "211322",
    });
    expect(await prisma.facility.count({ where: { number: "2", city: "Бобруйск" } })).toBe(1);

    // Releases and deaths are situation changes the dashboard counts.
    const changes = await prisma.situationChange.findMany({ orderBy: { occurredOn: "asc" } });
    expect(changes.map((c) => [c.status, c.occurredOn?.toISOString().slice(0, 10)])).toEqual([
      ["released", "2023-05-15"],
      ["deceased", "2024-02-14"],
      ["released", "2024-07-03"],
      ["released", "2024-09-16"],
    ]);

    // The same file again changes nothing.
    const again = await importFixture("viasna", "viasna-machine.csv");
    expect(again.noChanges).toBe(true);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 16, skipped: 1 });
  });

  test("a value the importer does not know is no error: a person maps it once and every later import of the source uses it", async () => {
    const source = await createSource("viasna", "BY");
    const first = await importFixture("viasna", "viasna-machine.csv");
    expect(first.summary.errors).toEqual([]);
    expect(first.plan.unknownValues).toEqual([
      { field: "penalty", key: "превентивный надзор", text: "превентивный надзор", rows: 1, firstLine: 27 },
    ]);
    expect((await person("Сидорчук")).status).not.toBe("at_liberty");

    await saveValueMappings(
      source.id,
      [{ field: "penalty", value: "превентивный надзор", target: "at_liberty" }],
      null,
    );
    const second = await importFixture("viasna", "viasna-machine.csv");
    expect(second.plan.unknownValues).toEqual([]);
    expect(second.summary).toMatchObject({ updated: 1, errors: [] });
    expect((await person("Сидорчук")).status).toBe("at_liberty");
    expect(await listValueMappings()).toEqual([
      expect.objectContaining({ field: "penalty", value: "превентивный надзор", target: "at_liberty" }),
    ]);
  });

  test("Viasna's human export in English matches the same people by name and date of birth: no transfer, no new facility, no duplicate", async () => {
    await createSource("viasna", "BY");
    await createSource("viasna-en", "BY");
    await importFixture("viasna", "viasna-machine.csv");
    const before = await prisma.prisoner.count();
    const english = await importFixture("viasna-en", "viasna-human-en.csv");
    expect(english.summary).toMatchObject({ transferred: 0, errors: [] });
    expect(english.plan.newFacilities).toEqual([]);
    // "IK-2 Babrujsk" is ИК №2 in Бобруйск: Siarhei Ivanou is updated (a Latin spelling), not transferred.
    const ivanou = english.plan.rows.find((r) => r.name === "Ivanou Siarhei");
    expect(ivanou).toMatchObject({ kind: "updated", transfer: null });
    // A date of birth given to the month ("1985-03") cannot confirm a person: a decision, never a second Kavaliova.
    expect(english.plan.rows.find((r) => r.name === "Kavaliova Alena")).toMatchObject({ kind: "needsReview" });
    // "August 2020" does not replace the full date of detention on record.
    expect((await person("Шульга")).detainedOn).toEqual(day("2020-08-15"));
    expect(await prisma.prisoner.count()).toBe(before + english.summary.created);
  });

  test("Viasna's human export in Russian and in Belarusian imports without hand-editing", async () => {
    for (const [slug, file] of [
      ["viasna-ru", "viasna-human-ru.csv"],
      ["viasna-be", "viasna-human-be.csv"],
    ]) {
      await prisma.prisonerName.deleteMany();
      await prisma.prisoner.deleteMany();
      await createSource(slug, "BY");
      const result = await importFixture(slug, file);
      expect(result.summary.errors).toEqual([]);
      expect(result.summary.created).toBeGreaterThanOrEqual(8);
      const statuses = await prisma.prisoner.groupBy({ by: ["status"], _count: true });
      expect(statuses.map((s) => s.status)).toEqual(
        expect.arrayContaining(["convicted", "released", "open_institution"]),
      );
      expect(await prisma.prisoner.count({ where: { status: "released", currentFacilityId: null } })).toBe(
        await prisma.prisoner.count({ where: { status: "released" } }),
      );
    }
  });

  test("a Memorial-shaped JSON list: arrays become text and interests, statuses, can-write, institution-last addresses", async () => {
    await createSource("memorial", "RU");
    const result = await importFixture("memorial", "memorial.json");
    // "нет фигуранта" (no defendant) is skipped, never created.
    expect(result.summary).toMatchObject({ created: 9, skipped: 1, errors: [] });
    const petrov = await person("Петров");
    expect(petrov).toMatchObject({
      status: "convicted",
      canWrite: true,
      articles: "ч. 2 ст. 207.3 УК РФ; ст. 280.3 УК РФ",
      interests: ["история Карелии", "шахматы", "английский язык"],
    });
    expect(petrov.currentFacility).toMatchObject({
      name: "ИК-7",
      type: "colony",
      number: "7",
      street: "ул. Лесная, д. 4",
      postcode: "186420",
      city: "Сегежа",
      region: "Республика Карелия",
    });
    const smirnova = await person("Смирнова");
    expect(smirnova.currentFacility).toMatchObject({
      district: "Зубово-Полянский р-н",
      region: "Республика Мордовия",
      city: "Парца",
    });
    expect(await person("Орлова")).toMatchObject({ status: "at_liberty", canWrite: false });
    expect(await person("Волков")).toMatchObject({ status: "unknown" });
    expect(await person("Лебедев")).toMatchObject({ status: "deceased" });
    expect(await person("Федорова")).toMatchObject({ status: "deceased" });
    expect(await person("Соколов")).toMatchObject({ status: "convicted", canWrite: false });
  });

  test("one row per person per case (OVD-Info): one prisoner with every case, the latest case's situation", async () => {
    await createSource("ovd", "RU");
    const result = await importFixture("ovd", "ovd-cases.csv");
    expect(result.summary).toMatchObject({ created: 5, errors: [] });
    expect(result.plan.merged).toEqual([
      { line: 3, into: 2 },
      { line: 4, into: 2 },
      { line: 8, into: 6 },
    ]);
    expect(await prisma.prisonerName.count({ where: { surname: "Морозов" } })).toBe(1);
    const morozov = await person("Морозов");
    expect(morozov.articles).toBe("ч. 2 ст. 207.3 УК РФ; ст. 280.3 УК РФ; ч. 1 ст. 205.2 УК РФ");
    expect(morozov).toMatchObject({ status: "pretrial" });
    expect(morozov.currentFacility).toMatchObject({ type: "sizo", city: "Петрозаводск" });
  });

  test("a partial list flags no one as missing; a full list flags the people it leaves out", async () => {
    await createSource("viasna", "BY");
    await importFixture("viasna", "viasna-machine.csv");
    const lines = fs.readFileSync(path.join(FIXTURES, "viasna-human-ru.csv"), "utf8");
    // Four people of the export, in a list of their own.
    const short = new TextEncoder().encode(
      lines
        .split("\n")
        .slice(0, 1)
        .concat(
          lines
            .split("\n")
            .slice(1)
            .join("\n")
            .split(/\n(?=[А-ЯЁ][а-яё]+ [А-ЯЁ])/u)
            .slice(0, 4),
        )
        .join("\n"),
    );
    const partial = await importFixture("viasna", "short.csv", { partial: true, bytes: short });
    expect(partial.summary.missing).toBe(0);
    expect(await prisma.prisoner.count({ where: { needsReview: true } })).toBe(0);
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: partial.runId } });
    expect(run.partial).toBe(true);

    const full = await importFixture("viasna", "short.csv", { bytes: short });
    expect(full.summary.missing).toBeGreaterThan(5);
    expect(await prisma.prisoner.count({ where: { needsReview: true } })).toBe(full.summary.missing);
  });

  test("a list that marks an adopted person released: the adoption ends, a kind e-mail naming no one is queued, a letter not yet handed over returns to drafts", async () => {
    await createSource("viasna", "BY");
    await importFixture("viasna", "viasna-machine.csv");
    const ivanov = await person("Иванов");
    const writer = await prisma.user.create({
      data: {
        email: "writer@example.org",
        pseudonym: "Quiet Heron",
        vettingState: "approved",
        locale: "en",
        writesIn: ["ru"],
      },
    });
    await prisma.adoption.create({ data: { volunteerId: writer.id, prisonerId: ivanov.id } });
    const route = await prisma.route.create({
      data: {
        slug: "atelier",
        name: "Atelier",
        description: "Atelier",
        countries: ["BY"],
        itemKinds: ["letter"],
        languages: ["ru", "be"],
        handover: "batch_export",
        statuses: {
          create: [
            { key: "queued", position: 0 },
            { key: "posted", position: 1 },
            { key: "delivered", position: 2, isFinal: true },
          ],
        },
      },
    });
    const letter = await prisma.letter.create({
      data: {
        authorId: writer.id,
        prisonerId: ivanov.id,
        routeId: route.id,
        state: "sent",
        status: "queued",
        bodyEncrypted: encrypt("Здравствуйте!"),
        sentAt: new Date(),
      },
    });
    expect((await whoNeedsLetters({ country: "BY" })).candidates.map((p) => p.id)).toContain(ivanov.id);

    // The next export lists him as released (pardoned).
    const text = fs.readFileSync(path.join(FIXTURES, "viasna-machine.csv"), "utf8");
    const released = text.replace(
      /^1001,(.*?),active,male,(.*?),"ИК №2, г\. Бобруйск\n213800, г\. Бобруйск, ул\. Сикорского, 1",(.*?),2027-08-09,/ms,
      "1001,$1,former,male,$2,освобожден (помилован),$3,2026-11-20,",
    );
    expect(released).not.toBe(text);
    const result = await importFixture("viasna", "viasna-machine.csv", { bytes: new TextEncoder().encode(released) });
    expect(result.summary).toMatchObject({ updated: 1, missing: 0, errors: [] });

    expect(await person("Иванов")).toMatchObject({
      status: "released",
      releaseKind: "pardon",
      releasedOn: day("2026-11-20"),
      currentFacilityId: null,
    });
    const adoption = await prisma.adoption.findFirstOrThrow({ where: { prisonerId: ivanov.id } });
    expect(adoption.endedAt).not.toBeNull();
    expect(adoption.endReason).toBe("released");
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
      state: "draft",
      returnedReason: "released",
    });
    const mails = (await prisma.emailOutbox.findMany({ where: { toAddress: "writer@example.org" } })).map(openMail);
    expect(mails).toHaveLength(1);
    for (const part of ["Иванов", "Сергей", "Ivanou"]) {
      expect(mails[0].subject).not.toContain(part);
      expect(mails[0].textBody).not.toContain(part);
    }
    expect((await whoNeedsLetters({ country: "BY" })).candidates.map((p) => p.id)).not.toContain(ivanov.id);
    const stays = await prisma.facilityStay.findMany({ where: { prisonerId: ivanov.id } });
    expect(stays.map((s) => s.toDate?.toISOString().slice(0, 10))).toEqual(["2026-11-20"]);
  });
});
