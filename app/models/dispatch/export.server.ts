import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { decrypt } from "#app/utils/crypto.server.ts";
import { letterBody, letterReturnAddress } from "#app/utils/sealed-fields.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { toCsv } from "#app/utils/csv.ts";
import type { LetterPdfInput } from "#app/letters/pdf.server.ts";
import { envelopeAddressLines } from "../envelope.ts";
import { letterReference } from "../letters.server.ts";
import { requireTracker, type Coordinator } from "./access.server.ts";
import { BulkError, distinct, lockInOrder, MAX_BULK_ITEMS, setBatch, withRetries } from "./bulk.server.ts";

/** Batch export for a service: the letters a coordinator hands to a service that prints or submits them. */

export interface ExportedLetter {
  reference: string;
  kind: "letter" | "postcard";
  route: string;
  surname: string;
  givenName: string;
  patronymic: string;
  birthYear: string;
  address: string[];
  language: string;
  text: string;
  signed: string;
  returnAddress: string;
  sentAt: Date | null;
}

/**
 * The letters a service needs to print or submit (FSIN-Pismo, RosUznik, event
 * batches): the address as on an envelope, the text, the pseudonym and a reference.
 * Nothing about the volunteer's identity. The export is recorded as a batch and audited,
 * because it reveals letter texts to the coordinator.
 */
export async function exportLetters(
  actor: Coordinator,
  letterIds: string[],
): Promise<{ batchId: string; letters: ExportedLetter[] }> {
  requireTracker(actor);
  const ids = [...new Set(letterIds)];
  if (ids.length === 0 || ids.length > MAX_BULK_ITEMS) throw new BulkError([]);
  const rows = await prisma.letter.findMany({
    where: { id: { in: ids }, state: { not: "draft" } },
    include: { prisoner: { include: { names: true } }, facility: true, route: { select: { name: true } } },
    orderBy: { sentAt: "asc" },
  });
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new BulkError(missing.map((id) => ({ item: { type: "letter", id }, reason: "not-found" })));
  const purged = rows.filter((r) => r.bodyEncrypted === null);
  if (purged.length) throw new BulkError(purged.map((r) => ({ item: { type: "letter", id: r.id }, reason: "purged" })));
  const letters = rows.map((letter): ExportedLetter => {
    const primary = letter.prisoner.names.find((n) => n.isPrimary) ?? letter.prisoner.names[0];
    return {
      reference: letterReference(letter.id),
      kind: letter.kind === "postcard" ? "postcard" : "letter",
      route: letter.route?.name ?? "",
      surname: primary?.surname ?? "",
      givenName: primary?.givenName ?? "",
      patronymic: primary?.patronymic ?? "",
      birthYear: letter.prisoner.birthDate ? String(letter.prisoner.birthDate.getUTCFullYear()) : "",
      address: letter.facility
        ? envelopeAddressLines({
            country: letter.prisoner.country,
            names: letter.prisoner.names,
            birthDate: letter.prisoner.birthDate,
            facility: letter.facility,
            gender: letter.prisoner.gender,
            dativeOverride: letter.prisoner.envelopeNameDative,
          })
        : [],
      language: letter.language ?? "",
      text: letter.bodyEncrypted ? decrypt(letter.bodyEncrypted, letterBody(letter.id)) : "",
      signed: letter.senderName ?? "",
      returnAddress: letter.returnAddressEncrypted
        ? decrypt(letter.returnAddressEncrypted, letterReturnAddress(letter.id))
        : "",
      sentAt: letter.sentAt,
    };
  });
  const refs = distinct(ids.map((id) => ({ type: "letter" as const, id })));
  const batch = await withRetries(refs, () =>
    prisma.$transaction(async (tx) => {
      await lockInOrder(tx, refs);
      const created = await tx.batch.create({
        data: { action: "export", createdById: actor.id, itemCount: rows.length, createdAt: now() },
      });
      await setBatch(tx, refs, created.id);
      return created;
    }),
  );
  await audit({
    actorId: actor.id,
    action: "batch.exported",
    targetType: "batch",
    targetId: batch.id,
    details: { letters: rows.length, letterIds: rows.map((r) => r.id) },
  });
  return { batchId: batch.id, letters };
}

export function exportCsv(letters: ExportedLetter[]): string {
  return toCsv(
    [
      "reference",
      "kind",
      "route",
      "surname",
      "given_name",
      "patronymic",
      "birth_year",
      "address",
      "language",
      "text",
      "signed",
      "return_address",
      "sent_at",
    ],
    letters.map((l) => [
      l.reference,
      l.kind,
      l.route,
      l.surname,
      l.givenName,
      l.patronymic,
      l.birthYear,
      l.address.join("\n"),
      l.language,
      l.text,
      l.signed,
      l.returnAddress,
      l.sentAt?.toISOString() ?? "",
    ]),
  );
}

export function exportPdfInputs(letters: ExportedLetter[], locale: "en" | "ru" | "be"): LetterPdfInput[] {
  return letters
    .filter((l) => l.address.length > 0)
    .map((l) => ({
      kind: l.kind,
      body: l.text,
      senderName: l.signed,
      returnAddress: l.returnAddress || null,
      recipient: { lines: l.address },
      envelope: "C5",
      locale,
    }));
}
