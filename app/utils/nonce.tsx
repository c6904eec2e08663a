import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

/** The per-request Content-Security-Policy nonce (empty in the browser, where it is hidden). */
export function useNonce(): string {
  return useContext(NonceContext);
}
