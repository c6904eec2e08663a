import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DataTable } from "#app/components/data-table.tsx";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "#app/utils/auth.server.ts";
import {
  API_TOKEN_SCOPES,
  ApiTokenError,
  createApiToken,
  DEFAULT_TOKEN_DAYS,
  listApiTokens,
  MAX_TOKEN_DAYS,
  revokeApiToken,
} from "#app/models/api-tokens.server.ts";
import { useT, useDateFormatter } from "#app/i18n/react.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { titleMeta } from "#app/utils/meta.ts";
export { ErrorBoundary } from "#app/components/error-boundary.tsx";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "tokens.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:tokens");
  return {
    tokens: await listApiTokens(),
    scopes: API_TOKEN_SCOPES,
    defaultDays: DEFAULT_TOKEN_DAYS,
    maxDays: MAX_TOKEN_DAYS,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string().trim().min(1).max(80),
    scope: z.enum(API_TOKEN_SCOPES),
    days: z.coerce.number().int().min(1).max(MAX_TOKEN_DAYS),
  }),
  z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1) }),
]);

type ActionResult = { created: { name: string; token: string } | null; revoked: boolean; error: MessageKey | null };

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult> {
  const { user } = await requirePermission(request, "manage:tokens");
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { created: null, revoked: false, error: "tokens.invalid" };
  if (parsed.data.intent === "revoke") {
    const revoked = await revokeApiToken(parsed.data.tokenId, user.id);
    return { created: null, revoked, error: revoked ? null : "tokens.notRevoked" };
  }
  try {
    const { token } = await createApiToken({
      name: parsed.data.name,
      scope: parsed.data.scope,
      days: parsed.data.days,
      createdById: user.id,
    });
    return { created: { name: parsed.data.name, token }, revoked: false, error: null };
  } catch (error) {
    if (error instanceof ApiTokenError) return { created: null, revoked: false, error: "tokens.invalid" };
    throw error;
  }
}

const STATE_LABELS = {
  active: "tokens.state.active",
  revoked: "tokens.state.revoked",
  expired: "tokens.state.expired",
} as const;

export default function ApiTokens() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = useDateFormatter("date");
  const dateTime = useDateFormatter("dateTime");
  return (
    <section className="panel">
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      {actionData?.error ? (
        <p className="notice notice-error" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {actionData?.revoked ? (
        <p className="notice" role="status">
          {t("tokens.revokedNotice")}
        </p>
      ) : null}
      {actionData?.created ? (
        <div className="notice" role="status">
          <p>{t("tokens.createdNotice", { name: actionData.created.name })}</p>
          <p>
            <code className="secret" data-testid="new-token">
              {actionData.created.token}
            </code>
          </p>
        </div>
      ) : null}
      {data.tokens.length === 0 ? (
        <p>{t("tokens.empty")}</p>
      ) : (
        <DataTable
          columns={[
            { label: t("tokens.name") },
            { label: t("tokens.scope") },
            { label: t("tokens.state") },
            { label: t("tokens.created") },
            { label: t("tokens.expires") },
            { label: t("tokens.lastUsed") },
            { label: t("tokens.revoke"), labelHidden: true },
          ]}
        >
          {data.tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.scope}</code>
              </td>
              <td>{t(STATE_LABELS[token.state])}</td>
              <td>
                {date.format(new Date(token.createdAt))}
                {token.createdBy ? ` · ${token.createdBy}` : ""}
              </td>
              <td>{token.expiresAt ? date.format(new Date(token.expiresAt)) : "—"}</td>
              <td>{token.lastUsedAt ? dateTime.format(new Date(token.lastUsedAt)) : t("tokens.neverUsed")}</td>
              <td>
                {token.state === "active" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button type="submit" className="button-secondary">
                      {t("tokens.revoke")}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t("tokens.new")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="create" />
        <div className="field">
          <label htmlFor="token-name">{t("tokens.name")}</label>
          <input id="token-name" name="name" required maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="token-scope">{t("tokens.scope")}</label>
          <select id="token-scope" name="scope" defaultValue={data.scopes[0]}>
            {data.scopes.map((scope) => (
              <option key={scope} value={scope}>
                {scope}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-days">{t("tokens.days")}</label>
          <input
            id="token-days"
            name="days"
            type="number"
            min={1}
            max={data.maxDays}
            defaultValue={data.defaultDays}
            required
          />
        </div>
        <button type="submit">{t("tokens.create")}</button>
      </Form>
    </section>
  );
}
