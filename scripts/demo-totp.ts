// Prints the current authenticator code for the demo coordinator and admin
// (their TOTP secret is published in docs/development.md; it is never used outside demo data).
import { DEMO_TOTP_SECRET } from "#app/models/demo.server.ts";
import { totpCodeFor } from "#app/models/totp.server.ts";

console.info(totpCodeFor(DEMO_TOTP_SECRET, new Date()));
