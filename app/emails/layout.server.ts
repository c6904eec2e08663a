import type { Locale } from "#app/i18n/i18n.ts";

export interface EmailContent {
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** One plain layout for every mail: a text part always, and a simple HTML part. */
export function renderEmail(locale: Locale, content: EmailContent): { text: string; html: string } {
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...(content.footer ? ["--", content.footer] : []),
  ].join("\n\n");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d2330;max-width:36rem">
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#1f4e8c;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(content.action.label)}</a></p>` : ""}
${content.footer ? `<p style="color:#5b6474;font-size:.9em">${escapeHtml(content.footer)}</p>` : ""}
</body></html>`;
  return { text, html };
}
