import { z } from "zod";

/** "letter:<id>" or "parcel:<id>": how lists name the items a coordinator ticks. */
export const itemRefSchema = z
  .string()
  .regex(/^(letter|parcel):[a-z0-9]{10,40}$/, "tracking.validation.item")
  .transform((value) => {
    const [type, id] = value.split(":") as ["letter" | "parcel", string];
    return { type, id };
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/** The largest scan of a reply a coordinator may attach. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const BULK_INTENTS = ["status", "assign", "export-csv", "export-pdf"] as const;

export const bulkItemsSchema = z
  .object({
    intent: z.enum(BULK_INTENTS),
    items: z.array(itemRefSchema).min(1, "tracking.validation.noItems").max(500, "tracking.validation.tooManyItems"),
    to: optionalText(60),
    routeId: optionalText(40),
    note: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "status" && !value.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "tracking.validation.status" });
    if (value.intent === "assign" && !value.routeId)
      ctx.addIssue({ code: "custom", path: ["routeId"], message: "tracking.validation.route" });
  });

export const statusChangeSchema = z.object({
  to: z.string().trim().min(1, "tracking.validation.status").max(60, "validation.tooLong"),
  note: optionalText(500),
  reference: optionalText(100),
});

export const replySchema = z.object({
  receivedOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date"),
  routeId: optionalText(40),
  text: optionalText(5000),
});

export const postedAnswerSchema = z.object({
  answer: z.enum(["posted", "not_yet", "will_not"], { error: "validation.required" }),
});
export const writerReportSchema = z.object({
  report: z.enum(["wrote_back", "never_heard"], { error: "validation.required" }),
});

export const scheduleSchema = z.object({
  routeId: z.string({ error: "letters.send.chooseRoute" }).min(1, "letters.send.chooseRoute"),
  sendOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date"),
  acknowledge: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
