import { prisma } from "#app/utils/db.server.ts";
import { now } from "#app/utils/clock.server.ts";
import { seedRegistry } from "../../prisma/demo-data";
import { installTotpSecret } from "./totp.server";
import { rebuildNameKeys } from "./name-keys.server";

/** Published in the README: demo coordinators add it to an authenticator app. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.solidarity.test", pseudonym: "Admin Ales", role: "admin", vettingState: "approved" },
  { email: "coordinator@demo.solidarity.test", pseudonym: "Coordinator Kasia", role: "coordinator", vettingState: "approved" },
  { email: "volunteer@demo.solidarity.test", pseudonym: "Forest Bird", role: "volunteer", vettingState: "approved" },
  { email: "pending@demo.solidarity.test", pseudonym: "New Friend", role: "volunteer", vettingState: "pending" },
] as const;

/** Loads demo data only into an empty database; returns whether it did. */
export async function seedDemoData(): Promise<boolean> {
  if ((await prisma.user.count()) > 0 || (await prisma.prisoner.count()) > 0) return false;
  await seedRegistry(prisma);
  await rebuildNameKeys();
  const at = now();
  for (const account of DEMO_ACCOUNTS) {
    const user = await prisma.user.create({
      data: {
        ...account,
        locale: "en",
        writesIn: account.role === "volunteer" ? ["en", "ru"] : ["ru", "be"],
        approvedAt: account.vettingState === "approved" ? at : null,
        createdAt: at,
      },
    });
    if (account.role !== "volunteer") await installTotpSecret(user.id, DEMO_TOTP_SECRET);
  }
  return true;
}
