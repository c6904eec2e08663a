import { describe, expect, test } from "vitest";
import { assignableRoles, can, type Permission } from "#app/utils/permissions.ts";
import type { Role, VettingState } from "#app/generated/prisma/enums.ts";

const ALL: Permission[] = [
  "read:prisoners",
  "write:letters:own",
  "send:parcels:own",
  "approve:volunteers",
  "edit:prisoners",
  "manage:routes",
  "track:items",
  "manage:parcels",
  "read:audit",
  "change:roles",
  "manage:tokens",
  "pledge:needs",
  "manage:needs",
];

// Written out by hand on purpose: the expectation must not be derived from the code under test.
const APPROVED: Record<Role, Permission[]> = {
  volunteer: ["read:prisoners", "write:letters:own", "send:parcels:own", "pledge:needs"],
  coordinator: [
    "read:prisoners",
    "write:letters:own",
    "send:parcels:own",
    "approve:volunteers",
    "edit:prisoners",
    "manage:routes",
    "track:items",
    "manage:parcels",
    "pledge:needs",
    "manage:needs",
  ],
  admin: ALL,
};

const ROLES: Role[] = ["volunteer", "coordinator", "admin"];
const STATES: VettingState[] = ["pending", "approved", "suspended"];

describe("can()", () => {
  for (const role of ROLES) {
    for (const vettingState of STATES) {
      test(`${vettingState} ${role}`, () => {
        const allowed = ALL.filter((permission) => can({ role, vettingState }, permission));
        expect(allowed).toEqual(vettingState === "approved" ? APPROVED[role] : []);
      });
    }
  }

  test("nobody signed in can do nothing", () => {
    for (const permission of ALL) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });
});

describe("assignableRoles()", () => {
  test("only an approved admin may assign roles", () => {
    expect(assignableRoles({ role: "admin", vettingState: "approved" })).toEqual(["volunteer", "coordinator", "admin"]);
    expect(assignableRoles({ role: "admin", vettingState: "suspended" })).toEqual([]);
    expect(assignableRoles({ role: "coordinator", vettingState: "approved" })).toEqual([]);
    expect(assignableRoles({ role: "volunteer", vettingState: "approved" })).toEqual([]);
  });
});
