import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/index.ts';
import { Day, Instant, isolate, useIncidentFormat } from './format.tsx';
import { useIncidentLabels } from './labels.tsx';
import { buildTimeline, type TimelineEntry } from './timeline.ts';
import type { Incident } from './types.ts';

/**
 * The incident's history as an ordered list, oldest first: each item starts with its date, so a screen reader
 * reads "date, event" in order, and the list's length is announced.
 */
export function IncidentTimeline({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const entries = buildTimeline(incident);
  const descriptionId = useId();
  return (
    <Card title={t('incidents.timeline.title')}>
      <p id={descriptionId} className="cg-muted cg-small">
        {t('incidents.timeline.intro')}
      </p>
      {entries.length === 0 ? (
        <p className="cg-muted">{t('incidents.timeline.empty')}</p>
      ) : (
        <ol className="cg-inc-timeline" aria-describedby={descriptionId}>
          {entries.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the order is the timeline's own and stable for a render.
            <li key={index} className={`cg-inc-timeline-item cg-inc-timeline-${entry.kind}`}>
              <span className="cg-inc-timeline-date">
                {entry.isInstant ? <Instant value={entry.date} /> : <Day value={entry.date} />}
              </span>
              <span className="cg-inc-timeline-dot" aria-hidden="true" />
              <span className="cg-inc-timeline-event">
                <TimelineEvent entry={entry} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function TimelineEvent({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { formatCount } = useIncidentFormat();
  switch (entry.kind) {
    case 'start':
      return <>{t('incidents.timeline.start')}</>;
    case 'end':
      return <>{t('incidents.timeline.end')}</>;
    case 'publication':
      return <>{t('incidents.timeline.publication')}</>;
    case 'attribution':
      return (
        <>
          <a href={`#attribution-${entry.attributionId}`}>
            {t('incidents.timeline.attribution', {
              attributor: isolate(entry.attributorName),
              actor: isolate(entry.actorName),
              basis: labels.basis(entry.basis),
            })}
          </a>
          {entry.daysAfterStart !== null && (
            <span className="cg-muted cg-small">
              {' '}
              {t('incidents.timeline.daysAfterStart', { days: formatCount(entry.daysAfterStart) })}
            </span>
          )}
        </>
      );
    case 'response':
      return (
        <>
          {t('incidents.timeline.response', {
            kind: labels.responseKind(entry.responseKind),
            by: isolate(entry.by),
          })}
        </>
      );
    case 'correction':
      return (
        <>
          {entry.correctionKind === 'withdrawal'
            ? t('incidents.timeline.withdrawal')
            : t('incidents.timeline.correction')}
          <span className="cg-inc-timeline-note">
            <bdi>{entry.note}</bdi>
          </span>
        </>
      );
  }
}
