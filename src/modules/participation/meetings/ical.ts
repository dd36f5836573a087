import ical, { ICalEventStatus } from 'ical-generator';
import type { MeetingsTable } from '../participation.tables.ts';

/** An iCalendar feed (RFC 5545) of meetings; times are UTC, so every client shows its own zone. */
export function meetingsCalendar(
  name: string,
  meetings: readonly (MeetingsTable & { agenda: string[] })[],
  publicUrl: string,
): string {
  const host = new URL(publicUrl).host;
  const calendar = ical({
    name,
    prodId: { company: 'Common Ground', product: 'participation', language: 'EN' },
  });
  for (const meeting of meetings) {
    calendar.createEvent({
      id: `${meeting.id}@${host}`,
      start: new Date(meeting.starts_at),
      end: new Date(meeting.ends_at),
      stamp: new Date(meeting.updated_at),
      summary: meeting.title,
      location: meeting.location,
      description: [meeting.description, ...meeting.agenda.map((title, i) => `${i + 1}. ${title}`)]
        .filter(Boolean)
        .join('\n'),
      url: `${publicUrl}/participation/meetings/${meeting.id}`,
      status: meeting.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
