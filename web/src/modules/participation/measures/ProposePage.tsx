import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { matchLanguage } from '../../../i18n/languages.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Checkbox,
  EmptyState,
  PageHeader,
  Select,
  TextArea,
  TextField,
} from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { useMeasureReference } from './badges.tsx';
import { useLanguageNames, useTextPicker } from './localized.tsx';
import { useNorms } from './norms.ts';
import { measurePath, measuresPath, proposalsPath } from './paths.ts';
import { isProposalKind, PROPOSAL_KINDS, type ProposalKind } from './types.ts';
import { proposingMemberships } from './viewer.ts';
import './measures.css';

/**
 * /participation/measures/propose?kind=&measureId=: a verified organization proposes a new measure, an
 * implementation example of an existing one, or another forum that promotes CBMs.
 */
export function ProposePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('measures.proposeForm.title'));
  const memberships = proposingMemberships(user);
  return (
    <>
      <ParticipationBreadcrumb items={[{ to: measuresPath(), label: t('measures.title') }]} />
      <PageHeader title={t('measures.proposeForm.title')} description={t('measures.proposeForm.intro')} />
      {memberships.length === 0 ? (
        <EmptyState
          title={t('measures.proposeForm.noOrganizationTitle')}
          action={
            <ButtonLink to={measuresPath()} variant="secondary">
              {t('measures.backToRepository')}
            </ButtonLink>
          }
        >
          {t('measures.proposeForm.noOrganizationText')}
        </EmptyState>
      ) : (
        <div className="cg-cbm-layout">
          <Card>
            <ProposeForm />
          </Card>
          <Card title={t('measures.proposeForm.nextTitle')}>
            <div className="cg-cbm-about">
              <p>{t('measures.proposeForm.next.review')}</p>
              <p>{t('measures.proposeForm.next.accepted')}</p>
              <p>{t('measures.proposeForm.next.rejected')}</p>
            </div>
          </Card>
        </div>
      )}
    </>
  );
}

