// A separate process that loads demo data into DATABASE_URL (PostgreSQL), for the
// test that kills a demo start half-way (tests/integration/demo-concurrency.test.ts).
import { connectDatabase, disconnectDatabase } from "#app/utils/db.server.ts";
import { seedDemoData } from "#app/models/demo.server.ts";

await connectDatabase({ kind: "postgres", url: process.env.DATABASE_URL! });
const loaded = await seedDemoData();
process.stdout.write(loaded ? "loaded\n" : "skipped\n");
await disconnectDatabase();
