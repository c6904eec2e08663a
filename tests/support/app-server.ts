import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";

export interface RunningApp {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");
/** Opening PGlite and loading the demo take seconds, or a minute and more on a loaded machine. */
const START_TIMEOUT_MS = 180_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * The environment of the app under test: production settings (NODE_ENV=production,
 * strong secrets), so `node server.js` runs in production mode unless a test asks for
 * the demo (startApp with `--demo` adds APP_MODE=demo).
 */
export function testAppEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    // Production refuses weak secrets: these are 32 random bytes each, fixed for tests.
    SESSION_SECRET: "rx3m5RrB/inqXQTidmJN0Hn20WRe5GruWZI+rWHAvD8=",
    DATA_ENCRYPTION_KEY: "l6UQUCYgkKoMTojCQIUo/Je/b8ofGGOVq1HRDtLz9bs=",
    // The test server speaks plain HTTP on localhost.
    INSECURE_COOKIES: "1",
    OUTBOX_POLL_MS: "300",
    ...extra,
  };
}

/** Runs a command of the project (the admin CLI, say) against the test app's data. */
export async function runProjectCommand(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...args], {
      cwd: root,
      env,
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

/** Runs `node server.js [args]` expecting it to refuse to start: its exit code and output. */
export async function startAppExpectingRefusal(
  env: Record<string, string>,
  dataDir?: string,
  args: string[] = [],
): Promise<{ code: number | null; output: string; ms: number }> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sm-refuse-"));
  const port = await freePort();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["server.js", ...args], {
      cwd: root,
      env: testAppEnv(dir, { PORT: String(port), HOST: "127.0.0.1", APP_URL: `http://127.0.0.1:${port}`, ...env }),
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server.js did not refuse to start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/**
 * Starts the built app (`node server.js`) on a free port with its own data folder: in
 * production mode, or in demo mode when `args` holds `--demo`.
 */
export async function startApp(
  options: { env?: Record<string, string>; dataDir?: string; args?: string[]; nodeArgs?: string[] } = {},
): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("The app is not built: run `npm run build` (npm test does it first).");
  }
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sm-e2e-"));
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "server.js", ...(options.args ?? [])],
    {
      cwd: root,
      env: testAppEnv(dataDir, {
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: `http://127.0.0.1:${port}`,
        ...(options.args?.includes("--demo") ? { APP_MODE: "demo" } : {}),
        ...options.env,
      }),
    },
  );
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`App did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      if (output.includes("listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`App exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners("exit");
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
