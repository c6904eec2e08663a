import { connectDatabase, prisma } from "#app/utils/db.server.ts";
await connectDatabase({ kind: "postgres", url: process.env.DB! }, { migrate: false });
const [s] = await prisma.session.findMany({ take: 1 });
async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < 300; i++) await fn();
  console.log(label.padEnd(40), ((performance.now() - t) / 300).toFixed(3), "ms");
}
await time("session.findUnique include user", () => prisma.session.findUnique({ where: { idHash: s.idHash }, include: { user: true } }));
await time("session.findUnique", () => prisma.session.findUnique({ where: { idHash: s.idHash } }));
await time("reply.count relation", () => prisma.reply.count({ where: { readByWriterAt: null, letter: { authorId: s.userId } } }));
await time("queryRaw select 1", () => prisma.$queryRaw`SELECT 1`);
await time("queryRaw session join user", () => prisma.$queryRaw`SELECT s.*, row_to_json(u) AS "user" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."idHash" = ${s.idHash}`);
await prisma.$disconnect();
