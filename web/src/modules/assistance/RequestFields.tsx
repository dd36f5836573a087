import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../lib/dates.tsx';
import { useLanguageNames } from '../../lib/localized.ts';
import { useCodeLabels } from './codes.ts';
import type { AssistanceRequest } from './types.ts';

export type StructuredFields = Pick<
  AssistanceRequest,
  | 'type'
  | 'detectedAt'
  | 'incidentStatus'
  | 'sector'
  | 'impactLevel'
  | 'isCrossBorder'
  | 'assistanceRequested'
  | 'assistanceDetails'
  | 'actionsTaken'
  | 'urgency'
  | 'responseLanguage'
>;

/** Text the sender typed, kept in its own direction and line breaks. */
export function PlainText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text.trim()) return <span className="cg-muted">{t('assistance.notGiven')}</span>;
  return (
    <div className="cg-rfa-text" dir="auto">
      {text}
    </div>
  );
}

/** The template's structured fields, labelled in the reader's language whatever language the sender used. */
export function RequestFields({ request, lead }: { request: StructuredFields; lead?: ReactNode }) {
  const { t } = useTranslation();
  const { label, description } = useCodeLabels();
  const languageName = useLanguageNames();
  return (
    <dl className="cg-details-list cg-rfa-fields">
      {lead}
      <dt>{t('assistance.fields.type')}</dt>
      <dd>{label('messageTypes', request.type)}</dd>
      <dt>{t('assistance.fields.detectedAt')}</dt>
      <dd>
        <DateTime value={request.detectedAt} emptyText={t('assistance.notGiven')} />
      </dd>
      <dt>{t('assistance.fields.incidentStatus')}</dt>
      <dd>{label('incidentStatuses', request.incidentStatus)}</dd>
      <dt>{t('assistance.fields.sector')}</dt>
      <dd>{label('sectors', request.sector)}</dd>
      <dt>{t('assistance.fields.impactLevel')}</dt>
      <dd>
        <strong>{label('impactLevels', request.impactLevel)}</strong>
        <span className="cg-rfa-field-note">{description('impactLevels', request.impactLevel)}</span>
      </dd>
      <dt>{t('assistance.fields.crossBorder')}</dt>
      <dd>{request.isCrossBorder ? t('assistance.yes') : t('assistance.no')}</dd>
      <dt>{t('assistance.fields.urgency')}</dt>
      <dd>
        <strong>{label('urgencies', request.urgency)}</strong>
        <span className="cg-rfa-field-note">{description('urgencies', request.urgency)}</span>
      </dd>
      <dt>{t('assistance.fields.responseLanguage')}</dt>
      <dd>
        {languageName(request.responseLanguage)}{' '}
        <span className="cg-muted cg-mono">({request.responseLanguage})</span>
      </dd>
      <dt>{t('assistance.fields.assistanceRequested')}</dt>
      <dd>
        {request.assistanceRequested.length === 0 ? (
          <span className="cg-muted">{t('assistance.notGiven')}</span>
        ) : (
          <ul className="cg-rfa-plain-list">
            {request.assistanceRequested.map((code) => (
              <li key={code}>{label('services', code)}</li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('assistance.fields.assistanceDetails')}</dt>
      <dd>
        <PlainText text={request.assistanceDetails} />
      </dd>
      <dt>{t('assistance.fields.actionsTaken')}</dt>
      <dd>
        <PlainText text={request.actionsTaken} />
      </dd>
    </dl>
  );
}
