import { expect, test } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { seedDemoData } from "#app/models/demo.server.ts";
import { setSetting } from "#app/models/settings.server.ts";
import { sendPledgeReminders } from "#app/models/support.server.ts";
import { PermissionError } from "#app/models/users.server.ts";
import {
  FundraiserReportError,
  fundraiserReports,
  publicCampaign,
  publicNeeds,
  recordFundraiserReport,
  setSourceNamesPublic,
} from "#app/models/public.server.ts";
import { frameHeadersFor } from "#app/runtime.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { PUBLIC_RATE_LIMIT } from "#app/utils/public-http.server.ts";
import { CARD_HEIGHT, CARD_WIDTH, renderShareCard } from "#app/support/share-card.server.ts";
import { decrypt } from "#app/utils/crypto.server.ts";
import { familyContact } from "#app/utils/sealed-fields.server.ts";
import { fullName } from "#app/names/match-keys.ts";
import { advanceClock } from "#app/utils/clock.server.ts";
import { loader as needsPublicLoader } from "#app/routes/needs.public.tsx";
import { loader as needsCardLoader } from "#app/routes/needs.public.card[.]png.tsx";
import { loader as campaignLoader } from "#app/routes/c.$slug.tsx";
import { loader as campaignCardLoader } from "#app/routes/c.$slug.card[.]png.tsx";
import { loader as embedLoader } from "#app/routes/c.$slug.embed.tsx";
import { loader as atomLoader } from "#app/routes/campaigns[.]atom.tsx";
import { loader as apiLoader } from "#app/routes/api.v1.public.campaigns.tsx";
import { loader as landingLoader } from "#app/routes/_index.tsx";
import { describeEachDatabase } from "#tests/support/db.ts";

type AnyLoader = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => Promise<unknown>;

