import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "#app/utils/auth.server.ts";
import { parseWithSchema } from "#app/utils/forms.ts";
import { getRoute, updateRoute } from "#app/models/routes.server.ts";
import { routeEditSchema, HANDOVER_METHODS, ROUTE_ITEM_KINDS } from "#app/schemas/routes.ts";
import { WRITING_LANGUAGE_CODES } from "#app/schemas/prisoners.ts";
import { CheckboxGroup, ErrorText, SubmitButton, TextField, ValidatedForm, useValidatedForm } from "#app/components/forms.tsx";
import { SelectField } from "#app/components/select-field.tsx";
import { useT } from "#app/i18n/react.tsx";
import { titleMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "routes.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:routes");
  const route = await getRoute(params.id ?? "");
  if (!route) throw new Response("Not found", { status: 404 });
  return { route, saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "manage:routes");
  const route = await getRoute(params.id ?? "");
  if (!route) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const parsed = parseWithSchema(routeEditSchema, formData, ["countries", "itemKinds", "languages"]);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const usualDays: Record<string, number | null> = {};
  for (const status of route.statuses) {
    const raw = String(formData.get(`days:${status.id}`) ?? "").trim();
    if (raw && !/^\d{1,3}$/.test(raw)) return { fieldErrors: { [`days:${status.id}`]: "validation.wholeNumber" as const } };
    usualDays[status.id] = raw ? Number(raw) : null;
  }
  await updateRoute(user, route.id, parsed.data, usualDays);
  throw redirect(`/coordinator/routes/${route.id}?saved=1`);
}

export default function EditRoute() {
  const t = useT();
  const { route, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { form, onSubmit } = useValidatedForm(routeEditSchema as never, {
    defaultValues: {
      name: route.name,
      description: route.description,
      countries: route.countries,
      itemKinds: route.itemKinds,
      languages: route.languages,
      translates: route.translates ? "on" : false,
      handover: route.handover,
      handoverEmail: route.handoverEmail ?? "",
      repliesReturn: route.repliesReturn ? "on" : false,
      active: route.active ? "on" : false,
      position: String(route.position),
    } as never,
    serverErrors: actionData?.fieldErrors,
  });
  const loose = form as unknown as ReturnType<typeof useValidatedForm<Record<string, unknown>>>["form"];
  return (
    <section className="panel">
      <p>
        <Link to="/coordinator/routes">← {t("routes.title")}</Link>
      </p>
      <h1>{route.name}</h1>
      {saved && !actionData ? (
        <p className="notice notice-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <ValidatedForm form={form} onSubmit={onSubmit}>
        <TextField form={loose} name="name" label={t("routes.name")} />
        <div className="field">
          <label htmlFor="route-description">{t("routes.description")}</label>
          <textarea id="route-description" rows={4} {...loose.register("description")} />
          <ErrorText id="route-description-error" message={loose.formState.errors.description?.message as string | undefined} />
        </div>
        <CheckboxGroup form={loose} name="countries" legend={t("routes.countries")} options={(["BY", "RU"] as const).map((c) => ({ value: c, label: t(`prisoners.country.${c}`) }))} />
        <CheckboxGroup form={loose} name="itemKinds" legend={t("routes.itemKinds")} options={ROUTE_ITEM_KINDS.map((k) => ({ value: k, label: t(`routes.kind.${k}`) }))} />
        <CheckboxGroup form={loose} name="languages" legend={t("routes.languages")} options={WRITING_LANGUAGE_CODES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        <label className="checkbox field">
          <input type="checkbox" value="on" {...loose.register("translates")} /> {t("routes.translates")}
        </label>
        <SelectField id="route-handover" label={t("routes.handover")} registration={loose.register("handover")} options={HANDOVER_METHODS.map((h) => ({ value: h, label: t(`routes.handover.${h}`) }))} />
        <TextField form={loose} name="handoverEmail" type="email" label={t("routes.handoverEmail")} hint={t("routes.handoverEmailHint")} />
        <label className="checkbox field">
          <input type="checkbox" value="on" {...loose.register("repliesReturn")} /> {t("routes.repliesReturn")}
        </label>
        <label className="checkbox field">
          <input type="checkbox" value="on" {...loose.register("active")} /> {t("routes.active")}
        </label>
        <TextField form={loose} name="position" label={t("routes.position")} inputMode="numeric" />
        <fieldset className="field">
          <legend>{t("routes.usualDays")}</legend>
          {route.statuses.map((s) => (
            <div key={s.id} className="field">
              <label htmlFor={`days-${s.id}`}>
                <code>{s.key}</code>
                {s.isFinal ? ` (${t("routes.final")})` : ""}
              </label>
              <input id={`days-${s.id}`} name={`days:${s.id}`} type="number" min={0} max={999} defaultValue={s.usualDays ?? ""} className="input-short" />
              <ErrorText id={`days-${s.id}-error`} message={actionData?.fieldErrors?.[`days:${s.id}`]} />
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t("common.save")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
