import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime, formattingLocale } from '../../lib/dates.tsx';
import { Badge } from '../../ui/index.ts';
import { usePocCodes } from './codes.ts';
import { groupFingerprint, isWithinHours, localClock } from './format.ts';
import { contactPath } from './paths.ts';
import { useCountries, useLanguageNames } from './reference.ts';
import type { ContactSummary, Freshness, OpenPgpSummary, WorkingHours } from './types.ts';

const FRESHNESS_TONES = { fresh: 'success', expiring: 'info', stale: 'warning' } as const;

/** Fresh, expiring or stale, in words; stale is in the warning colour but never colour alone. */
/** Shown to the organization when the entry's holder is no longer a member: nothing reaches it any more. */
export function HolderLeftBadge({ isHolderCurrent }: { isHolderCurrent: boolean }) {
  const { t } = useTranslation();
  if (isHolderCurrent) return null;
  return (
    <Badge tone="danger">
      <span aria-hidden="true">⚠ </span>
      {t('contacts.holderLeft')}
    </Badge>
  );
}

export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const { t } = useTranslation();
  return (
    <Badge tone={FRESHNESS_TONES[freshness]}>
      {freshness === 'stale' && <span aria-hidden="true">⚠ </span>}
      {t(`contacts.freshness.${freshness}`)}
    </Badge>
  );
}

/** A fingerprint in groups of four, always left to right. */
export function Fingerprint({ value }: { value: string }) {
  return (
    <code className="cg-poc-fingerprint" dir="ltr" translate="no">
      {groupFingerprint(value)}
    </code>
  );
}

/** The key's fingerprint and expiry, with a warning once it has expired. */
export function KeySummary({ openpgp }: { openpgp: OpenPgpSummary | null }) {
  const { t } = useTranslation();
  if (!openpgp) return <span className="cg-muted">{t('contacts.card.noKey')}</span>;
  return (
    <div className="cg-stack-tight">
      <Fingerprint value={openpgp.fingerprint} />
      {openpgp.isExpired ? (
        <span className="cg-poc-warning">
          <span aria-hidden="true">⚠ </span>
          {t('contacts.card.keyExpired')} <DateTime value={openpgp.expiresAt} isDateOnly />
        </span>
      ) : openpgp.expiresAt ? (
        <span className="cg-small cg-muted">
          {t('contacts.card.keyExpires')} <DateTime value={openpgp.expiresAt} isDateOnly />
        </span>
      ) : (
        <span className="cg-small cg-muted">{t('contacts.card.keyNoExpiry')}</span>
      )}
    </div>
  );
}

/** Local time now in the contact's zone, and whether that is within its working hours. */
export function LocalTime({
  timeZone,
  workingHours,
  now,
}: {
  timeZone: string;
  workingHours: WorkingHours | null;
  now: Date;
}) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const clock = localClock(now, timeZone);
  let time: string;
  try {
    time = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(now);
  } catch {
    time = '';
  }
  const hours = workingHours ? <WorkingHoursText hours={workingHours} /> : null;
  return (
    <div className="cg-stack-tight">
      <span>
        {time}{' '}
        <span className="cg-small cg-muted" dir="ltr">
          ({timeZone})
        </span>
      </span>
      {workingHours && clock ? (
        isWithinHours(workingHours, clock.weekday, clock.minutes) ? (
          <span className="cg-poc-hours-open">{t('contacts.card.withinHours')}</span>
        ) : (
          <span className="cg-poc-hours-closed">{t('contacts.card.outsideHours')}</span>
        )
      ) : !workingHours ? (
        <span className="cg-small cg-muted">{t('contacts.card.noHours')}</span>
      ) : null}
      {hours && <span className="cg-small cg-muted">{hours}</span>}
    </div>
  );
}

/** Working days and hours in words: "Mon, Tue, Wed · 09:00–17:00". */
export function WorkingHoursText({ hours }: { hours: WorkingHours }) {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const weekdays = useWeekdayNames(locale, 'short');
  const days = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(
    hours.days.map((day) => weekdays[day - 1] ?? String(day)),
  );
  return (
    <>
      {days} ·{' '}
      <span dir="ltr">
        {hours.start}–{hours.end}
      </span>
    </>
  );
}

