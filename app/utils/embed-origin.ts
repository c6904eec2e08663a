/** An origin admins may allow to frame the embed: https://host[:port], or https://*.host (CSP source syntax). */
export const EMBED_ORIGIN_PATTERN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/;
