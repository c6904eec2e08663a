import type { User } from "#app/generated/prisma/client.ts";
import { offeredInParcel } from "#app/parcels/catalog-offer.ts";
import { can } from "#app/utils/permissions.ts";
import { fullName } from "#app/names/match-keys.ts";
import { returnedReasonKey } from "#app/schemas/prisoners.ts";
import { envelopeAddressLines } from "./envelope.ts";
import { getParcel, listCatalog, nextParcelStatuses, ruleContext } from "./parcels.server.ts";
import { getSetting } from "./settings.server.ts";
import { itemEvents, routeStatusLabels } from "./tracking.server.ts";
import { repliesFor } from "./dispatch/replies.server.ts";

/**
 * Everything the parcel page shows, for someone who may see the parcel (their own;
 * any for coordinators), or null: someone else's parcel is "not found" for a
 * volunteer, not even its existence is revealed. The rules' inputs are the same
 * ruleContext the server checks with, so the page's live verdict matches it.
 */
export async function getParcelPage(actor: User, id: string) {
  const parcel = await getParcel(actor, id);
  if (!parcel) return null;
  const [catalog, context, relayAddresses, events, replies, next, statusLabels] = await Promise.all([
    listCatalog(),
    ruleContext(parcel.prisonerId, undefined, parcel.id),
    getSetting("relayAddresses"),
    itemEvents({ type: "parcel", id: parcel.id }),
    repliesFor({ type: "parcel", id: parcel.id }),
    nextParcelStatuses(parcel),
    routeStatusLabels(parcel.routeId),
  ]);
  if (!context) return null;
  const inDraft = new Set(parcel.items.map((i) => i.catalogItemId));
  const primary = parcel.prisoner.names.find((n) => n.isPrimary) ?? parcel.prisoner.names[0];
  const facility = parcel.prisoner.currentFacility;
  const canManage = can(actor, "manage:parcels");
  return {
    parcel: {
      id: parcel.id,
      own: parcel.own,
      state: parcel.state,
      returnedReason: parcel.state === "draft" ? returnedReasonKey(parcel.returnedReason) : null,
      status: parcel.status,
      packageKind: parcel.packageKind,
      senderKind: parcel.senderKind,
      fromAbroad: parcel.fromAbroad,
      onBehalfOf: parcel.onBehalfOf,
      senderDetails: parcel.senderDetails ?? "",
      routeId: parcel.routeId,
      route: parcel.route,
      trackingNumber: parcel.trackingNumber,
      customsForm: parcel.customsForm,
      sentAt: parcel.sentAt,
      currency: parcel.currency,
      senderPseudonym: canManage && parcel.senderId !== actor.id ? (parcel.sender?.pseudonym ?? null) : null,
    },
    items: parcel.items.map((i) => ({
      id: i.id,
      catalogItemId: i.catalogItemId,
      freeText: i.freeText,
      freeTextEn: i.freeTextEn,
      quantity: i.quantity,
      unitWeightGrams: i.unitWeightGrams,
      unitValueCents: i.unitValueCents,
      nameRu: i.catalogItem?.nameRu ?? i.freeText ?? "",
      nameEn: i.catalogItem?.nameEn ?? i.freeTextEn ?? i.freeText ?? "",
    })),
    prisoner: {
      id: parcel.prisoner.id,
      name: primary ? fullName(primary) : "—",
      facility: facility ? { id: facility.id, name: facility.name, city: facility.city, type: facility.type } : null,
      envelope: facility
        ? envelopeAddressLines({
            country: parcel.prisoner.country,
            names: parcel.prisoner.names,
            birthDate: parcel.prisoner.birthDate,
            facility,
          })
        : null,
    },
    catalog: catalog
      // Items already in the draft stay (the check explains why they cannot go); others only when some facility takes them.
      .filter((c) => inDraft.has(c.id) || (c.active && offeredInParcel(c, facility?.type)))
      .map((c) => ({
        id: c.id,
        nameRu: c.nameRu,
        nameEn: c.nameEn,
        category: c.category,
        unitWeightGrams: c.unitWeightGrams,
        typicalValueCents: c.typicalValueCents,
        perishable: c.perishable,
        bannedFacilityTypes: c.bannedFacilityTypes,
      })),
    /** The rules' inputs about the person (a VerdictContext of app/parcels/rules.ts). */
    rules: {
      country: context.country,
      prisoner: context.prisoner,
      facility: context.facility,
      history: context.history,
      bannedTerms: context.bannedTerms.map((b) => ({ term: b.term })),
      routes: context.routes.map((r) => ({ id: r.id, name: r.name })),
      boxWeightGrams: context.boxWeightGrams,
    },
    canOnBehalf: canManage,
    relayAddresses: parcel.state === "draft" ? relayAddresses : [],
    // Who moved it is coordinators' business: a volunteer sees the steps, not the names.
    events: canManage ? events : events.map(({ actor: _actor, ...event }) => event),
    replies,
    nextStatuses: next,
    statusLabels,
  };
}

export type ParcelPage = NonNullable<Awaited<ReturnType<typeof getParcelPage>>>;
