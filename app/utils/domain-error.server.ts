import type { ServerBuild } from "@remix-run/node";
import { handleDomainErrors } from "./domain-error.ts";

/**
 * The server build with every route's loader and action wrapped by handleDomainErrors:
 * a domain error no route handles becomes its status (403, 404, 409, 422, 429) with
 * its message, instead of a 500, in one place rather than a catch in each route.
 * server.js applies it to the build it serves (see docs/decisions/ on domain errors).
 */
export function withDomainErrors(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: handleDomainErrors(loader) } : {}),
        ...(action ? { action: handleDomainErrors(action) } : {}),
      },
    };
  }
  return { ...build, routes };
}
