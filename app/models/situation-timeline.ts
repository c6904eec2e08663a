import type { PrisonerStatusName, ReleaseKindName } from "#app/schemas/prisoners.ts";

/**
 * A person's situation as one timeline, oldest first: arrest, verdict, each place of
 * detention, each recorded change of situation, release (with its kind) and death.
 * Pure: the prisoner page and the tests use it. Dates are yyyy-mm-dd; an event
 * without a known day sorts by when it was recorded.
 */
export type TimelineEvent =
  | { kind: "arrest"; on: string }
  | { kind: "verdict"; on: string }
  | { kind: "facility"; on: string; until: string | null; facility: string; first: boolean }
  | { kind: "situation"; on: string; status: PrisonerStatusName; note: string | null }
  | { kind: "release"; on: string | null; releaseKind: ReleaseKindName | null; note: string | null; sortOn: string }
  | { kind: "death"; on: string | null; note: string | null; sortOn: string };

export interface TimelineInput {
  detainedOn: string | null;
  verdictOn: string | null;
  releasedOn: string | null;
  releaseKind: ReleaseKindName | null;
  diedOn: string | null;
  status: PrisonerStatusName;
  stays: { from: string; to: string | null; facility: string }[];
  changes: {
    status: PrisonerStatusName;
    occurredOn: string | null;
    recordedOn: string;
    releaseKind: ReleaseKindName | null;
    note: string | null;
  }[];
}

const ORDER: Record<TimelineEvent["kind"], number> = {
  arrest: 0,
  verdict: 1,
  facility: 2,
  situation: 3,
  release: 4,
  death: 5,
};

function sortKey(event: TimelineEvent): string {
  return event.kind === "release" || event.kind === "death" ? event.sortOn : event.on;
}

export function situationTimeline(input: TimelineInput): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (input.detainedOn) events.push({ kind: "arrest", on: input.detainedOn });
  if (input.verdictOn) events.push({ kind: "verdict", on: input.verdictOn });
  const stays = [...input.stays].sort((a, b) => a.from.localeCompare(b.from));
  stays.forEach((s, i) =>
    events.push({ kind: "facility", on: s.from, until: s.to, facility: s.facility, first: i === 0 }),
  );
  for (const c of input.changes) {
    const on = c.occurredOn ?? c.recordedOn;
    if (c.status === "released")
      events.push({ kind: "release", on: c.occurredOn, releaseKind: c.releaseKind, note: c.note, sortOn: on });
    else if (c.status === "deceased") events.push({ kind: "death", on: c.occurredOn, note: c.note, sortOn: on });
    else events.push({ kind: "situation", on, status: c.status, note: c.note });
  }
  // A release or death known only from the person's record (an older import): shown all the same.
  if (input.status === "released" && !events.some((e) => e.kind === "release") && input.releasedOn) {
    events.push({
      kind: "release",
      on: input.releasedOn,
      releaseKind: input.releaseKind,
      note: null,
      sortOn: input.releasedOn,
    });
  }
  if (input.status === "deceased" && !events.some((e) => e.kind === "death") && input.diedOn) {
    events.push({ kind: "death", on: input.diedOn, note: null, sortOn: input.diedOn });
  }
  return events.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || ORDER[a.kind] - ORDER[b.kind]);
}
