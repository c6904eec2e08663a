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

/** Only same-site relative paths: an open redirect would let a link send people elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (!to || typeof to !== "string") return fallback;
  // Browsers drop tabs and newlines from a Location header ("/\t/evil" becomes "//evil").
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://same-site.invalid";
  const parsed = new URL(to, base);
  if (parsed.origin !== base) return fallback;
  return parsed.pathname + parsed.search + parsed.hash;
}
