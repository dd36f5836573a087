import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useTriageLabels } from './labels.tsx';
import { CONTENT_FIELDS, type ReportContent } from './types.ts';

/** Text as the reporter wrote it: line breaks kept, direction from the text itself. */
export function PlainText({ text }: { text: string }) {
  return (
    <div className="cg-triage-text" dir="auto">
      {text}
    </div>
  );
}

/** The reporter's fields, in the order a reader takes them in; empty optional fields are left out. */
export function ContentFields({
  content,
  showTitle = false,
}: {
  content: ReportContent;
  showTitle?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useTriageLabels();
  const fieldLabel: Record<(typeof CONTENT_FIELDS)[number], string> = {
    product: t('triage.content.product'),
    version: t('triage.content.version'),
    description: t('triage.content.description'),
    reproduction: t('triage.content.reproduction'),
    impact: t('triage.content.impact'),
    priorVendorContact: t('triage.content.priorVendorContact'),
    exploitation: t('triage.content.exploitation'),
    publicity: t('triage.content.publicity'),
    disclosurePlans: t('triage.content.disclosurePlans'),
  };
  return (
    <dl className="cg-details-list cg-triage-content">
      {showTitle && (
        <>
          <dt>{t('triage.content.title')}</dt>
          <dd>
            <PlainText text={content.title} />
          </dd>
        </>
      )}
      {CONTENT_FIELDS.map((field) => {
        const value = content[field];
        if (!value.trim()) return null;
        return (
          <Fragment key={field}>
            <dt>{fieldLabel[field]}</dt>
            <dd>
              {field === 'exploitation' || field === 'publicity' ? (
                labels.tristate(value)
              ) : (
                <PlainText text={value} />
              )}
            </dd>
          </Fragment>
        );
      })}
    </dl>
  );
}
