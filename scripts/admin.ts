// Command line for people who host Solidarity Mail. `npm run admin -- help`.
import { parseArgs } from "node:util";
import { connectDatabase, disconnectDatabase, prisma } from "#app/utils/db.server.ts";
import { databaseTarget } from "#app/utils/config.server.ts";
import { audit } from "#app/utils/audit.server.ts";
import { issueSignInCode, normalizeEmail } from "#app/models/sign-in.server.ts";
import {
  ApiTokenError,
  createApiToken,
  DEFAULT_TOKEN_DAYS,
  isApiTokenScope,
  listApiTokens,
  revokeApiToken,
  API_TOKEN_SCOPES,
} from "#app/models/api-tokens.server.ts";
import { resetTotp } from "#app/models/totp.server.ts";
import { reencryptAll } from "#app/models/key-rotation.server.ts";
import { deleteAccount, LastAdminError } from "#app/models/account-deletion.server.ts";
import { emailField, pseudonymField } from "#app/schemas/account.ts";
import { parcelCheck, ParcelFileError } from "#app/parcels/bulk-check.server.ts";
import { BulkInputError } from "#app/models/parcels.server.ts";
import type { Role } from "#app/generated/prisma/client.ts";

const ROLES: Role[] = ["volunteer", "coordinator", "admin"];

const HELP = `Usage: npm run admin -- <command> [options]

  user:create --email E --role volunteer|coordinator|admin [--pseudonym P]
      Creates an approved account. Coordinators and admins set up TOTP at first sign-in.
  user:login-link --email E
      Prints a one-time sign-in URL (valid for LOGIN_CODE_MINUTES) without sending e-mail.
  user:reset-totp --email E
      Removes a coordinator's or admin's authenticator; they enrol a new one at next sign-in.
  user:delete --email E
      Deletes the account as the person can on /settings: identity, sessions and drafts
      go; letters they sent stay, anonymous. Refused for the last admin.
  token:create --name N --scope ${API_TOKEN_SCOPES.join("|")} [--days D]
      Prints a new API token for an NGO integration. Only its hash is stored: copy it now.
      It stops working after D days (default ${DEFAULT_TOKEN_DAYS}).
  token:list
      Lists API tokens: id, name, scope, state, expiry and last use (never the token).
  token:revoke --id ID
      Revokes a token at once (the id from token:list; its first characters suffice).
  keys:reencrypt
      After putting a new key first in DATA_ENCRYPTION_KEY, re-encrypts stored secrets
      and letters with it; then the old key can be removed.
  source:create --slug S --name N [--country BY|RU]
      Registers an NGO list that imports name with --source S.
  parcel:check --prisoner ID --items FILE.json [--locale en|ru|be]
      Prints as JSON the verdict the parcel page gives for these items to this prisoner
      (format in docs/parcels.md, "Checking parcels in bulk"); exits with 1 when the parcel would be refused.
  db:migrate
      Applies pending database migrations.

With the embedded database, stop the app server first: only one process may open it.`;

class UsageError extends Error {}

