import { redirect } from "@remix-run/node";
import type { User } from "#app/generated/prisma/client.ts";
import { parseWithSchema, type FieldErrors } from "#app/utils/forms.ts";
import { countStuck, listItems, type ItemFilters } from "#app/models/tracking.server.ts";
import { assignRoute } from "#app/models/dispatch/route-assignment.server.ts";
import { bulkChangeStatus, BulkError } from "#app/models/dispatch/bulk.server.ts";
import { listRoutes } from "#app/models/routes.server.ts";
import { bankHandovers, markBankHandedOver } from "#app/models/situation.server.ts";
import { listFacilities } from "#app/models/facilities.server.ts";
import { bulkItemsSchema } from "#app/schemas/tracking.ts";
import { pageFromUrl } from "#app/components/pagination.tsx";
import { refusalKey, customStatusLabels } from "#app/tracking/status-label.ts";

const PAGE_SIZE = 50;

function filtersFrom(url: URL): ItemFilters {
  const type = url.searchParams.get("type");
  const country = url.searchParams.get("country");
  return {
    type: type === "letter" || type === "parcel" ? type : null,
    routeId: url.searchParams.get("route") || null,
    status: url.searchParams.get("status") || null,
    facilityId: url.searchParams.get("facility") || null,
    country: country === "BY" || country === "RU" ? country : null,
    stuckOnly: url.searchParams.get("stuck") === "1",
    openOnly: url.searchParams.get("open") === "1",
    batchId: url.searchParams.get("batch") || null,
  };
}

/** The tracked items page: one page of items under the filters in the URL, with what the filters and bulk forms offer. */
export async function trackedItemsPage(url: URL) {
  const page = pageFromUrl(url);
  const filters = filtersFrom(url);
  const [{ items, total }, stuck, routes, facilities, handovers] = await Promise.all([
    listItems(filters, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    countStuck(),
    listRoutes(),
    listFacilities(),
    bankHandovers(),
  ]);
  const statusKeys = [...new Set(routes.flatMap((r) => r.statuses.map((s) => s.key)))];
  return {
    items,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    stuck,
    routes: routes.map((r) => ({ id: r.id, name: r.name, active: r.active })),
    statusKeys,
    statusLabels: customStatusLabels(routes.flatMap((r) => r.statuses)),
    facilities: facilities.map((f) => ({ id: f.id, name: f.name, city: f.city })),
    handovers: handovers.map((h) => ({
      prisonerId: h.prisonerId,
      name: h.name,
      letters: h.letters,
      releasedOn: h.releasedOn ? new Date(h.releasedOn).toISOString().slice(0, 10) : null,
    })),
  };
}

/** Bulk status change or route assignment for the ticked items, or a bank hand-over for one released person. */
export async function trackedItemsAction(user: User, url: URL, formData: FormData) {
  if (formData.get("intent") === "bank-handover") {
    const count = await markBankHandedOver(user, String(formData.get("prisonerId") ?? ""));
    throw redirect(`/coordinator/items?handedOver=${count}`);
  }
  const parsed = parseWithSchema(bulkItemsSchema, formData, ["items"]);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, failures: [] };
  const { intent, items, to, routeId, note } = parsed.data;
  try {
    const result =
      intent === "assign"
        ? await assignRoute(user, items, routeId!)
        : await bulkChangeStatus(user, items, { to: to!, note });
    url.searchParams.set("done", String(result.count));
    throw redirect(`${url.pathname}?${url.searchParams}`);
  } catch (error) {
    if (error instanceof BulkError) {
      return {
        fieldErrors: { form: "items.bulkRefused" } as FieldErrors,
        failures: error.failures.map((f) => ({ item: `${f.item.type}:${f.item.id}`, reason: refusalKey(f.reason) })),
      };
    }
    throw error;
  }
}
