import { can, type Actor } from "#app/utils/permissions.ts";
import { PermissionError } from "../users.server.ts";

/** Whoever tracks items: a coordinator or admin (checked by requireTracker). */
export type Coordinator = Actor & { id: string };

export function requireTracker(actor: Coordinator) {
  if (!can(actor, "track:items")) throw new PermissionError("track:items");
}
