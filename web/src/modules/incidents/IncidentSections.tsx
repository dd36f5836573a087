import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Card, Table } from '../../ui/index.ts';
import { HARM_NAMES, type HarmName, normLabelOf } from './codes.ts';
import { Day, IncidentTlp, Instant, useIncidentFormat } from './format.tsx';
import { useIncidentLabels } from './labels.tsx';
import { SourceList } from './SourceList.tsx';
import type { Incident } from './types.ts';

// The parts of the incident page that only show the record. Each is a titled region with an h2.

/** Text kept as written: paragraphs and line breaks, in the direction of its own script. */
export function PlainText({ text }: { text: string }) {
  return (
    <div className="cg-inc-text" dir="auto">
      {text.split(/\n{2,}/).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text.
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function SummaryCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { formatCount } = useIncidentFormat();
  const notKnown = t('incidents.page.notKnown');
  return (
    <Card title={t('incidents.page.summaryTitle')}>
      <div className="cg-stack">
        {incident.description.trim() ? (
          <PlainText text={incident.description} />
        ) : (
          <p className="cg-muted">{t('incidents.page.noDescription')}</p>
        )}
        <dl className="cg-details-list">
          <Fact label={t('incidents.fields.organization')}>
            <bdi>{incident.organization.name}</bdi>
          </Fact>
          <Fact label={t('incidents.fields.startedOn')}>
            <Day value={incident.startedOn} emptyText={notKnown} />
          </Fact>
          <Fact label={t('incidents.fields.endedOn')}>
            <Day value={incident.endedOn} emptyText={notKnown} />
          </Fact>
          <Fact label={t('incidents.fields.status')}>{labels.status(incident.status)}</Fact>
          <Fact label={t('incidents.fields.tlp')}>
            <span className="cg-cluster">
              <IncidentTlp tlp={incident.tlp} />
              <span>{labels.tlpMeaning(incident.tlp)}</span>
            </span>
          </Fact>
          <Fact label={t('incidents.fields.visibility')}>
            {labels.visibility(incident.visibility)}
            <span className="cg-muted cg-small cg-inc-block">
              {labels.visibilityHelp(incident.visibility)}
            </span>
          </Fact>
          {incident.permissions.canEdit &&
            (incident.participantOrgIds.length > 0 || incident.participantUserIds.length > 0) && (
              <Fact label={t('incidents.fields.participants')}>
                <ul className="cg-inc-plain-list cg-mono">
                  {[...incident.participantOrgIds, ...incident.participantUserIds].map((id) => (
                    <li key={id}>{id}</li>
                  ))}
                </ul>
              </Fact>
            )}
          <Fact label={t('incidents.fields.editorialState')}>
            {labels.editorialState(incident.editorialState)}
          </Fact>
          {incident.publishedAt && (
            <Fact label={t('incidents.fields.publishedAt')}>
              <Instant value={incident.publishedAt} />
            </Fact>
          )}
          <Fact label={t('incidents.fields.updatedAt')}>
            <Instant value={incident.updatedAt} />
          </Fact>
          <Fact label={t('incidents.fields.version')}>{formatCount(incident.version)}</Fact>
        </dl>
      </div>
    </Card>
  );
}

/** What was hit: types, countries and their regions, sectors with sub-sectors, and the victims. */
export function TargetsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const none = <span className="cg-muted">{t('incidents.page.noneRecorded')}</span>;
  return (
    <Card title={t('incidents.page.targetsTitle')}>
      <div className="cg-stack">
        <dl className="cg-details-list">
          <Fact label={t('incidents.fields.types')}>
            {incident.types.length === 0 ? (
              none
            ) : (
              <span className="cg-cluster cg-inc-tags">
                {incident.types.map((type) => (
                  <Badge key={type}>{labels.type(type)}</Badge>
                ))}
              </span>
            )}
          </Fact>
          <Fact label={t('incidents.fields.countries')}>
            {incident.countries.length === 0 ? none : labels.list(incident.countries.map(labels.country))}
          </Fact>
          <Fact label={t('incidents.fields.regions')}>
            {incident.regions.length === 0 ? none : labels.list(incident.regions.map(labels.region))}
          </Fact>
          <Fact label={t('incidents.fields.sectors')}>
            {incident.sectors.length === 0 ? (
              none
            ) : (
              <ul className="cg-inc-plain-list">
                {incident.sectors.map((target, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a sector may repeat with other sub-sectors.
                  <li key={index}>
                    {labels.sector(target.sector)}
                    {target.subSector && (
                      <span className="cg-muted"> · {labels.subSector(target.subSector)}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        </dl>
        <h3>{t('incidents.page.victimsTitle')}</h3>
        {incident.victims.length === 0 ? (
          <p className="cg-muted">{t('incidents.page.noVictims')}</p>
        ) : (
          <ul className="cg-inc-victims">
            {incident.victims.map((victim, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: victims have no id; the list is shown as stored.
              <li key={index}>
                <span className="cg-inc-victim-name">
                  {victim.isAnonymised || !victim.name ? (
                    t('incidents.page.anonymisedVictim', { kind: labels.victimKind(victim.kind) })
                  ) : (
                    <bdi>{victim.name}</bdi>
                  )}
                </span>
                <span className="cg-muted cg-small">
                  {[
                    victim.isAnonymised || !victim.name ? null : labels.victimKind(victim.kind),
                    victim.country ? labels.country(victim.country) : null,
                    victim.sector ? labels.sector(victim.sector) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

const HARM_UNIT_KEYS: Record<HarmName, 'services' | 'patients' | 'people' | 'essentialServices'> = {
  hospitalServicesDisrupted: 'services',
  patientsRedirected: 'patients',
  peopleDataLeaked: 'people',
  essentialServicesLost: 'essentialServices',
};

/** Impacts on systems and harm to people, with figures in their units; an unknown figure says so, never 0. */
export function ImpactsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { formatCount, formatHours, formatUsd } = useIncidentFormat();
  const { impacts, harm } = incident;
  const notKnown = <span className="cg-muted">{t('incidents.page.notKnown')}</span>;
  const affected = (isAffected: boolean, detail?: ReactNode) =>
    isAffected ? (
      <>
        <span className="cg-inc-affected">{t('incidents.page.affected')}</span>
        {detail && <span className="cg-inc-block">{detail}</span>}
      </>
    ) : (
      <span className="cg-muted">{t('incidents.page.notAffected')}</span>
    );
  const figureOr = (value: number | null, render: (value: number) => string) =>
    value === null ? notKnown : render(value);
  return (
    <Card title={t('incidents.page.impactsTitle')}>
      <div className="cg-stack">
        <p className="cg-muted cg-small">{t('incidents.page.impactsIntro')}</p>
        <dl className="cg-details-list">
          <Fact label={labels.impact('availability')}>
            {affected(
              impacts.availability.affected,
              <>
                {t('incidents.page.duration')}{' '}
                {figureOr(impacts.availability.durationHours, (hours) =>
                  t('incidents.units.hours', { count: formatHours(hours) }),
                )}
              </>,
            )}
          </Fact>
          <Fact label={labels.impact('confidentiality')}>
            {affected(
              impacts.confidentiality.affected,
              <>
                {t('incidents.page.recordsExposed')}{' '}
                {figureOr(impacts.confidentiality.recordsExposed, formatCount)}
              </>,
            )}
          </Fact>
          <Fact label={labels.impact('integrity')}>{affected(impacts.integrity.affected)}</Fact>
          <Fact label={labels.impact('physical')}>
            {affected(
              impacts.physical.affected,
              impacts.physical.description ? <span dir="auto">{impacts.physical.description}</span> : null,
            )}
          </Fact>
          <Fact label={labels.impact('economic')}>
            {affected(
              impacts.economic.affected,
              <>
                {t('incidents.page.loss')} {figureOr(impacts.economic.lossUsd, formatUsd)}
              </>,
            )}
          </Fact>
        </dl>
        <h3>{t('incidents.page.harmTitle')}</h3>
        <p className="cg-muted cg-small">{t('incidents.page.harmIntro')}</p>
        <dl className="cg-details-list">
          {HARM_NAMES.map((name) => (
            <Fact key={name} label={labels.harm(name)}>
              {figureOr(harm[name], (value) =>
                t(`incidents.units.${HARM_UNIT_KEYS[name]}`, { count: formatCount(value) }),
              )}
            </Fact>
          ))}
        </dl>
        {harm.notes && <PlainText text={harm.notes} />}
      </div>
    </Card>
  );
}

export function ResponsesCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <Card title={t('incidents.page.responsesTitle')}>
      {incident.responses.length === 0 ? (
        <p className="cg-muted">{t('incidents.page.noResponses')}</p>
      ) : (
        <ul className="cg-inc-entries">
          {incident.responses.map((response, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: responses have no id; the list is shown as stored.
            <li key={index} className="cg-inc-entry">
              <h3 className="cg-inc-entry-title">
                {labels.responseKind(response.kind)}
                <span className="cg-muted"> · </span>
                <bdi>{response.by}</bdi>
                {response.byCountry && (
                  <span className="cg-muted"> ({labels.country(response.byCountry)})</span>
                )}
              </h3>
              <p className="cg-small cg-muted">
                <Day value={response.respondedOn} emptyText={t('incidents.page.dateNotKnown')} />
              </p>
              {response.description && <PlainText text={response.description} />}
              {response.sources.length > 0 && (
                <>
                  <h4 className="cg-inc-subheading">{t('incidents.page.sourcesTitle')}</h4>
                  <SourceList sources={response.sources} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Norms the incident may have breached: our short title, the exact citation, and the recorder's rationale. */
export function NormsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <Card title={t('incidents.page.normsTitle')} description={t('incidents.page.normsIntro')}>
      {incident.norms.length === 0 ? (
        <p className="cg-muted">{t('incidents.page.noNorms')}</p>
      ) : (
        <ul className="cg-inc-entries">
          {incident.norms.map((norm) => (
            <li key={norm.code} className="cg-inc-entry">
              <h3 className="cg-inc-entry-title">
                <span className="cg-inc-norm-code" dir="ltr">
                  {normLabelOf(norm.code)}
                </span>{' '}
                {labels.normTitle(norm.code)}
              </h3>
              <p className="cg-small cg-muted">
                <cite dir="ltr" lang="en">
                  {norm.citation}
                </cite>
              </p>
              <PlainText text={norm.rationale} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function LawCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <Card title={t('incidents.page.lawTitle')}>
      {incident.lawQuestions.length === 0 ? (
        <p className="cg-muted">{t('incidents.page.noLaw')}</p>
      ) : (
        <ul className="cg-inc-entries">
          {incident.lawQuestions.map((question) => (
            <li key={question.topic} className="cg-inc-entry">
              <h3 className="cg-inc-entry-title">{labels.lawTopic(question.topic)}</h3>
              {question.note && <PlainText text={question.note} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function SourcesCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  return (
    <Card title={t('incidents.page.sourcesTitle')}>
      <SourceList sources={incident.sources} />
    </Card>
  );
}

/** The public log: every correction after publication and the withdrawal, with its note and the fields changed. */
export function CorrectionsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <Card title={t('incidents.page.correctionsTitle')} description={t('incidents.page.correctionsIntro')}>
      {incident.corrections.length === 0 ? (
        <p className="cg-muted">{t('incidents.page.noCorrections')}</p>
      ) : (
        <Table
          caption={t('incidents.page.correctionsTitle')}
          isCaptionHidden
          columns={[
            t('incidents.page.correctionDate'),
            t('incidents.page.correctionKind'),
            t('incidents.page.correctionNote'),
            t('incidents.page.correctionFields'),
          ]}
        >
          {incident.corrections.map((correction, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only and shown in its order.
            <tr key={index}>
              <td>
                <Instant value={correction.madeAt} />
              </td>
              <td>{labels.correctionKind(correction.kind)}</td>
              <td>
                <bdi>{correction.note}</bdi>
              </td>
              <td>
                {correction.fields.length === 0
                  ? '—'
                  : labels.list(correction.fields.map((field) => labels.fieldName(field)))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
