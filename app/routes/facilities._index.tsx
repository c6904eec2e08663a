import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { can } from "#app/utils/permissions.ts";
import { listFacilities } from "#app/models/facilities.server.ts";
import {
  findDuplicateFacilities,
  FacilityMergeError,
  mergeFacilities,
  type DuplicateGroup,
} from "#app/models/facilities.server.ts";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "facilities.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:prisoners");
  const mayMerge = can(user, "edit:prisoners");
  const [facilities, duplicates] = await Promise.all([
    listFacilities(),
    mayMerge ? findDuplicateFacilities() : Promise.resolve([]),
  ]);
  return {
    duplicates,
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
    mayMerge,
  };
}

/** A coordinator merges facilities stored more than once (the same identity). */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "edit:prisoners");
  const form = await request.formData();
  const keep = String(form.get("keep") ?? "");
  const ids = form.getAll("id").map(String);
  try {
    await mergeFacilities(user, keep, ids);
  } catch (error) {
    if (error instanceof FacilityMergeError) throw redirect("/facilities?merge=failed");
    throw error;
  }
  throw redirect("/facilities?merge=done");
}

function Duplicates({ groups }: { groups: DuplicateGroup[] }) {
  const t = useT();
  const [params] = useSearchParams();
  const outcome = params.get("merge");
  return (
    <section className="panel" data-testid="facility-duplicates">
      <h2>{t("facilities.duplicates")}</h2>
      {outcome === "done" ? (
        <p className="notice notice-ok" role="status">
          {t("facilities.mergeDone")}
        </p>
      ) : null}
      {outcome === "failed" ? (
        <p className="notice notice-error" role="alert">
          {t("facilities.mergeFailed")}
        </p>
      ) : null}
      {groups.length === 0 ? <p>{t("facilities.noDuplicates")}</p> : <p>{t("facilities.duplicatesIntro")}</p>}
      {groups.map((group) => (
        <Form method="post" key={group.key} className="field">
          <fieldset>
            <legend>{t("facilities.keepWhich")}</legend>
            {group.facilities.map((f, index) => (
              <label className="checkbox" key={f.id}>
                <input type="hidden" name="id" value={f.id} />
                <input type="radio" name="keep" value={f.id} defaultChecked={index === 0} />{" "}
                <span lang="ru">{[f.name, f.street, f.postcode, f.city].filter(Boolean).join(", ")}</span> (
                {t("facilities.prisonersCount", { count: f.prisoners })})
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button-secondary">
            {t("facilities.merge")}
          </button>
        </Form>
      ))}
    </section>
  );
}

export default function Facilities() {
  const t = useT();
  const { facilities, duplicates, mayMerge } = useLoaderData<typeof loader>();
  return (
    <>
      {mayMerge ? <Duplicates groups={duplicates} /> : null}
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
    </>
  );
}
