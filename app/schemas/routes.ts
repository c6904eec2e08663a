import { z } from "zod";
import { checkbox, WRITING_LANGUAGE_CODES } from "./prisoners.ts";

export const HANDOVER_METHODS = ["email", "batch_export", "print_pdf", "bank"] as const;
export const ROUTE_ITEM_KINDS = ["letter", "postcard", "parcel"] as const;

export const routeEditSchema = z
  .object({
    name: z.string().trim().min(2, "validation.required").max(200, "validation.tooLong"),
    description: z.string().trim().min(1, "validation.required").max(2000, "validation.tooLong"),
    countries: z.array(z.enum(["BY", "RU"])).min(1, "routes.validation.countries"),
    itemKinds: z.array(z.enum(ROUTE_ITEM_KINDS)).min(1, "routes.validation.itemKinds"),
    languages: z.array(z.enum(WRITING_LANGUAGE_CODES)).min(1, "validation.languages"),
    translates: checkbox,
    handover: z.enum(HANDOVER_METHODS, { error: "validation.required" }),
    handoverEmail: z
      .string()
      .trim()
      .max(254, "validation.email")
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.email({ error: "validation.email" }).nullable()),
    repliesReturn: checkbox,
    active: checkbox,
    position: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "validation.wholeNumber")
      .transform(Number),
  })
  .superRefine((value, ctx) => {
    if (value.handover === "email" && !value.handoverEmail) {
      ctx.addIssue({ code: "custom", path: ["handoverEmail"], message: "routes.validation.handoverEmail" });
    }
  });

export type RouteEditInput = z.infer<typeof routeEditSchema>;
