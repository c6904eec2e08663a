import { prisma, type DbClient } from "#app/utils/db.server.ts";
import { MAPPABLE_FIELDS, type MappableField, type ValueMappings } from "./normalize.ts";
import { isMappableField, mappingTargets } from "./value-fields.ts";

/**
 * A person's answers for list values the importer does not know ("в колонии" ->
 * convicted), kept per source: every later import of that source, through the web,
 * the command line or the API, reads them.
 */

export async function loadValueMappings(db: DbClient, sourceId: string): Promise<ValueMappings> {
  const rows = await db.importValueMapping.findMany({
    where: { sourceId, field: { in: [...MAPPABLE_FIELDS] } },
    select: { field: true, value: true, target: true },
  });
  const mappings: Required<ValueMappings> = { status: {}, facilityType: {}, penalty: {} };
  for (const row of rows) {
    if (!isMappableField(row.field) || !mappingTargets(row.field).includes(row.target)) continue;
    (mappings[row.field] as Record<string, string>)[row.value] = row.target;
  }
  return mappings;
}

/** Saves (or replaces) a person's answers; an empty target removes the answer. */
export async function saveValueMappings(
  sourceId: string,
  answers: { field: MappableField; value: string; target: string }[],
  userId: string | null,
): Promise<number> {
  let saved = 0;
  await prisma.$transaction(async (tx) => {
    for (const answer of answers) {
      if (!answer.value) continue;
      if (!answer.target) {
        await tx.importValueMapping.deleteMany({ where: { sourceId, field: answer.field, value: answer.value } });
        continue;
      }
      if (!mappingTargets(answer.field).includes(answer.target)) continue;
      await tx.importValueMapping.upsert({
        where: { sourceId_field_value: { sourceId, field: answer.field, value: answer.value } },
        create: { sourceId, field: answer.field, value: answer.value, target: answer.target, updatedById: userId },
        update: { target: answer.target, updatedById: userId },
      });
      saved++;
    }
  });
  return saved;
}

/** Every source's answers, for the page where coordinators see and change them. */
export async function listValueMappings() {
  return prisma.importValueMapping.findMany({
    orderBy: [{ source: { name: "asc" } }, { field: "asc" }, { value: "asc" }],
    select: {
      id: true,
      field: true,
      value: true,
      target: true,
      updatedAt: true,
      source: { select: { id: true, name: true, slug: true } },
      updatedBy: { select: { pseudonym: true } },
    },
  });
}

export async function deleteValueMapping(id: string) {
  await prisma.importValueMapping.deleteMany({ where: { id } });
}

export async function getValueMapping(id: string) {
  return prisma.importValueMapping.findUnique({ where: { id } });
}
