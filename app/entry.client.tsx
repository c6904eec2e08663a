import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
    {
      // A hydration mismatch (server and browser rendering different text) is a defect:
      // report it on the console, where the browser tests fail on it.
      onRecoverableError(error) {
        console.error("Recoverable error (hydration mismatch?):", error);
      },
    },
  );
});
