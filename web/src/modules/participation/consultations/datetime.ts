// A datetime-local input holds a wall-clock time without a zone; the page reads and writes it in the
// viewer's own time zone and speaks UTC ISO instants to the API.

const pad = (value: number) => String(value).padStart(2, '0');

/** The value a datetime-local input shows for an instant, in the viewer's time zone. */
export function toLocalInputValue(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** The UTC ISO instant of a datetime-local value read in the viewer's time zone; undefined if empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  // A date-time string without an offset is local time in ECMAScript, which is what the input means.
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The viewer's IANA time zone, named beside date inputs so nobody guesses which zone they are in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
