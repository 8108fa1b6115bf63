// Calendar days as the admin forms and URLs carry them (`YYYY-MM-DD`, from <input type="date">).
// Plain TypeScript without dependencies: the server code behind the pages imports it too.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** True when `text` is `YYYY-MM-DD` and names a real day: 2028-02-29 is one, 2026-02-29 and 2026-02-31 are not. */
export function isDay(text: string | null | undefined): text is string {
  if (!text || !DAY.test(text)) return false;
  // Date.parse rolls impossible days over (or refuses them); only a real day survives the round trip.
  const noon = new Date(`${text}T12:00:00Z`);
  return !Number.isNaN(noon.getTime()) && noon.toISOString().slice(0, 10) === text;
}

/**
 * The instant a calendar day starts in Türkiye (UTC+3 all year since 2016), moved by `plusDays`
 * whole days (1: the exclusive end of that day), or null when `day` is not a real day.
 */
export function startOfDayInTurkey(day: string | null | undefined, plusDays = 0): Date | null {
  if (!isDay(day)) return null;
  return new Date(new Date(`${day}T00:00:00+03:00`).getTime() + plusDays * DAY_MS);
}

/** The last millisecond of a calendar day in Türkiye, or null when `day` is not a real day. */
export function endOfDayInTurkey(day: string | null | undefined): Date | null {
  const next = startOfDayInTurkey(day, 1);
  return next && new Date(next.getTime() - 1);
}
