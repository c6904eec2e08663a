import type { Role, VettingState } from "#app/generated/prisma/enums.ts";

/**
 * What each role may do. Checked on the server in every loader and action
 * (requirePermission); the UI uses the same table only to hide what would be refused.
 */
export type Permission =
  | "read:prisoners"
  | "write:letters:own"
  | "send:parcels:own"
  | "approve:volunteers"
  | "edit:prisoners"
  | "manage:routes"
  | "track:items"
  | "manage:parcels"
  | "read:audit"
  | "change:roles"
  | "manage:tokens"
  | "pledge:needs"
  | "manage:needs";

const rolePermissions: Record<Role, Permission[]> = {
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
  admin: [
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
  ],
};

export interface Actor {
  role: Role;
  vettingState: VettingState;
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor || actor.vettingState !== "approved") return false;
  return rolePermissions[actor.role].includes(permission);
}

/** The roles an actor may give or take away. Nobody changes their own role. */
export function assignableRoles(actor: Actor): Role[] {
  return can(actor, "change:roles") ? ["volunteer", "coordinator", "admin"] : [];
}
