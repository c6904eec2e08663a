import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI must read a postgres:// URL from the schema or it falls back to
// downloading its Rust engine. When the app runs on embedded PGlite, give the CLI a
// placeholder; the driver adapter below decides where the data really is.
const configuredUrl = process.env.DATABASE_URL ?? "";
const isServerUrl = /^postgres(ql)?:\/\//.test(configuredUrl);
if (!isServerUrl) {
  process.env.DATABASE_URL = "postgresql://placeholder@localhost:5432/placeholder";
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (isServerUrl) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: configuredUrl });
    }
    // The CLI is only used to generate the client and to diff migrations, neither of
    // which needs our data: an on-disk PGlite would keep the CLI process alive, and
    // the app applies migrations itself (app/utils/migrate.server.ts).
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // The adapter package declares an older copy of Prisma's adapter types; same contract at run time.
    return new PrismaPGlite(new PGlite()) as unknown as InstanceType<typeof import("@prisma/adapter-pg").PrismaPg>;
  },
});
