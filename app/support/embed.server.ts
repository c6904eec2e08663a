import { translate, type Locale } from "#app/i18n/i18n.ts";
import type { PublicCampaign } from "#app/models/public.server.ts";

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The embeddable widget's HTML (/c/<slug>/embed): title, progress bar, the fund's
 * reported figure and a link that opens the campaign's page outside the frame.
 * Styles come from /embed.css (the CSP allows no inline styles); no scripts.
 */
export function renderEmbed(input: { campaign: PublicCampaign; url: string; locale: Locale }): string {
  const { campaign, locale } = input;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    escapeHtml(translate(locale, key, params));
  const reported = campaign.reported
    ? `<p class="reported">${t("public.reported", {
        amount: `${campaign.reported.amount} ${campaign.reported.currency}`,
        domain: campaign.reported.domain,
        date: campaign.reported.reportedOn,
      })}</p>`
    : "";
  return `<!DOCTYPE html>
<html lang="${campaign.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(campaign.title)}</title>
<link rel="stylesheet" href="/embed.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<main class="embed">
<h1>${escapeHtml(campaign.title)}</h1>
<progress max="${Math.max(1, campaign.goal)}" value="${campaign.progress}">${campaign.percent}%</progress>
<p class="progress">${t("public.campaign.progress", { progress: campaign.progress, goal: campaign.goal })}</p>
${reported}
<p><a href="${escapeHtml(input.url)}" target="_blank" rel="noopener">${t("public.embed.open")}</a></p>
<p class="site">${t("app.name")}</p>
</main>
</body>
</html>
`;
}
