// The HTTP server: Express in front of the Remix request handler. It adds the
// security headers (with a per-request CSP nonce), the client address, a shared
// write rate limit, and starts the app's background work through the build's
// bootstrap(). `node server.js [--demo]`; in development `npm run dev` uses Vite.
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";

const here = path.dirname(fileURLToPath(import.meta.url));
const isDevelopment = process.argv.includes("--dev");
const demo = process.argv.includes("--demo");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const viteDevServer = isDevelopment
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

async function loadBuild() {
  return viteDevServer
    ? viteDevServer.ssrLoadModule("virtual:remix/server-build")
    : import(path.join(here, "build/server/index.js"));
}

const build = await loadBuild();
const runtime = await build.entry.module.bootstrap({ demo });
const trustProxy = process.env.TRUST_PROXY === "1";

function clientIp(req) {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0].trim();
  }
  return req.socket.remoteAddress ?? "unknown";
}

const app = express();
app.disable("x-powered-by");
if (trustProxy) app.set("trust proxy", true);
app.use(compression());

app.use((req, res, next) => {
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
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  // People at risk: never tell another site which page of ours they came from.
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form
  // posts, and Remix refuses every plain (no-JavaScript) form post as a possible CSRF.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  next();
});

app.get("/healthz", async (_req, res) => {
  try {
    await build.entry.module.healthy();
    res.type("text/plain").send("ok");
  } catch {
    res.status(503).type("text/plain").send("database unavailable");
  }
});

app.use(async (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  try {
    const key = crypto.createHash("sha256").update(clientIp(req)).digest("hex");
    const verdict = await build.entry.module.allowWrite(key);
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

app.all(
  "*",
  createRequestHandler({
    build: viteDevServer ? () => loadBuild() : build,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: clientIp(req) }),
  }),
);

const server = app.listen(port, host, () => {
  console.info(`Solidarity Mail listening on http://localhost:${port}`);
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
