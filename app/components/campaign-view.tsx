import { Link } from "@remix-run/react";
import { useT } from "#app/i18n/react.tsx";

interface ProgressLike {
  goal: number;
  progress: number;
  percent: number;
}

/** A campaign's progress bar with the figures in words; works without JavaScript. */
export function CampaignProgressBar({ progress }: { progress: ProgressLike }) {
  const t = useT();
  return (
    <div className="need-progress">
      <progress
        max={Math.max(progress.goal, 1)}
        value={Math.min(progress.progress, progress.goal)}
        aria-label={t("campaigns.progress.label")}
      >
        {progress.percent}%
      </progress>
      <p className="field-hint" data-testid="campaign-progress">
        {t("campaigns.progress.text", { progress: progress.progress, goal: progress.goal, percent: progress.percent })}
      </p>
    </div>
  );
}

export interface CampaignSummaryView extends ProgressLike {
  slug: string;
  title: string;
  why: string;
  language: string;
  endsOn: string;
  people: number;
}

/** Active campaigns as the home page and /write show them. */
export function ActiveCampaigns({ campaigns, inline }: { campaigns: CampaignSummaryView[]; inline?: boolean }) {
  const t = useT();
  if (campaigns.length === 0) return null;
  const Wrapper = inline ? "div" : "section";
  return (
    <Wrapper className={inline ? "active-campaigns" : "panel"} data-testid="active-campaigns">
      <h2>{t("campaigns.active.title")}</h2>
      <ul className="plain-list">
        {campaigns.map((c) => (
          <li key={c.slug}>
            <h3>
              <Link to={`/campaigns/${c.slug}`} lang={c.language}>
                {c.title}
              </Link>
            </h3>
            <p className="muted">{t("campaigns.active.until", { date: c.endsOn, people: c.people })}</p>
            <CampaignProgressBar progress={c} />
          </li>
        ))}
      </ul>
    </Wrapper>
  );
}
