import { z } from "zod";
import {
  CAMPAIGN_GOALS,
  CAMPAIGN_HOLIDAYS,
  CAMPAIGN_RULES,
  DEFAULT_NO_LETTER_DAYS,
  GOAL_MAX,
  GOAL_MIN,
  NO_LETTER_DAYS_MAX,
  NO_LETTER_DAYS_MIN,
  SLUG_MAX,
  SLUG_PATTERN,
} from "#app/support/campaign-rules.ts";

/**
 * The campaign form: one zod schema used by react-hook-form in the browser and
 * parsed again by the action (messages are translation keys). Every field arrives as
 * a string (a plain HTML form); the schema turns them into the stored shape.
 */

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");

const day = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date");

const optionalDay = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "validation.date")
  .refine((v) => v === "" || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "validation.date")
  .optional()
  .default("");

const optionalWhole = z
  .string()
  .trim()
  .regex(/^(\d{1,6})?$/, "validation.wholeNumber")
  .optional()
  .default("");

export const campaignSchema = z
  .object({
    slug: z
      .string({ error: "validation.required" })
      .trim()
      .toLowerCase()
      .min(3, "campaigns.validation.slug")
      .max(SLUG_MAX, "validation.tooLong")
      .regex(SLUG_PATTERN, "campaigns.validation.slug"),
    titleEn: text(120),
    titleRu: text(120),
    titleBe: text(120),
    whyEn: text(2000),
    whyRu: text(2000),
    whyBe: text(2000),
    rule: z.enum(CAMPAIGN_RULES, { error: "validation.required" }),
    ruleMonth: optionalWhole,
    ruleHoliday: z
      .union([z.enum(CAMPAIGN_HOLIDAYS), z.literal("")])
      .optional()
      .default(""),
    ruleFrom: optionalDay,
    ruleTo: optionalDay,
    ruleFacilityId: text(64),
    ruleDays: optionalWhole,
    country: z.enum(["", "BY", "RU"]).optional().default(""),
    startsOn: day,
    endsOn: day,
    goalKind: z.enum(CAMPAIGN_GOALS, { error: "validation.required" }),
    goalCount: z
      .string({ error: "validation.required" })
      .trim()
      .regex(/^\d{1,6}$/, "validation.wholeNumber")
      .transform(Number)
      .refine((n) => n >= GOAL_MIN && n <= GOAL_MAX, "campaigns.validation.goal"),
    // A checkbox: "on" when ticked, absent otherwise.
    shareable: z
      .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
    fundraiserUrl: text(500),
  })
  .superRefine((c, ctx) => {
    if (!c.titleEn && !c.titleRu && !c.titleBe) {
      ctx.addIssue({ code: "custom", path: ["titleEn"], message: "campaigns.validation.title" });
    }
    for (const [title, why] of [
      ["titleEn", "whyEn"],
      ["titleRu", "whyRu"],
      ["titleBe", "whyBe"],
    ] as const) {
      if (!c[title] && c[why])
        ctx.addIssue({ code: "custom", path: [title], message: "campaigns.validation.whyTitle" });
    }
    if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "campaigns.validation.ends" });
    }
    if (c.rule === "birthdays_in_month") {
      const month = Number(c.ruleMonth);
      if (!c.ruleMonth || month < 1 || month > 12) {
        ctx.addIssue({ code: "custom", path: ["ruleMonth"], message: "campaigns.validation.month" });
      }
    }
    if (c.rule === "holiday" && !c.ruleHoliday) {
      ctx.addIssue({ code: "custom", path: ["ruleHoliday"], message: "validation.required" });
    }
    if (c.rule === "welcome_home") {
      if (!c.ruleFrom) ctx.addIssue({ code: "custom", path: ["ruleFrom"], message: "validation.required" });
      if (!c.ruleTo) ctx.addIssue({ code: "custom", path: ["ruleTo"], message: "validation.required" });
      if (c.ruleFrom && c.ruleTo && c.ruleTo < c.ruleFrom) {
        ctx.addIssue({ code: "custom", path: ["ruleTo"], message: "campaigns.validation.ends" });
      }
    }
    if (c.rule === "facility" && !c.ruleFacilityId) {
      ctx.addIssue({ code: "custom", path: ["ruleFacilityId"], message: "validation.required" });
    }
    if (c.rule === "no_letter_in_days" && c.ruleDays) {
      const days = Number(c.ruleDays);
      if (days < NO_LETTER_DAYS_MIN || days > NO_LETTER_DAYS_MAX) {
        ctx.addIssue({ code: "custom", path: ["ruleDays"], message: "campaigns.validation.days" });
      }
    }
    if (c.fundraiserUrl && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(c.fundraiserUrl)) {
      ctx.addIssue({ code: "custom", path: ["fundraiserUrl"], message: "support.validation.fundraiserUrl" });
    }
  });

export type CampaignFormInput = z.input<typeof campaignSchema>;
export type CampaignFormData = z.infer<typeof campaignSchema>;

/** What the model stores: only the parameters the rule uses, typed. */
export interface CampaignInput {
  slug: string;
  titleEn: string | null;
  titleRu: string | null;
  titleBe: string | null;
  whyEn: string | null;
  whyRu: string | null;
  whyBe: string | null;
  rule: (typeof CAMPAIGN_RULES)[number];
  ruleMonth: number | null;
  ruleHoliday: string | null;
  ruleFrom: string | null;
  ruleTo: string | null;
  ruleFacilityId: string | null;
  ruleDays: number | null;
  country: "BY" | "RU" | null;
  startsOn: string;
  endsOn: string;
  goalKind: (typeof CAMPAIGN_GOALS)[number];
  goalCount: number;
  shareable: boolean;
  fundraiserUrl: string | null;
}

/** The parsed form as the model takes it: parameters of other rules are dropped. */
export function campaignInputFrom(data: CampaignFormData): CampaignInput {
  const orNull = (v: string) => (v === "" ? null : v);
  return {
    slug: data.slug,
    titleEn: orNull(data.titleEn),
    titleRu: orNull(data.titleRu),
    titleBe: orNull(data.titleBe),
    whyEn: orNull(data.whyEn),
    whyRu: orNull(data.whyRu),
    whyBe: orNull(data.whyBe),
    rule: data.rule,
    ruleMonth: data.rule === "birthdays_in_month" ? Number(data.ruleMonth) : null,
    ruleHoliday: data.rule === "holiday" ? data.ruleHoliday : null,
    ruleFrom: data.rule === "welcome_home" ? data.ruleFrom : null,
    ruleTo: data.rule === "welcome_home" ? data.ruleTo : null,
    ruleFacilityId: data.rule === "facility" ? data.ruleFacilityId : null,
    ruleDays: data.rule === "no_letter_in_days" ? Number(data.ruleDays || DEFAULT_NO_LETTER_DAYS) : null,
    country: data.country === "" ? null : data.country,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    goalKind: data.goalKind,
    goalCount: data.goalCount,
    shareable: data.shareable,
    fundraiserUrl: orNull(data.fundraiserUrl),
  };
}

/**
 * What was typed, back into the form after the server refused it (a page rendered
 * without JavaScript): an unticked box is absent from the form data, so it is false.
 */
export function formValuesBack(values: Record<string, string> | undefined): Partial<CampaignFormInput> {
  if (!values) return {};
  return { ...values, shareable: values.shareable === "on" } as Partial<CampaignFormInput>;
}
