import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, startAppExpectingRefusal, type RunningApp } from "#tests/support/app-server.ts";

// What only the HTTP server (server.js) can do, tested on the built app as a process:
// issue 11, items 7, 8, 10, 16, 17, 20 and 21. No browser: plain HTTP requests.
let app: RunningApp;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with exactly these headers (fetch would add its own). */
function send(
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {},
): Promise<Answer> {
  const url = new URL(pathname, app.url);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (d) => (body += d));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    if (options.chunks) {
      // Chunked, no Content-Length; a server that cuts us off may close the socket early.
      request.on("error", () => {});
      for (const chunk of options.chunks) request.write(chunk);
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

beforeAll(async () => {
  app = await startApp({
    env: { MAIL_TRANSPORT: "none", TRUST_PROXY: "1", RATE_LIMIT_SIGNIN_PER_IP: "2" },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe("health", () => {
  test("/healthz is liveness, /readyz readiness with its checks", async () => {
    const live = await send("GET", "/healthz");
    expect(live).toMatchObject({ status: 200, body: "ok" });
    const ready = await send("GET", "/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, checks: { database: "ok", disk: "ok", outbox: "ok" } });
  });
});

describe("posts from other sites are refused with 403 on every kind of route", () => {
  const otherPort = "http://127.0.0.1:1";
  const cases: [string, string][] = [
    ["a page action", "/login"],
    ["a ?_data= request", "/settings?_data=routes%2Fsettings"],
    ["a resource route: /logout", "/logout"],
    ["a resource route: /language", "/language"],
    ["a resource route: /letters/new", "/letters/new"],
    ["an export", "/admin/audit-export"],
  ];
  test.each(cases)("%s (%s)", async (_kind, pathname) => {
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      // Another port of the same host: same site, another origin.
      { Origin: otherPort, "Sec-Fetch-Site": "same-site" },
      { Origin: otherPort },
      { Origin: "null" },
    ];
    for (const headers of attempts) {
      const answer = await send("POST", pathname, {
        headers: { ...FORM, ...headers },
        body: "locale=ru&email=a%40example.org",
      });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body).toBe("Forbidden: this request came from another site.");
    }
  });

  test("our own pages still post", async () => {
    const answer = await send("POST", "/language", {
      headers: { ...FORM, Origin: app.url, "Sec-Fetch-Site": "same-origin" },
      body: "locale=ru&redirectTo=%2Flogin",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/login");
  });
});

describe("request bodies", () => {
  test("an oversized anonymous post is refused before its body is read", async () => {
    const started = Date.now();
    // Declares 200 MB and sends almost nothing: the answer cannot have waited for the body.
    const answer = await send("POST", "/login", {
      headers: { ...FORM, "Content-Length": String(200 * 1024 * 1024) },
      body: "",
    }).catch((error: Error) => ({ status: -1, headers: {}, body: error.message }));
    expect(answer.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("a chunked body over the limit is cut off at the limit", async () => {
    const chunks = Array.from({ length: 8 }, () => Buffer.alloc(8 * 1024, "a"));
    const answer = await send("POST", "/login", { headers: { ...FORM, "Transfer-Encoding": "chunked" }, chunks }).catch(
      (error: Error) => ({
        status: -1,
        headers: {},
        body: error.message,
      }),
    );
    // Either the 413 arrives, or the connection is cut: never a parsed 64 KB form.
    expect([413, -1]).toContain(answer.status);
  });

  test("a small form post goes through", async () => {
    const answer = await send("POST", "/login", {
      headers: { ...FORM, "X-Forwarded-For": "198.51.100.200" },
      body: "email=small%40example.org&website=",
    });
    expect(answer.status).toBe(302);
  });
});

describe("client address behind TRUST_PROXY=1", () => {
  test("entries a client adds to X-Forwarded-For do not reset the per-client sign-in limit", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await send("POST", "/login", {
        // The client wrote the first entry; our one proxy appended the real address.
        headers: { ...FORM, "X-Forwarded-For": `10.0.${i}.${i + 1}, 203.0.113.5` },
        body: `email=spoof${i}%40example.org&website=`,
      });
      answers.push(answer.status);
      if (i === 2) expect(answer.body).toContain("Too many attempts");
    }
    expect(answers).toEqual([302, 302, 200]);
  });

  test("without a mail transport in production, mails are dropped and no body reaches the log", async () => {
    await send("POST", "/login", {
      headers: { ...FORM, "X-Forwarded-For": "198.51.100.201" },
      body: "email=quiet%40example.org&website=",
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(app.output()).not.toContain("e-mail to");
    expect(app.output()).not.toMatch(/sign-in code/i);
  });
});

describe("start-up refuses what cannot work, in one sentence", () => {
  const oneSentence = (output: string) => output.split("\n").filter((line) => /^\s+at /.test(line));

  test.each([
    [{ SESSION_SECRET: "a", SMTP_URL: "smtp://127.0.0.1:1" }, "SESSION_SECRET is too weak"],
    [{ SESSION_SECRET: "", SMTP_URL: "smtp://127.0.0.1:1" }, "SESSION_SECRET must be set in production"],
    [
      { DATA_ENCRYPTION_KEY: Buffer.alloc(16, 9).toString("base64"), SMTP_URL: "smtp://127.0.0.1:1" },
      "DATA_ENCRYPTION_KEY must be exactly 32 bytes",
    ],
    [{ SMTP_URL: "" }, "No mail transport: set SMTP_URL, or MAIL_TRANSPORT=none"],
  ])("%j", async (env, message) => {
    const refused = await startAppExpectingRefusal(env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Solidarity Mail cannot start: ${message}`);
    expect(oneSentence(refused.output)).toEqual([]);
    expect(refused.output).not.toContain("listening on");
  });

  test("an unwritable data folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-readonly-"));
    fs.writeFileSync(path.join(dir, "file"), "");
    const refused = await startAppExpectingRefusal({ MAIL_TRANSPORT: "none" }, path.join(dir, "file", "data"));
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Solidarity Mail cannot start: The data folder .* cannot be written \(ENOTDIR\)/);
    expect(oneSentence(refused.output)).toEqual([]);
  });
});
