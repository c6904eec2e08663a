import type { PublicCampaign } from "#app/models/public.server.ts";

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

/**
 * The Atom feed of public campaigns (/campaigns.atom, RFC 4287): one entry per
 * shareable campaign running now, its id the campaign's public address.
 */
export function campaignsAtom(input: {
  title: string;
  origin: string;
  campaigns: PublicCampaign[];
  progressText: (c: PublicCampaign) => string;
  /** When nothing is listed: the feed still needs an updated time. */
  fallbackUpdated: string;
}): string {
  const updated =
    input.campaigns
      .map((c) => c.updatedAt)
      .sort()
      .pop() ?? input.fallbackUpdated;
  const entries = input.campaigns
    .map((c) => {
      const url = `${input.origin}/c/${c.slug}`;
      return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(c.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <updated>${c.updatedAt}</updated>
    <published>${c.startsOn}T00:00:00Z</published>
    <summary>${escapeXml([c.why, input.progressText(c)].filter(Boolean).join(" — "))}</summary>
  </entry>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${input.origin}/campaigns.atom`)}</id>
  <title>${escapeXml(input.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${input.origin}/campaigns.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${input.origin}/`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
