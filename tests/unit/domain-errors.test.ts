import { describe, expect, test } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { catalogs, SUPPORTED_LOCALES, translate } from "#app/i18n/i18n.ts";
import {
  DomainError,
  domainErrorResponse,
  handleDomainErrors,
  readDomainErrorBody,
  STATUS_OF_KIND,
  type DomainErrorTable,
} from "#app/utils/domain-error.ts";
import { withDomainErrors } from "#app/utils/domain-error.server.ts";
import { LETTER_STATE_ERRORS, LetterStateError } from "#app/models/letters.server.ts";
import { PERMISSION_ERRORS, PermissionError } from "#app/models/users.server.ts";
import {
  PARCEL_REFUSED_ERRORS,
  PARCEL_STATE_ERRORS,
  ParcelStateError,
  TRACKING_NUMBER_ERRORS,
} from "#app/models/parcels.server.ts";
import { NEED_STATE_ERRORS, NeedStateError } from "#app/models/support.server.ts";
import { TRANSITION_ERRORS, TransitionError } from "#app/models/tracking.server.ts";
import { BULK_ERRORS } from "#app/models/dispatch/bulk.server.ts";
import { REPLY_ERRORS } from "#app/models/dispatch/replies.server.ts";
import { FACILITY_MERGE_ERRORS } from "#app/models/facilities.server.ts";
import { STATUS_IN_USE_ERRORS } from "#app/models/routes.server.ts";
import { LAST_ADMIN_ERRORS } from "#app/models/account-deletion.server.ts";
import { ADOPTERS_FULL_ERRORS, ADOPTION_LIMIT_ERRORS } from "#app/models/picking.server.ts";
import { API_TOKEN_ERRORS } from "#app/models/api-tokens.server.ts";
import { RISK_ENTRY_ERRORS } from "#app/models/writing-help.server.ts";
import { REVIEW_REQUIRED_ERRORS, UNKNOWN_SOURCE_ERRORS } from "#app/imports/engine.server.ts";
import { REFUSAL_KEYS } from "#app/tracking/status-label.ts";

const TABLES: Record<string, DomainErrorTable<string>> = {
  LETTER_STATE_ERRORS,
  PERMISSION_ERRORS,
  PARCEL_STATE_ERRORS,
  PARCEL_REFUSED_ERRORS,
  TRACKING_NUMBER_ERRORS,
  NEED_STATE_ERRORS,
  TRANSITION_ERRORS,
  BULK_ERRORS,
  REPLY_ERRORS,
  FACILITY_MERGE_ERRORS,
  STATUS_IN_USE_ERRORS,
  LAST_ADMIN_ERRORS,
  ADOPTION_LIMIT_ERRORS,
  ADOPTERS_FULL_ERRORS,
  API_TOKEN_ERRORS,
  RISK_ENTRY_ERRORS,
  UNKNOWN_SOURCE_ERRORS,
  REVIEW_REQUIRED_ERRORS,
};

describe("every domain error code has a message in every language", () => {
  for (const [name, table] of Object.entries(TABLES)) {
    test(name, () => {
      expect(Object.keys(table).length).toBeGreaterThan(0);
      for (const [code, { kind, message }] of Object.entries(table)) {
        expect(STATUS_OF_KIND[kind], `${name}.${code}`).toBeGreaterThanOrEqual(400);
        for (const locale of SUPPORTED_LOCALES) {
          const text = catalogs[locale][message];
          expect(typeof text === "string" && text.trim().length > 0, `${name}.${code} in ${locale}`).toBe(true);
        }
      }
    });
  }

  test("the codes that used to fall back to a generic text have their own", () => {
    const generic = new Set(["error.generic", "error.title"]);
    for (const code of ["too-long", "not-self-post", "not-sent"] as const) {
      const error = new LetterStateError(code);
      expect(generic.has(error.messageKey)).toBe(false);
      for (const locale of SUPPORTED_LOCALES)
        expect(translate(locale, error.messageKey, error.params)).not.toMatch(/\{\w+\}/);
    }
    for (const key of Object.values(REFUSAL_KEYS)) expect(generic.has(key)).toBe(false);
  });
});

describe("a domain error becomes its status", () => {
  test("kinds map to HTTP statuses", () => {
    expect(new PermissionError("write:letters:own").status).toBe(403);
    expect(new ParcelStateError("not-found").status).toBe(404);
    expect(new LetterStateError("not-self-post").status).toBe(409);
    expect(new LetterStateError("too-long").status).toBe(422);
    expect(new NeedStateError("over-pledged").status).toBe(409);
    expect(new TransitionError("not-found").status).toBe(404);
    expect(STATUS_OF_KIND).toEqual({ not_found: 404, forbidden: 403, conflict: 409, too_many: 429, invalid: 422 });
  });

  test("the code, the message and the detail", () => {
    const error = new PermissionError("write:letters:own");
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe("PermissionError");
    expect(error.code).toBe("forbidden");
    expect(error.messageKey).toBe("error.forbidden");
    expect(error.message).toBe("write:letters:own");
  });

  test("the response carries the status, the code and the message for the error boundary", async () => {
    const response = domainErrorResponse(new LetterStateError("not-sent"));
    expect(response.status).toBe(409);
    const body = readDomainErrorBody(await response.json());
    expect(body).toEqual({ code: "not-sent", messageKey: "letters.error.notSent", params: {} });
    expect(readDomainErrorBody({ code: "x", messageKey: "no.such.key" })).toBeNull();
    expect(readDomainErrorBody("Forbidden")).toBeNull();
  });

  test("handleDomainErrors throws a domain error as its response and lets anything else through", async () => {
    const refused = handleDomainErrors(async () => {
      throw new NeedStateError("not-found");
    });
    const thrown = await refused().catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);

    const fault = new Error("disk on fire");
    await expect(
      handleDomainErrors(async () => {
        throw fault;
      })(),
    ).rejects.toBe(fault);
    expect(await handleDomainErrors(async (n: number) => n + 1)(1)).toBe(2);
  });

  test("withDomainErrors wraps every route's loader and action, and nothing else", async () => {
    const loader = async () => {
      throw new PermissionError("manage:routes");
    };
    const action = async () => "done";
    const component = () => null;
    const build = {
      routes: {
        root: { id: "root", path: "", module: { default: component, loader } },
        "routes/x": { id: "routes/x", parentId: "root", path: "x", module: { action } },
      },
    } as unknown as ServerBuild;
    const wrapped = withDomainErrors(build);
    const root = wrapped.routes.root!.module;
    expect(root.default).toBe(component);
    const thrown = await Promise.resolve()
      .then(() => root.loader!({} as never))
      .catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(403);
    expect(await wrapped.routes["routes/x"]!.module.action!({} as never)).toBe("done");
    expect(wrapped.routes["routes/x"]!.module.loader).toBeUndefined();
    // The build itself is left as it was.
    expect(build.routes.root!.module.loader).toBe(loader);
  });
});
