import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/utils/auth.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { toCsv } from "#app/utils/csv.ts";
import { allAuditEntries } from "#app/models/audit-log.server.ts";

export async function loader() {
  throw redirect("/admin/audit");
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "read:audit");
  const entries = await allAuditEntries();
  await audit({
    actorId: user.id,
    action: "export.audit_log",
    targetType: "audit-log",
    details: { rows: entries.length },
  });
  const csv = toCsv(
    ["created_at", "actor", "action", "target_type", "target_id", "details"],
    entries.map((e) => [
      e.createdAt,
      e.actor?.pseudonym ?? "",
      e.action,
      e.targetType ?? "",
      e.targetId ?? "",
      e.details ? JSON.stringify(e.details) : "",
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