/** Weekday names Monday first (ISO order), in the given locale. */
export function useWeekdayNames(locale: string, width: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => format.format(new Date(Date.UTC(2024, 0, 1 + offset))));
}

type Row = { label: string; value: ReactNode };

/** The details every view of an entry shows: channels, languages, time, key, services, confirmation. */
export function ContactFacts({ contact, now }: { contact: ContactSummary; now: Date }) {
  const { t } = useTranslation();
  const languageName = useLanguageNames();
  const { serviceLabel } = usePocCodes();
  const { channels } = contact;
  const rows: Row[] = [
    {
      label: t('contacts.card.email'),
      value: (
        <a href={`mailto:${channels.email}`} dir="ltr">
          {channels.email}
        </a>
      ),
    },
  ];
  if (channels.phone) {
    rows.push({ label: t('contacts.card.phone'), value: <TelLink number={channels.phone} /> });
  }
  if (channels.hotline) {
    rows.push({ label: t('contacts.card.hotline'), value: <TelLink number={channels.hotline} /> });
  }
  if (channels.messenger) {
    rows.push({ label: t('contacts.card.messenger'), value: <bdi>{channels.messenger}</bdi> });
  }
  rows.push(
    {
      label: t('contacts.card.languages'),
      value: (
        <ul className="cg-poc-inline-list">
          {contact.languages.map((tag) => (
            <li key={tag}>
              {languageName(tag)}{' '}
              <span className="cg-small cg-muted" dir="ltr">
                ({tag})
              </span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      label: t('contacts.card.localTime'),
      value: <LocalTime timeZone={contact.timeZone} workingHours={contact.workingHours} now={now} />,
    },
    { label: t('contacts.card.openpgp'), value: <KeySummary openpgp={contact.openpgp} /> },
  );
  if (contact.services.length > 0) {
    rows.push({
      label: t('contacts.card.services'),
      value: (
        <ul className="cg-poc-chips">
          {contact.services.map((code) => (
            <li key={code} className="cg-poc-chip">
              {serviceLabel(code)}
            </li>
          ))}
        </ul>
      ),
    });
  }
  rows.push({
    label: t('contacts.card.confirmed'),
    value: (
      <span>
        <DateTime value={contact.confirmedAt} isDateOnly />
        {' · '}
        {t('contacts.card.validUntil')} <DateTime value={contact.validUntil} isDateOnly />
      </span>
    ),
  });
  return (
    <dl className="cg-poc-facts">
      {rows.map((row) => (
        <div key={row.label} className="cg-poc-fact">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TelLink({ number }: { number: string }) {
  const dialable = number.replace(/[^\d+]/g, '');
  return dialable.length >= 3 ? (
    <a href={`tel:${dialable}`} dir="ltr">
      {number}
    </a>
  ) : (
    <bdi>{number}</bdi>
  );
}

/** One entry in the directory: who, for which State or organization, how to reach them and how fresh. */
export function ContactCard({ contact, now }: { contact: ContactSummary; now: Date }) {
  const { roleLabel } = usePocCodes();
  const { countryName } = useCountries();
  const country = countryName(contact.org.countryCode);
  return (
    <article className="cg-card cg-poc-card" aria-labelledby={`poc-${contact.id}`}>
      <div className="cg-poc-card-header">
        <div>
          <h3 id={`poc-${contact.id}`} className="cg-poc-card-title">
            <Link to={contactPath(contact.id)}>
              <bdi>{contact.name}</bdi>
            </Link>
          </h3>
          <p className="cg-poc-card-org">
            <bdi>{contact.org.name}</bdi>
            {country && <span className="cg-muted"> · {country}</span>}
          </p>
        </div>
        <div className="cg-cluster">
          <Badge>{roleLabel(contact.role)}</Badge>
          <FreshnessBadge freshness={contact.freshness} />
          <HolderLeftBadge isHolderCurrent={contact.isHolderCurrent} />
        </div>
      </div>
      <ContactFacts contact={contact} now={now} />
    </article>
  );
}
