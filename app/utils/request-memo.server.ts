import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Work done once per HTTP request. Remix calls the root loader and the page's loaders
 * of one request side by side, each with its own copy of the Request, and each used
 * to look the session up again. server.js runs every GET and HEAD request inside a
 * memo scope, so the second caller gets the first one's promise. Requests that may
 * change state (POST and the like: an action runs before the loaders) get no scope,
 * and neither does code called outside any request (tests, jobs): they compute afresh.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs one request's handling; memoised lookups inside it are shared when `readOnly`. */
export function withRequestMemo<T>(readOnly: boolean, handle: () => T): T {
  return readOnly ? scope.run(new Map(), handle) : handle();
}

/** The value of `compute` for `key`, computed once within the current request's scope. */
export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return compute();
  let known = memo.get(key) as Promise<T> | undefined;
  if (!known) {
    known = compute();
    memo.set(key, known);
    // A failure is not kept: the next caller tries again.
    known.catch(() => memo.delete(key));
  }
  return known;
}