function ProposeForm() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const [searchParams] = useSearchParams();
  const { fieldErrorsOf } = useErrorMessages();
  const { unLanguageOptions } = useLanguageNames();
  const { uiLanguage, pick } = useTextPicker();
  const referenceOf = useMeasureReference();
  const norms = useNorms();
  const kindName = useId();
  const memberships = proposingMemberships(user);

  const requestedKind = searchParams.get('kind') ?? '';
  const [kind, setKind] = useState<ProposalKind>(isProposalKind(requestedKind) ? requestedKind : 'measure');
  const [organizationId, setOrganizationId] = useState(
    memberships.length === 1 ? (memberships[0]?.organizationId ?? '') : '',
  );
  const [measureId, setMeasureId] = useState(searchParams.get('measureId') ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [url, setUrl] = useState('');
  const [language, setLanguage] = useState(matchLanguage(uiLanguage) ?? 'en');
  const [chosenNorms, setChosenNorms] = useState<string[]>([]);

  // The measures an example can refer to; loaded only when it is an example.
  const measures = useQuery(kind === 'example' ? 'measures:all' : null, () =>
    call(api.GET('/api/v1/participation/measures')),
  );

  const submit = useAction(() =>
    call(
      api.POST('/api/v1/participation/measure-proposals', {
        body: {
          organizationId,
          kind,
          title: title.trim(),
          body: body.trim(),
          language,
          ...(kind === 'example' && measureId ? { measureId } : {}),
          ...(url.trim() ? { url: url.trim() } : {}),
          ...(kind === 'measure' ? { norms: chosenNorms } : {}),
        },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const proposal = await submit.run();
    if (!proposal) return;
    toast(t('measures.proposeForm.submitted'));
    navigate(kind === 'example' && measureId ? measurePath(measureId) : proposalsPath());
  };

  const toggleNorm = (code: string, isChecked: boolean) =>
    setChosenNorms((current) =>
      isChecked ? [...current, code].sort() : current.filter((chosen) => chosen !== code),
    );

  const fieldErrors = fieldErrorsOf(submit.error, {
    measure_required: 'measureId',
    url_required: 'url',
    unknown_norm: 'norms',
  });
  const measureOptions = (measures.data?.items ?? []).map((measure) => ({
    value: measure.id,
    label: `${referenceOf(measure)}: ${pick(measure.title).text}`,
  }));

  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={submit.error} />
      <Select
        label={t('measures.proposeForm.organization')}
        hint={t('measures.proposeForm.organizationHint')}
        value={organizationId}
        onChange={setOrganizationId}
        emptyOption={memberships.length > 1 ? t('common.choose') : undefined}
        options={memberships.map((membership) => ({
          value: membership.organizationId,
          label: membership.organizationName,
        }))}
        required
        error={fieldErrors.organizationId}
      />
      <fieldset className="cg-fieldset">
        <legend>{t('measures.proposeForm.kind')}</legend>
        <div className="cg-stack">
          {PROPOSAL_KINDS.map((option) => (
            <div key={option} className="cg-checkbox">
              <input
                type="radio"
                id={`${kindName}-${option}`}
                name={kindName}
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
                aria-describedby={`${kindName}-${option}-hint`}
              />
              <label htmlFor={`${kindName}-${option}`}>{t(`measures.proposals.kind.${option}`)}</label>
              <div className="cg-hint" id={`${kindName}-${option}-hint`}>
                {t(`measures.proposeForm.kindHint.${option}`)}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {kind === 'example' && (
        <Select
          label={t('measures.proposeForm.measure')}
          hint={t('measures.proposeForm.measureHint')}
          value={measureId}
          onChange={setMeasureId}
          emptyOption={measures.isLoading ? t('common.loading') : t('common.choose')}
          options={measureOptions}
          required
          error={fieldErrors.measureId}
        />
      )}
      <TextField
        label={t(`measures.proposeForm.titleLabel.${kind}`)}
        value={title}
        onChange={setTitle}
        required
        minLength={3}
        maxLength={300}
        dir="auto"
        lang={language}
        error={fieldErrors.title}
      />
      <TextArea
        label={t(`measures.proposeForm.bodyLabel.${kind}`)}
        hint={t(`measures.proposeForm.bodyHint.${kind}`)}
        value={body}
        onChange={setBody}
        rows={8}
        required
        minLength={10}
        maxLength={10_000}
        dir="auto"
        lang={language}
        error={fieldErrors.body}
      />
      <TextField
        type="url"
        label={t('measures.proposeForm.url')}
        labelNote={kind === 'forum' ? undefined : t('common.optional')}
        hint={t(`measures.proposeForm.urlHint.${kind}`)}
        value={url}
        onChange={setUrl}
        required={kind === 'forum'}
        maxLength={500}
        placeholder="https://"
        error={fieldErrors.url}
      />
      <Select
        label={t('measures.proposeForm.language')}
        hint={t('measures.proposeForm.languageHint')}
        value={language}
        onChange={(value) => setLanguage(matchLanguage(value) ?? 'en')}
        options={unLanguageOptions}
        required
        error={fieldErrors.language}
      />
      {kind === 'measure' && (
        <fieldset className="cg-fieldset">
          <legend>{t('measures.proposeForm.norms')}</legend>
          <p className="cg-hint">{t('measures.proposeForm.normsHint')}</p>
          {norms.hasFailed && <Alert tone="warning">{t('measures.normsUnavailable')}</Alert>}
          <div className="cg-checkbox-group">
            {norms.norms.map((norm) => (
              <Checkbox
                key={norm.code}
                label={norms.optionLabelOf(norm)}
                checked={chosenNorms.includes(norm.code)}
                onChange={(isChecked) => toggleNorm(norm.code, isChecked)}
              />
            ))}
          </div>
          {fieldErrors.norms && <p className="cg-field-error">{fieldErrors.norms}</p>}
        </fieldset>
      )}
      <div className="cg-cluster">
        <Button type="submit" isBusy={submit.isBusy} disabled={!organizationId}>
          {t('measures.proposeForm.submit')}
        </Button>
        <ButtonLink to={measuresPath()} variant="secondary">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