let ip = 0;
/** Calls a loader as the server would, from a new client address each time (the rate limit has its own test). */
async function call(
  loader: unknown,
  path: string,
  options: { headers?: Record<string, string>; params?: Record<string, string>; ip?: string } = {},
): Promise<unknown> {
  const request = new Request(`http://localhost${path}`, { headers: options.headers });
  try {
    return await (loader as AnyLoader)({
      request,
      params: options.params ?? {},
      context: { clientIp: options.ip ?? `10.0.0.${++ip}`, cspNonce: "" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A document loader's answer: its data (what the page is rendered from) and headers. */
function documentAnswer(answer: unknown): { body: string; headers: Headers } {
  const result = answer as { data?: unknown; init?: { headers?: Record<string, string> } };
  if (result && typeof result === "object" && "init" in result) {
    return { body: JSON.stringify(result.data), headers: new Headers(result.init?.headers) };
  }
  return { body: JSON.stringify(answer), headers: new Headers() };
}

async function bodyOf(answer: unknown): Promise<{ body: string; headers: Headers; status: number }> {
  if (answer instanceof Response) {
    const bytes = Buffer.from(await answer.arrayBuffer());
    const type = answer.headers.get("content-type") ?? "";
    return {
      body: type.startsWith("image/") ? bytes.toString("latin1") : bytes.toString("utf8"),
      headers: answer.headers,
      status: answer.status,
    };
  }
  return { ...documentAnswer(answer), status: 200 };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

async function coordinator() {
  return prisma.user.findUniqueOrThrow({ where: { email: "coordinator@demo.solidarity.test" } });
}

describeEachDatabase("public pages", () => {
  test("no public answer holds an e-mail address, a pseudonym or a family's detail (demo data, every need shareable)", async () => {
    expect(await seedDemoData()).toBe(true);
    // The worst case: every need shared, every source's names public.
    await prisma.need.updateMany({ data: { shareable: true } });
    await prisma.source.updateMany({ data: { namesPublic: true } });
    const users = await prisma.user.findMany({ select: { email: true, pseudonym: true } });
    const families = await prisma.family.findMany({ select: { id: true, description: true, contactEncrypted: true } });
    expect(users.length).toBeGreaterThan(2);
    expect(families.length).toBeGreaterThan(0);
    const secrets = [
      ...users.flatMap((u) => [u.email, u.pseudonym]),
      ...families.flatMap((f) => [
        f.description,
        ...(f.contactEncrypted ? decrypt(f.contactEncrypted, familyContact(f.id)).split(/,\s*/) : []),
      ]),
      // Texts written for volunteers may describe a family ("to the children"): not public.
      ...(await prisma.need.findMany({ select: { text: true } })).map((n) => n.text),
    ].filter((s) => s.length >= 4);
    const slug = "new-year-postcards";
    const answers = {
      "/needs/public": await call(needsPublicLoader, "/needs/public"),
      "/needs/public/card.png": await call(needsCardLoader, "/needs/public/card.png"),
      "/": await call(landingLoader, "/"),
      [`/c/${slug}`]: await call(campaignLoader, `/c/${slug}`, { params: { slug } }),
      [`/c/${slug}/card.png`]: await call(campaignCardLoader, `/c/${slug}/card.png`, { params: { slug } }),
      [`/c/${slug}/embed`]: await call(embedLoader, `/c/${slug}/embed`, { params: { slug } }),
      "/campaigns.atom": await call(atomLoader, "/campaigns.atom"),
      "/api/v1/public/campaigns": await call(apiLoader, "/api/v1/public/campaigns"),
    };
    const bodies: Record<string, string> = {};
    for (const [path, answer] of Object.entries(answers)) {
      const { body, status } = await bodyOf(answer);
      bodies[path] = body;
      expect(status, path).toBe(200);
      expect(body.length, path).toBeGreaterThan(20);
      if (!path.endsWith(".png")) expect(body.match(EMAIL)?.[0] ?? null, path).toBeNull();
      for (const secret of secrets) expect(body.includes(secret), `${path} contains "${secret}"`).toBe(false);
    }
    // What the pages do show: the shared needs (with counts) and the campaign's progress.
    expect(JSON.parse(bodies["/needs/public"]).needs.length).toBe(
      await prisma.need.count({ where: { state: "open" } }),
    );
    const api = JSON.parse(bodies["/api/v1/public/campaigns"]);
    expect(api.campaigns.map((c: { slug: string }) => c.slug)).toContain(slug);
  });

  test("a prisoner's name is public only when one of their sources publishes names", async () => {
    expect(await seedDemoData()).toBe(true);
    await prisma.source.updateMany({ data: { namesPublic: false } });
    await prisma.need.updateMany({ data: { shareable: true } });
    const needs = await prisma.need.findMany({
      where: { state: "open" },
      select: {
        id: true,
        prisoner: {
          select: {
            names: { where: { isPrimary: true }, select: { surname: true, givenName: true, patronymic: true } },
            sources: { select: { source: { select: { id: true } } } },
          },
        },
      },
    });
    const withSource = needs.find((n) => n.prisoner.sources.length > 0)!;
    expect(withSource).toBeDefined();
    const name = fullName(withSource.prisoner.names[0]);
    const before = await publicNeeds();
    expect(before.every((n) => n.name === null)).toBe(true);
    expect(JSON.stringify(before)).not.toContain(withSource.prisoner.names[0].surname);

    // A volunteer may not flip it; a coordinator may (audited).
    const volunteer = await prisma.user.findUniqueOrThrow({ where: { email: "volunteer@demo.solidarity.test" } });
    const sourceId = withSource.prisoner.sources[0].source.id;
    await expect(setSourceNamesPublic(volunteer, sourceId, true)).rejects.toBeInstanceOf(PermissionError);
    await setSourceNamesPublic(await coordinator(), sourceId, true);
    expect(await prisma.auditLog.count({ where: { action: "source.names_public", targetId: sourceId } })).toBe(1);

    const after = await publicNeeds();
    expect(after.find((n) => n.id === withSource.id)?.name).toBe(name);
    // People with no such source stay nameless.
    const unnamed = needs.filter((n) => !n.prisoner.sources.some((s) => s.source.id === sourceId)).map((n) => n.id);
    for (const need of after.filter((n) => unnamed.includes(n.id))) expect(need.name).toBeNull();
    // A need not marked shareable is not public at all.
    await prisma.need.update({ where: { id: withSource.id }, data: { shareable: false } });
    expect((await publicNeeds()).some((n) => n.id === withSource.id)).toBe(false);
  });

  test("public answers carry an ETag and Cache-Control; the same ETag answers 304; a change gives a new ETag", async () => {
    expect(await seedDemoData()).toBe(true);
    const slug = "new-year-postcards";
    for (const [loader, path, params] of [
      [apiLoader, "/api/v1/public/campaigns", {}],
      [atomLoader, "/campaigns.atom", {}],
      [campaignCardLoader, `/c/${slug}/card.png`, { slug }],
      [embedLoader, `/c/${slug}/embed`, { slug }],
    ] as const) {
      const first = (await call(loader, path, { params })) as Response;
      const etag = first.headers.get("etag")!;
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get("cache-control"), path).toMatch(/public, max-age=\d+/);
      expect(first.headers.get("vary"), path).toContain("Accept-Language");
      const again = (await call(loader, path, { params, headers: { "If-None-Match": etag } })) as Response;
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe("");
      const other = (await call(loader, path, {
        params,
        headers: { "If-None-Match": '"something-else"' },
      })) as Response;
      expect(other.status, path).toBe(200);
    }
    // Document pages: the ETag comes with the loader's headers (entry.server answers 304 with it).
    const page = documentAnswer(await call(campaignLoader, `/c/${slug}`, { params: { slug } }));
    const pageEtag = page.headers.get("etag")!;
    expect(pageEtag).toMatch(/^"[\w-]+"$/);
    expect(page.headers.get("cache-control")).toMatch(/^public/);
    // A signed-in visitor's copy (it carries their menu) is not shared through caches.
    const personal = documentAnswer(
      await call(campaignLoader, `/c/${slug}`, { params: { slug }, headers: { Cookie: "x=1" } }),
    );
    expect(personal.headers.get("cache-control")).toBe("private, no-cache");
    expect(personal.headers.get("etag")).not.toBe(pageEtag);

    // The fund reports a new amount: the page and the API change their ETag.
    const apiBefore = ((await call(apiLoader, "/api/v1/public/campaigns")) as Response).headers.get("etag");
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { slug } });
    await recordFundraiserReport(
      await coordinator(),
      { campaignId: campaign.id },
      {
        amount: 2000,
        currency: "EUR",
        reportedOn: "2026-12-20",
      },
    );
    const pageAfter = documentAnswer(await call(campaignLoader, `/c/${slug}`, { params: { slug } }));
    expect(pageAfter.headers.get("etag")).not.toBe(pageEtag);
    expect(pageAfter.body).toContain("bysol.org");
    // The API lists no amounts, so its answer and ETag stay the same.
    expect(((await call(apiLoader, "/api/v1/public/campaigns")) as Response).headers.get("etag")).toBe(apiBefore);
  });

  test("the public API answers exactly the agreed shape, in the language of Accept-Language", async () => {
    expect(await seedDemoData()).toBe(true);
    const titles: Record<string, string> = {};
    for (const [header, language] of [
      ["ru-RU,ru;q=0.9,en;q=0.5", "ru"],
      ["be", "be"],
      ["en-GB,en;q=0.8", "en"],
      ["de-DE", "en"],
    ] as const) {
      const answer = (await call(apiLoader, "/api/v1/public/campaigns", {
        headers: { "Accept-Language": header },
      })) as Response;
      expect(answer.headers.get("content-type")).toContain("application/json");
      expect(answer.headers.get("content-language")).toBe(language);
      const json = await answer.json();
      expect(Object.keys(json)).toEqual(["campaigns"]);
      const newYear = json.campaigns.find((c: { slug: string }) => c.slug === "new-year-postcards");
      expect(Object.keys(newYear)).toEqual(["slug", "title", "startsOn", "endsOn", "goal", "progress", "url"]);
      expect(newYear.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(newYear.endsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isInteger(newYear.goal) && Number.isInteger(newYear.progress)).toBe(true);
      expect(newYear.url).toMatch(/\/c\/new-year-postcards$/);
      titles[header] = newYear.title;
    }
    expect(titles["ru-RU,ru;q=0.9,en;q=0.5"]).toBe("Новогодние открытки");
    expect(titles["be"]).toBe("Навагоднія паштоўкі");
    expect(titles["en-GB,en;q=0.8"]).toBe("New Year postcards");
    expect(titles["de-DE"]).toBe("New Year postcards");
    // Only shareable campaigns: the coordinator takes it off public pages, it leaves the list and its page.
    await prisma.campaign.update({ where: { slug: "new-year-postcards" }, data: { shareable: false } });
    const json = await ((await call(apiLoader, "/api/v1/public/campaigns")) as Response).json();
    expect(json.campaigns.some((c: { slug: string }) => c.slug === "new-year-postcards")).toBe(false);
    const page = (await call(campaignLoader, "/c/new-year-postcards", {
      params: { slug: "new-year-postcards" },
    })) as Response;
    expect(page.status).toBe(404);
  });

  test("the share card is a 1200×630 PNG whose text is drawn (Cyrillic included) and differs with the title", async () => {
    const card = (title: string) =>
      renderShareCard({ title, progressLabel: "12 из 40", percent: 30, footer: "Solidarity Mail" });
    const be = Buffer.from(card("Навагоднія паштоўкі ў калонію"));
    const ru = Buffer.from(card("Новогодние открытки"));
    for (const png of [be, ru]) {
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(CARD_WIDTH);
      expect(png.readUInt32BE(20)).toBe(CARD_HEIGHT);
    }
    expect(be.equals(ru)).toBe(false);
    // Glyphs are drawn: a card with the title is larger than one whose title is blank.
    const blank = Buffer.from(card(" "));
    expect(ru.length).toBeGreaterThan(blank.length + 1000);

    expect(await seedDemoData()).toBe(true);
    const answer = (await call(campaignCardLoader, "/c/new-year-postcards/card.png", {
      params: { slug: "new-year-postcards" },
      headers: { "Accept-Language": "be" },
    })) as Response;
    expect(answer.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await answer.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  test("only the embed may be framed, by the sites admins list; every other page refuses frames", async () => {
    const other = await frameHeadersFor("/c/new-year-postcards");
    expect(other).toEqual({ frameAncestors: "'none'", xFrameOptions: "DENY" });
    // No list yet: the embed refuses frames too.
    expect(await frameHeadersFor("/c/new-year-postcards/embed")).toEqual({
      frameAncestors: "'none'",
      xFrameOptions: "DENY",
    });
    await setSetting("embedFrameAncestors", ["https://ngo.example", "https://*.partner.example"]);
    expect(await frameHeadersFor("/c/new-year-postcards/embed")).toEqual({
      frameAncestors: "https://ngo.example https://*.partner.example",
      xFrameOptions: null,
    });
    for (const path of ["/", "/needs/public", "/c/x/card.png", "/campaigns.atom", "/c/x/embed/more", "/login"]) {
      expect(await frameHeadersFor(path), path).toEqual({ frameAncestors: "'none'", xFrameOptions: "DENY" });
    }
    // A stored value cannot smuggle another directive into the header.
    await setSetting("embedFrameAncestors", ["https://ngo.example; script-src *", "*"]);
    expect(await frameHeadersFor("/c/new-year-postcards/embed")).toEqual({
      frameAncestors: "'none'",
      xFrameOptions: "DENY",
    });
  });

  test("public pages are rate-limited per client address", async () => {
    expect(await seedDemoData()).toBe(true);
    for (let i = 0; i < PUBLIC_RATE_LIMIT; i++) await hitRateLimit("public:192.0.2.9", PUBLIC_RATE_LIMIT, 60);
    const refused = (await call(apiLoader, "/api/v1/public/campaigns", { ip: "192.0.2.9" })) as Response;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const another = (await call(apiLoader, "/api/v1/public/campaigns", { ip: "192.0.2.10" })) as Response;
    expect(another.status).toBe(200);
  });

  test("fund amounts: coordinators record them with a date, history kept and audited; the newest is shown with its domain", async () => {
    expect(await seedDemoData()).toBe(true);
    const need = await prisma.need.findFirstOrThrow({ where: { via: "fundraiser" } });
    const actor = await coordinator();
    const volunteer = await prisma.user.findUniqueOrThrow({ where: { email: "volunteer@demo.solidarity.test" } });
    await expect(
      recordFundraiserReport(volunteer, { needId: need.id }, { amount: 1, currency: "EUR", reportedOn: "2026-12-01" }),
    ).rejects.toBeInstanceOf(PermissionError);
    await recordFundraiserReport(actor, { needId: need.id }, { amount: 90, currency: "EUR", reportedOn: "2099-01-02" });
    await recordFundraiserReport(actor, { needId: need.id }, { amount: 60, currency: "EUR", reportedOn: "2099-01-01" });
    const history = await fundraiserReports(actor, { needId: need.id });
    expect(history.map((r) => [r.amount, r.reportedOn, r.domain])).toEqual([
      [90, "2099-01-02", "bysol.org"],
      [60, "2099-01-01", "bysol.org"],
      [40, history[2].reportedOn, "bysol.org"],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "fundraiser.reported", targetId: need.id } })).toBe(2);
    await prisma.need.update({ where: { id: need.id }, data: { shareable: true } });
    const shown = (await publicNeeds()).find((n) => n.id === need.id)!;
    expect(shown.reported).toEqual({ amount: 90, currency: "EUR", reportedOn: "2099-01-02", domain: "bysol.org" });
    // A need without a fundraiser link has nothing to report.
    const task = await prisma.need.findFirstOrThrow({ where: { via: "task" } });
    await expect(
      recordFundraiserReport(actor, { needId: task.id }, { amount: 5, currency: "EUR", reportedOn: "2026-12-01" }),
    ).rejects.toBeInstanceOf(FundraiserReportError);
    const campaign = await publicCampaign("new-year-postcards", { locale: "ru" });
    expect(campaign?.reported?.domain).toBe("bysol.org");
  });

  test("a volunteer who turned pledge reminders off gets none; others still do", async () => {
    expect(await seedDemoData()).toBe(true);
    const pledge = await prisma.pledge.findFirstOrThrow({ where: { state: "held" } });
    await prisma.user.update({ where: { id: pledge.volunteerId! }, data: { remindPledges: false } });
    advanceClock(pledge.heldUntil.getTime() - Date.now() - 3_600_000);
    expect(await sendPledgeReminders()).toBe(0);
    await prisma.user.update({ where: { id: pledge.volunteerId! }, data: { remindPledges: true } });
    expect(await sendPledgeReminders()).toBe(1);
  });
});
