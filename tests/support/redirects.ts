/**
 * Tricky inputs from the attack run (issue 11, item 15) and their relatives. Every
 * route that redirects to a requested place (tests/integration/redirects.test.ts and the unit test of safeRedirect)
 * goes through safeRedirect, so this one table is the rule.
 */
export const TRICKY_REDIRECTS = [
  "/.//evil.example/phish",
  "/..//evil.example/phish",
  "/./..//evil.example",
  "/x/../..//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/.\\/evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/.%2F/evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "https://evil.example",
  "https:evil.example",
  "http:/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "evil.example",
];