function required(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      pseudonym: { type: "string" },
      name: { type: "string" },
      scope: { type: "string" },
      slug: { type: "string" },
      country: { type: "string" },
      prisoner: { type: "string" },
      items: { type: "string" },
      locale: { type: "string" },
      id: { type: "string" },
      days: { type: "string" },
    },
    strict: true,
  });
  if (!command || command === "help" || command === "--help") {
    console.info(HELP);
    return;
  }
  const known = [
    "user:create",
    "user:login-link",
    "user:reset-totp",
    "user:delete",
    "token:create",
    "token:list",
    "token:revoke",
    "keys:reencrypt",
    "source:create",
    "parcel:check",
    "db:migrate",
  ];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);

  await connectDatabase(databaseTarget(), { migrate: true });
  switch (command) {
    case "db:migrate":
      console.info("Migrations are up to date.");
      return;
    case "source:create": {
      const slug = required(values.slug, "slug");
      if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug))
        throw new UsageError("--slug must be lower-case letters, digits and hyphens");
      const country = values.country ?? null;
      if (country !== null && country !== "BY" && country !== "RU") throw new UsageError("--country must be BY or RU");
      if (await prisma.source.findUnique({ where: { slug } }))
        throw new UsageError(`A source "${slug}" already exists.`);
      await prisma.source.create({ data: { slug, name: required(values.name, "name"), country } });
      console.info(`Created source ${slug}.`);
      return;
    }
    case "parcel:check": {
      const prisonerId = required(values.prisoner, "prisoner");
      const file = required(values.items, "items");
      if (values.locale && !["en", "ru", "be"].includes(values.locale))
        throw new UsageError("--locale must be en, ru or be");
      try {
        const result = await parcelCheck(prisonerId, file, values.locale);
        console.info(JSON.stringify(result, null, 2));
        if (!result.ok) process.exitCode = 1;
      } catch (error) {
        if (error instanceof ParcelFileError || error instanceof BulkInputError) throw new UsageError(error.message);
        throw error;
      }
      return;
    }
    case "keys:reencrypt": {
      const counts = await reencryptAll();
      console.info(`Re-encrypted with the current key: ${JSON.stringify(counts)}`);
      return;
    }
    case "user:create": {
      const email = emailField.safeParse(required(values.email, "email"));
      if (!email.success) throw new UsageError("--email is not a valid e-mail address");
      const role = required(values.role, "role") as Role;
      if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
      const fromAddress = email.data
        .split("@")[0]
        .replace(/[^\p{L}\p{N} .'’-]+/gu, " ")
        .trim()
        .slice(0, 40);
      const pseudonym = pseudonymField.safeParse(
        values.pseudonym ?? (fromAddress.length >= 2 ? fromAddress : `New ${role}`),
      );
      if (!pseudonym.success)
        throw new UsageError("--pseudonym must have 2 to 40 letters, digits, spaces, dots, hyphens or apostrophes");
      const address = normalizeEmail(email.data);
      if (await prisma.user.findUnique({ where: { email: address } }))
        throw new UsageError(`A user with ${address} already exists.`);
      const user = await prisma.user.create({
        data: {
          email: address,
          pseudonym: pseudonym.data,
          role,
          vettingState: "approved",
          approvedAt: new Date(),
          locale: "en",
        },
      });
      await audit({
        actorId: null,
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        details: { via: "admin-cli", role },
      });
      console.info(`Created ${role} ${address} (id ${user.id}).`);
      return;
    }
    case "user:login-link": {
      const address = normalizeEmail(required(values.email, "email"));
      if (!(await prisma.user.findUnique({ where: { email: address } })))
        throw new UsageError(`No user with ${address}.`);
      const { link } = await issueSignInCode(address);
      console.info(link);
      return;
    }
    case "user:reset-totp": {
      const address = normalizeEmail(required(values.email, "email"));
      const user = await prisma.user.findUnique({ where: { email: address } });
      if (!user) throw new UsageError(`No user with ${address}.`);
      await resetTotp(user.id);
      await prisma.session.deleteMany({ where: { userId: user.id } });
      console.info(`Authenticator removed for ${address}; their sessions were ended.`);
      return;
    }
    case "user:delete": {
      const address = normalizeEmail(required(values.email, "email"));
      const user = await prisma.user.findUnique({ where: { email: address } });
      if (!user) throw new UsageError(`No user with ${address}.`);
      try {
        const summary = await deleteAccount(user.id, "admin-cli");
        console.info(
          `Deleted the account of ${address}: ${summary.draftsDeleted} draft(s) removed, ${summary.lettersKept} sent letter(s) and ${summary.parcelsKept} parcel(s) kept without their sender.`,
        );
      } catch (error) {
        if (error instanceof LastAdminError) throw new UsageError(error.message);
        throw error;
      }
      return;
    }
    case "token:create": {
      const name = required(values.name, "name");
      const scope = required(values.scope, "scope");
      if (!isApiTokenScope(scope)) throw new UsageError(`--scope must be one of ${API_TOKEN_SCOPES.join(", ")}`);
      const days = values.days === undefined ? undefined : Number(values.days);
      if (days !== undefined && !Number.isInteger(days)) throw new UsageError("--days must be a whole number of days");
      try {
        const { token, expiresAt } = await createApiToken({ name, scope, days });
        console.info(token);
        console.error(`Valid until ${expiresAt.toISOString().slice(0, 10)}.`);
      } catch (error) {
        if (error instanceof ApiTokenError) throw new UsageError(error.message);
        throw error;
      }
      return;
    }
    case "token:list": {
      const tokens = await listApiTokens();
      if (tokens.length === 0) {
        console.info("No API tokens.");
        return;
      }
      const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");
      for (const t of tokens) {
        console.info(
          [t.id, t.state, t.scope, `expires ${day(t.expiresAt)}`, `last used ${day(t.lastUsedAt)}`, t.name].join("\t"),
        );
      }
      return;
    }
    case "token:revoke": {
      const id = required(values.id, "id");
      if (!(await revokeApiToken(id, null, "admin-cli")))
        throw new UsageError(`No active token with id "${id}" (see token:list).`);
      console.info(`Revoked token ${id}.`);
      return;
    }
  }
}

main(process.argv.slice(2))
  .then(() => disconnectDatabase())
  .catch(async (error: unknown) => {
    await disconnectDatabase().catch(() => {});
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      console.error(`admin: ${error.message}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
