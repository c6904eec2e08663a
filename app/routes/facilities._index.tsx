import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listFacilities } from "#app/models/prisoner-edits.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "facilities.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:prisoners");
  const facilities = await listFacilities();
  return {
    facilities: facilities.map((f) => ({
      id: f.id,
      country: f.country,
      type: f.type,
      name: f.name,
      city: f.city,
      acceptsNonRelativeLetters: f.acceptsNonRelativeLetters,
      parcelsFromAbroad: f.parcelsFromAbroad,
      prisoners: f._count.prisoners,
    })),
  };
}

export default function Facilities() {
  const t = useT();
  const { facilities } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>{t("facilities.title")}</h1>
      <p>{t("facilities.intro")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("facilities.name")}</th>
              <th scope="col">{t("facilities.type")}</th>
              <th scope="col">{t("prisoners.country")}</th>
              <th scope="col">{t("facilities.lettersFromNonRelatives")}</th>
              <th scope="col">{t("facilities.parcelsFromAbroad")}</th>
              <th scope="col">{t("facilities.prisoners")}</th>
            </tr>
          </thead>
          <tbody>
            {facilities.map((f) => (
              <tr key={f.id}>
                <td lang="ru">
                  <Link to={`/facilities/${f.id}`}>
                    {f.name}, {f.city}
                  </Link>
                </td>
                <td>{t(`facilityType.${f.type}`)}</td>
                <td>{t(`prisoners.country.${f.country}`)}</td>
                <td>{f.acceptsNonRelativeLetters ? t("common.yes") : t("common.no")}</td>
                <td>{f.parcelsFromAbroad ? t("common.yes") : t("common.no")}</td>
                <td>{f.prisoners}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
