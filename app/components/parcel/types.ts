import type { useActionData, useLoaderData } from "@remix-run/react";
import type { action, loader } from "#app/routes/parcels.$id.tsx";

/** The parcel page's data as the components receive it (from getParcelPage, through the loader). */
export type ParcelPageData = ReturnType<typeof useLoaderData<typeof loader>>;
export type ParcelActionData = ReturnType<typeof useActionData<typeof action>>;
