// The HTTP server: Express in front of the Remix request handler. It adds the
// security headers (with a per-request CSP nonce), the client address, refuses
// posts from other sites and oversized bodies, applies a shared write rate limit,
// answers /healthz and /readyz, and starts the app's background work through the
// build's bootstrap(). It reads no environment variable: the configuration module
// (app/utils/config.server.ts) does, once, when bootstrap() starts.
//
// `node server.js` (`npm run serve`) runs in production mode; `node server.js --demo`
// (`npm start`) in demo mode; `node server.js --dev --demo` (`npm run dev`) in
// development mode with Vite. See docs/deploying.md, "Modes".
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";

const here = path.dirname(fileURLToPath(import.meta.url));
const isDevelopment = process.argv.includes("--dev");
const demo = process.argv.includes("--demo");

const viteDevServer = isDevelopment
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

async function loadBuild() {
  return viteDevServer
    ? viteDevServer.ssrLoadModule("virtual:remix/server-build")
    : import(path.join(here, "build/server/index.js"));
}

const build = await loadBuild();
const guards = build.entry.module;
let runtime;
try {
  runtime = await guards.bootstrap({ demo, dev: isDevelopment });
} catch (error) {
  // Settings the app cannot run with: one sentence (or the list), no stack trace.
  if (error?.name === "ConfigurationError") {
    console.error(`Solidarity Mail cannot start: ${error.message}`);
    await viteDevServer?.close();
    process.exit(1);
  }
  throw error;
}
const { mode, host, port, trustProxyHops, appOrigin, hsts } = guards.serverSettings();

// Express reads X-Forwarded-For from the right, skipping exactly the configured
// number of proxies: entries a client wrote further left cannot choose its address.
function clientIp(req) {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxyHops > 0 ? trustProxyHops : false);
app.use(compression());

app.use(async (req, res, next) => {
  let frame;
  try {
    // Frames are refused everywhere except /c/<slug>/embed, which admins' listed sites may frame.
    frame = await guards.frameHeadersFor(req.path);
  } catch (error) {
    return next(error);
  }
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const connect = isDevelopment ? "'self' ws: wss:" : "'self'";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${isDevelopment ? " 'unsafe-inline'" : ""}`,
      `style-src 'self'${isDevelopment ? " 'unsafe-inline'" : ""}`,
      "img-src 'self' data: blob:",
      "font-src 'self'",
      `connect-src ${connect}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${frame.frameAncestors}`,
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (frame.xFrameOptions) res.setHeader("X-Frame-Options", frame.xFrameOptions);
  // People at risk: never tell another site which page of ours they came from.
  // same-origin sends no Referer to any other site, exactly as no-referrer does; it is
  // not no-referrer because then browsers send "Origin: null" on our own form posts,
  // which the cross-site check below must refuse (docs/decisions/008-referrer-policy.md).
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (hsts) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  next();
});

// Liveness: the process answers (and so does the database). A load balancer should
// restart an instance that fails this, and send traffic only where /readyz passes.
app.get("/healthz", async (_req, res) => {
  try {
    await guards.healthy();
    res.type("text/plain").send("ok");
  } catch {
    res.status(503).type("text/plain").send("database unavailable");
  }
});

// Readiness: the database accepts a write, the disk has room, the outbox moves.
app.get("/readyz", async (_req, res) => {
  try {
    const result = await guards.readiness();
    res.status(result.ready ? 200 : 503).json(result);
  } catch (error) {
    res.status(503).json({ ready: false, checks: { database: String(error?.message ?? error).split("\n")[0] } });
  }
});

const isSafeMethod = (req) => req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS";

// A page of another site (another port of this host included) must not post with
// the visitor's cookies: checked here for every route, pages, ?_data= and resources.
app.use((req, res, next) => {
  const refusal = guards.crossSiteRefusal({
    method: req.method,
    secFetchSite: req.headers["sec-fetch-site"],
    origin: req.headers.origin,
    requestOrigin: `${req.protocol}://${req.headers.host ?? ""}`,
    appOrigin,
  });
  if (!refusal) return next();
  res.status(403).type("text/plain").send("Forbidden: this request came from another site.");
});

// A declared body over the route's limit is refused before a byte of it is read.
app.use((req, res, next) => {
  if (isSafeMethod(req)) return next();
  const limit = guards.bodyLimitFor(req.path);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    res.setHeader("Connection", "close");
    return res
      .status(413)
      .type("text/plain")
      .send(`Request too large: at most ${Math.floor(limit / 1024)} KB here.`);
  }
  next();
});

app.use(async (req, res, next) => {
  if (isSafeMethod(req)) return next();
  try {
    const verdict = await guards.allowWrite({ ip: clientIp(req), cookie: req.headers.cookie });
    if (!verdict.allowed) {
      res.setHeader("Retry-After", String(verdict.retryAfterSeconds));
      return res.status(429).type("text/plain").send("Too many requests. Please wait a minute and try again.");
    }
  } catch (error) {
    return next(error);
  }
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static(path.join(here, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(here, "build/client"), { maxAge: "1h" }));
}

// A body sent without a length (chunked) is counted as it arrives and cut off at the
// limit. Registered right before the Remix handler: no await in between, so the
// handler's reader sees every chunk this counter sees.
app.use((req, res, next) => {
  if (isSafeMethod(req) || req.headers["content-length"] !== undefined) return next();
  const limit = guards.bodyLimitFor(req.path);
  let received = 0;
  req.on("data", (chunk) => {
    received += chunk.length;
    if (received <= limit) return;
    if (!res.headersSent) {
      res.setHeader("Connection", "close");
      res
        .status(413)
        .type("text/plain")
        .send(`Request too large: at most ${Math.floor(limit / 1024)} KB here.`);
    }
    req.destroy();
  });
  next();
});

// A domain error a route lets through becomes its status and message (app/utils/domain-error.server.ts).
const remixHandler = createRequestHandler({
  build: viteDevServer
    ? () => loadBuild().then((fresh) => fresh.entry.module.withDomainErrors(fresh))
    : guards.withDomainErrors(build),
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: clientIp(req) }),
});
// A GET or HEAD request's loaders share per-request lookups (the session: once, not once per loader).
app.all("*", (req, res, next) =>
  guards.withRequestMemo(req.method === "GET" || req.method === "HEAD", () => remixHandler(req, res, next)),
);

const server = app.listen(port, host, () => {
  const where =
    host === "0.0.0.0" || host === "::"
      ? `every address of this machine, port ${port}`
      : `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  console.info(`Solidarity Mail (${mode} mode) listening on ${where}`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.info(`${signal}: shutting down`);
  server.close();
  await runtime.shutdown();
  await viteDevServer?.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
