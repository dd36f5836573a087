import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, Select, TextArea } from '../../../ui/index.ts';
import type { Consultation, Contribution } from './types.ts';

type ContributionFormProps = {
  consultation: Consultation;
  /** The paragraph commented on; null for a general comment on the whole draft. */
  paragraph: { key: string; number: number | null; text: string } | null;
  onSubmitted: (contribution: Contribution) => void;
};

type ParagraphKind = 'comment' | 'amendment';

/**
 * Comment on a paragraph, propose replacement text for it, or comment on the draft as a whole, on behalf
 * of one of the signed-in person's verified organizations. The API decides whether that organization
 * holds a seat (a State, or a stakeholder accredited to the process).
 */
export function ContributionForm({ consultation, paragraph, onSubmitted }: ContributionFormProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const { messageOf } = useErrorMessages();
  const radioName = useId();
  const organizations = (user?.memberships ?? []).filter((membership) => membership.isOrgVerified);
  const [chosenOrganizationId, setOrganizationId] = useState('');
  // Derived rather than initialised once: the session may load (or change) after the panel opened.
  const organizationId = organizations.some((entry) => entry.organizationId === chosenOrganizationId)
    ? chosenOrganizationId
    : (organizations[0]?.organizationId ?? '');
  const [kind, setKind] = useState<ParagraphKind>('comment');
  const [body, setBody] = useState('');
  const [proposedText, setProposedText] = useState(paragraph?.text ?? '');
  const [missing, setMissing] = useState<'body' | 'proposedText'>();

  const submit = useAction(() => {
    const isAmendment = paragraph !== null && kind === 'amendment';
    return call(
      api.POST('/api/v1/participation/consultations/{id}/contributions', {
        params: { path: { id: consultation.id } },
        body: {
          organizationId,
          kind: paragraph ? kind : 'general',
          ...(paragraph ? { paragraphKey: paragraph.key } : {}),
          body: body.trim(),
          ...(isAmendment ? { proposedText: proposedText.trim() } : {}),
        },
      }),
    );
  });

  if (!user) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <p className="cg-muted">
        <Link to={`/sign-in?next=${next}`}>{t('consultations.signInToContribute')}</Link>
      </p>
    );
  }
  if (organizations.length === 0) {
    return <Alert tone="info">{t('consultations.needsVerifiedOrganization')}</Alert>;
  }

  const isAmendment = paragraph !== null && kind === 'amendment';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const gap = isAmendment
      ? proposedText.trim() === ''
        ? 'proposedText'
        : undefined
      : body.trim() === ''
        ? 'body'
        : undefined;
    setMissing(gap);
    if (gap) return;
    const contribution = await submit.run();
    if (!contribution) return;
    setBody('');
    setKind('comment');
    setProposedText(paragraph?.text ?? '');
    onSubmitted(contribution);
  };

  // A 403 here means the organization holds no seat in the process: say that, not just "forbidden".
  const errorText = submit.error
    ? submit.error.status === 403
      ? t('consultations.contributeForbidden')
      : messageOf(submit.error)
    : undefined;
  return (
    <form className="cg-form cg-contribution-form" onSubmit={onSubmit} noValidate>
      <p className="cg-contribution-form-title">
        {paragraph
          ? t('consultations.formTitleParagraph', { number: paragraph.number ?? '' })
          : t('consultations.formTitleGeneral')}
      </p>
      {errorText && (
        <Alert tone="danger" isLive>
          {errorText}
        </Alert>
      )}
      <Select
        label={t('consultations.onBehalfOf')}
        hint={t('consultations.onBehalfOfHint')}
        value={organizationId}
        onChange={setOrganizationId}
        options={organizations.map((membership) => ({
          value: membership.organizationId,
          label: membership.organizationName,
        }))}
        required
      />
      {paragraph && (
        <fieldset className="cg-fieldset">
          <legend>{t('consultations.kindLegend')}</legend>
          <div className="cg-stack-tight">
            {(['comment', 'amendment'] as const).map((option) => (
              <div key={option} className="cg-checkbox">
                <input
                  type="radio"
                  id={`${radioName}-${option}`}
                  name={radioName}
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option)}
                />
                <label htmlFor={`${radioName}-${option}`}>{t(`consultations.kindChoice.${option}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {isAmendment && (
        <TextArea
          label={t('consultations.proposedText')}
          hint={t('consultations.proposedTextHint')}
          value={proposedText}
          onChange={setProposedText}
          rows={6}
          maxLength={20_000}
          required
          dir="auto"
          error={missing === 'proposedText' ? t('consultations.proposedTextMissing') : undefined}
        />
      )}
      <TextArea
        label={isAmendment ? t('consultations.amendmentReason') : t('consultations.commentBody')}
        labelNote={isAmendment ? t('common.optional') : undefined}
        hint={t('consultations.publicHint')}
        value={body}
        onChange={setBody}
        rows={4}
        maxLength={10_000}
        required={!isAmendment}
        dir="auto"
        error={missing === 'body' ? t('consultations.bodyMissing') : undefined}
      />
      <div className="cg-cluster">
        <Button type="submit" isBusy={submit.isBusy}>
          {isAmendment ? t('consultations.submitAmendment') : t('consultations.submitComment')}
        </Button>
      </div>
    </form>
  );
}
