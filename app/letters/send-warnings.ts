import type { Guidance, GuidanceWarning } from "./guidance.ts";

/**
 * The warnings that matter for one route: a route that translates (the atelier)
 * carries a text in another language into the prison's, so the language warning
 * does not apply to it. Used by the review step and by the server before sending.
 */
export function warningsForRoute(
  guidance: Guidance,
  route: { translates: boolean } | null | undefined,
): GuidanceWarning[] {
  return guidance.warnings.filter((w) => !(route?.translates && w.code === "language"));
}
