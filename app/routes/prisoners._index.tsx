import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { listPrisoners } from "#app/models/prisoners.server.ts";
import { Pagination, pageFromUrl } from "#app/components/pagination.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "prisoners.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:prisoners");
  const url = new URL(request.url);
  const country = url.searchParams.get("country");
  const q = url.searchParams.get("q") ?? "";
  const result = await listPrisoners({
    q: q.slice(0, 200),
    country: country === "BY" || country === "RU" ? country : undefined,
    page: pageFromUrl(url),
  });
  return { ...result, q, country: country ?? "" };
}

export default function Prisoners() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <h1>{t("prisoners.title")}</h1>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="prisoner-search">{t("prisoners.search")}</label>
          <input id="prisoner-search" type="search" name="q" defaultValue={data.q} />
        </div>
        <div className="field">
          <label htmlFor="prisoner-country">{t("prisoners.country")}</label>
          <select id="prisoner-country" name="country" defaultValue={data.country}>
            <option value="">{t("common.all")}</option>
            <option value="BY">{t("prisoners.country.BY")}</option>
            <option value="RU">{t("prisoners.country.RU")}</option>
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t("common.search")}
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("common.results", { count: data.total })}
      </p>
      {data.prisoners.length === 0 ? (
        <p>{t("prisoners.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("prisoners.name")}</th>
                <th scope="col">{t("prisoners.facility")}</th>
                <th scope="col">{t("prisoners.status")}</th>
                <th scope="col">{t("prisoners.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {data.prisoners.map((p) => (
                <tr key={p.id}>
                  <td lang={p.country === "BY" ? "be" : "ru"}>{p.name}</td>
                  <td lang="ru">{p.currentFacility ? `${p.currentFacility.name}, ${p.currentFacility.city}` : "—"}</td>
                  <td>{t(`prisonerStatus.${p.status}`)}</td>
                  <td>
                    <ul className="badges">
                      {p.humanitarian ? <li className="badge badge-warm">{t("prisoners.humanitarian")}</li> : null}
                      {p.incommunicado ? <li className="badge">{t("prisoners.incommunicado")}</li> : null}
                      {p.doNotWrite ? <li className="badge badge-stop">{t("prisoners.doNotWrite")}</li> : null}
                      {p.relativesOnly ? <li className="badge">{t("prisoners.relativesOnly")}</li> : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </section>
  );
}
