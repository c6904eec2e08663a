import { useLocale, useT } from "#app/i18n/react.tsx";
import { centsToInput } from "#app/schemas/parcels.ts";
import { itemName } from "#app/parcels/messages.ts";
import { liveVerdict } from "./live-verdict.ts";
import { VerdictPanel } from "./verdict-panel.tsx";
import type { ParcelPageData } from "./types.ts";

export function OthersDraft({ data }: { data: ParcelPageData }) {
  const t = useT();
  const locale = useLocale();
  const verdict = liveVerdict(
    {
      packageKind: data.parcel.packageKind,
      senderKind: data.parcel.senderKind,
      fromAbroad: data.parcel.fromAbroad,
      items: data.items.map((i) => ({
        catalogItemId: i.catalogItemId ?? "",
        freeText: i.freeText ?? "",
        freeTextEn: i.freeTextEn ?? "",
        quantity: String(i.quantity),
        unitWeightGrams: String(i.unitWeightGrams),
        unitValue: centsToInput(i.unitValueCents),
      })),
    },
    data,
  );
  return (
    <div className="editor-grid">
      <section className="panel">
        <p className="notice">{t("parcels.othersDraft", { name: data.parcel.senderPseudonym ?? "—" })}</p>
        <h2>{t("parcels.items")}</h2>
        <ul className="plain-list">
          {data.items.map((i) => (
            <li key={i.id}>
              {itemName(locale, i)} × {i.quantity}
            </li>
          ))}
        </ul>
      </section>
      <aside>
        <VerdictPanel verdict={verdict} rules={data.rules} />
      </aside>
    </div>
  );
}
