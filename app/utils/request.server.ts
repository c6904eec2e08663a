import type { AppLoadContext } from "@remix-run/node";

/** What the HTTP server hands every loader and action (see server.js). */
export interface RequestContext {
  cspNonce: string;
  clientIp: string;
}

export function clientIp(context: AppLoadContext | undefined): string {
  return (context as Partial<RequestContext> | undefined)?.clientIp ?? "unknown";
}

export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} · ${system}` : browser;
}

/**
 * A path on this site: one "/" followed by anything but "/" or "\\" (a second slash
 * or a backslash would make a browser read the rest as another host), and no control
 * characters (browsers drop tabs and newlines, so "/\t/evil" would become "//evil").
 */
function isSitePath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return false;
  return path === "/" || /^\/[^/\\]/.test(path);
}

/**
 * Only same-site relative paths: an open redirect would let a link send people
 * elsewhere after a genuine sign-in. The rule is checked on the input and again on
 * the normalised result, since normalising can create a second leading slash
 * ("/.//evil.example" becomes "//evil.example").
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (!to || typeof to !== "string" || !isSitePath(to)) return fallback;
  const base = "http://same-site.invalid";
  const parsed = new URL(to, base);
  if (parsed.origin !== base) return fallback;
  const result = parsed.pathname + parsed.search + parsed.hash;
  return isSitePath(result) ? result : fallback;
}
