import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { matchLanguage } from '../../i18n/languages.ts';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useLanguageNames } from '../../lib/localized.ts';
import { translateDynamic } from '../../lib/translate.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Checkbox,
  PageHeader,
  Select,
  TextArea,
  TextField,
  TlpBadge,
  TlpChoice,
  type TlpLabel,
} from '../../ui/index.ts';
import { AttachmentsField, type ChosenFile, toNewAttachments } from './AttachmentsField.tsx';
import { createRequest, listPocEntries } from './assistanceApi.ts';
import { codesOf, useCodeLabels } from './codes.ts';
import { localInputToIso, suggestedDeadlines, toLocalInput } from './deadlines.ts';
import { useAssistanceErrorMessage } from './errors.ts';
import { findingsSignature, PersonalDataGuard, usePersonalDataFindings } from './PersonalDataGuard.tsx';
import { requestPath, requestsPath } from './paths.ts';
import { PlainText, RequestFields } from './RequestFields.tsx';
import { useTlpMeanings } from './tlp.ts';
import {
  type CreateRequestBody,
  IMPACT_LEVELS,
  type ImpactLevel,
  INCIDENT_STATUSES,
  type IncidentStatus,
  MESSAGE_TYPES,
  type MessageType,
  POC_ROLES,
  type PocEntry,
  type PocRole,
  URGENCIES,
  type Urgency,
} from './types.ts';
import './assistance.css';

const MAX_RECIPIENTS = 20;
const MAX_FILES = 5;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const OTHER_LANGUAGE = 'other';
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

type OrgChoice = { id: string; name: string; roles: string[] };

/** Organizations that have points of contact, with the roles they have, alphabetically. */
function organizationsOf(entries: PocEntry[]): OrgChoice[] {
  const byId = new Map<string, OrgChoice>();
  for (const entry of entries) {
    const org = byId.get(entry.org.id) ?? { id: entry.org.id, name: entry.org.name, roles: [] };
    if (!org.roles.includes(entry.role)) org.roles.push(entry.role);
    byId.set(entry.org.id, org);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** /requests/new: the standard template for a notification, request for information or request for assistance. */
export function ComposerPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const { messageOf, fieldErrorsOf } = useErrorMessages();
  const errorMessage = useAssistanceErrorMessage();
  const { label, description } = useCodeLabels();
  const languageName = useLanguageNames();
  const tlpMeanings = useTlpMeanings();
  usePageTitle(t('assistance.composer.title'));

  // One key per composer session: a double click or a retry after a lost answer never sends twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [senderOrgId, setSenderOrgId] = useState('');
  const [recipientOrgIds, setRecipientOrgIds] = useState<string[]>([]);
  const [recipientFilter, setRecipientFilter] = useState('');
  const [recipientRoles, setRecipientRoles] = useState<PocRole[]>(['technical']);
  const [type, setType] = useState<MessageType | ''>('');
  const [tlp, setTlp] = useState<TlpLabel | ''>('');
  const [title, setTitle] = useState('');
  const [detectedAt, setDetectedAt] = useState('');
  const [incidentStatus, setIncidentStatus] = useState<IncidentStatus | ''>('');
  const [sector, setSector] = useState('');
  const [impactLevel, setImpactLevel] = useState<ImpactLevel | ''>('');
  const [isCrossBorder, setIsCrossBorder] = useState(false);
  const [services, setServices] = useState<string[]>([]);
  const [assistanceDetails, setAssistanceDetails] = useState('');
  const [actionsTaken, setActionsTaken] = useState('');
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [acknowledgeBy, setAcknowledgeBy] = useState('');
  const [respondBy, setRespondBy] = useState('');
  const [languageChoice, setLanguageChoice] = useState<string>(matchLanguage(i18n.language) ?? 'en');
  const [otherLanguage, setOtherLanguage] = useState('');
  const [descriptionText, setDescriptionText] = useState('');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [confirmedSignature, setConfirmedSignature] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const errorSummary = useRef<HTMLDivElement>(null);

  const verifiedMemberships = user.memberships.filter((membership) => membership.isOrgVerified);
  // The organizations the user may send for: those where they hold a POC entry. If the directory cannot
  // be read, every verified organization is offered and the server decides.
  const senderOrgs = useQuery(`assistance-sender-orgs:${user.id}`, async () => {
    try {
      const entries = await Promise.all(verifiedMemberships.map((m) => listPocEntries(m.organizationId, 1)));
      return verifiedMemberships.filter((_membership, index) =>
        (entries[index] ?? []).some((entry) => entry.holder.id === user.id),
      );
    } catch {
      return verifiedMemberships;
    }
  });
  const directory = useQuery('assistance-directory', () => listPocEntries());
  const organizations = useMemo(() => organizationsOf(directory.data ?? []), [directory.data]);

  const senderOptions = senderOrgs.data ?? [];
  useEffect(() => {
    const only = senderOptions[0];
    if (senderOptions.length === 1 && only && !senderOrgId) setSenderOrgId(only.organizationId);
  }, [senderOptions, senderOrgId]);

  const guardFields = [
    { id: 'description', label: t('assistance.fields.description'), text: descriptionText },
    { id: 'actionsTaken', label: t('assistance.fields.actionsTaken'), text: actionsTaken },
    { id: 'assistanceDetails', label: t('assistance.fields.assistanceDetails'), text: assistanceDetails },
  ];
  const findings = usePersonalDataFindings(guardFields);
  const signature = findingsSignature(findings);
  const isPersonalDataConfirmed = signature !== '' && confirmedSignature === signature;

  const responseLanguage = languageChoice === OTHER_LANGUAGE ? otherLanguage.trim() : languageChoice;

  const chooseUrgency = (value: Urgency) => {
    setUrgency(value);
    const suggested = suggestedDeadlines(value, new Date());
    setAcknowledgeBy(suggested.acknowledgeBy);
    setRespondBy(suggested.respondBy);
  };

  const buildBody = (): CreateRequestBody | undefined => {
    if (!type || !tlp || !incidentStatus || !impactLevel || !urgency) return undefined;
    const body: CreateRequestBody = {
      senderOrgId,
      recipientOrgIds,
      recipientRoles,
      type,
      tlp,
      title: title.trim(),
      incidentStatus,
      sector: sector as CreateRequestBody['sector'],
      impactLevel,
      isCrossBorder,
      assistanceRequested: services as CreateRequestBody['assistanceRequested'],
      assistanceDetails: assistanceDetails.trim(),
      actionsTaken: actionsTaken.trim(),
      urgency,
      responseLanguage,
      acknowledgeBy: localInputToIso(acknowledgeBy),
      respondBy: localInputToIso(respondBy),
      description: descriptionText.trim(),
    };
    if (detectedAt) body.detectedAt = localInputToIso(detectedAt);
    if (isPersonalDataConfirmed) body.personalDataConfirmed = true;
    return body;
  };

  /** What must be put right before the request can be reviewed; the server checks all of it again. */
  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    const required = t('assistance.errors.required');
    if (!senderOrgId) errors.senderOrgId = required;
    if (recipientOrgIds.length === 0) errors.recipientOrgIds = t('assistance.errors.chooseRecipient');
    if (recipientRoles.length === 0) errors.recipientRoles = t('assistance.errors.chooseRole');
    if (!type) errors.type = required;
    if (!tlp) errors.tlp = t('assistance.errors.chooseTlp');
    if (title.trim().length < 3) errors.title = t('assistance.errors.titleLength');
    if (!incidentStatus) errors.incidentStatus = required;
    if (!sector) errors.sector = required;
    if (!impactLevel) errors.impactLevel = required;
    if (!urgency) errors.urgency = required;
    const ackIso = localInputToIso(acknowledgeBy);
    const respondIso = localInputToIso(respondBy);
    if (urgency && !ackIso) errors.acknowledgeBy = required;
    if (urgency && !respondIso) errors.respondBy = required;
    if (ackIso && respondIso && respondIso < ackIso)
      errors.respondBy = t('assistance.errors.respondBeforeAcknowledge');
    if (ackIso && ackIso <= new Date().toISOString()) errors.acknowledgeBy = t('assistance.errors.inThePast');
    if (detectedAt && !localInputToIso(detectedAt)) errors.detectedAt = t('assistance.errors.invalidDate');
    if (!LANGUAGE_TAG.test(responseLanguage)) errors.responseLanguage = t('assistance.errors.languageTag');
    if (!descriptionText.trim()) errors.description = required;
    if (files.some((entry) => entry.file.size > MAX_FILE_BYTES || entry.file.size === 0))
      errors.attachments = t('assistance.errors.fileSize');
    if (findings.length > 0 && !isPersonalDataConfirmed)
      errors.personalData = t('assistance.errors.confirmPersonalData');
    return errors;
  };

  const send = useAction(async () => {
    const body = buildBody();
    if (!body) throw new ApiError(400, 'validation_failed');
    if (files.length > 0) {
      try {
        body.attachments = await toNewAttachments(files);
      } catch {
        throw new ApiError(0, 'file_unreadable');
      }
    }
    return createRequest(body, idempotencyKey);
  });
  const serverErrors = fieldErrorsOf(send.error);
  const fieldError = (name: string) => clientErrors[name] ?? serverErrors[name];

  const onReview = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate();
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() => errorSummary.current?.focus());
      return;
    }
    send.reset();
    setStep('review');
    requestAnimationFrame(() => {
      window.scrollTo({ top: 0 });
      reviewHeading.current?.focus();
    });
  };

  const onSend = async () => {
    const created = await send.run();
    if (!created) {
      window.scrollTo({ top: 0 });
      return;
    }
    toast(t('assistance.composer.sent'));
    navigate(requestPath(created.id));
  };

  const errorSummaryEntries = Object.entries(clientErrors);

  if (step === 'review') {
    const body = buildBody();
    return (
      <>
        <PageHeader
          title={t('assistance.composer.reviewTitle')}
          description={t('assistance.composer.reviewIntro')}
        />
        <div className="cg-stack">
          {send.error && (
            <Alert tone="danger" title={t('common.errorTitle')} isLive>
              <p>{errorMessage(send.error)}</p>
              {send.error.code === 'mfa_required' && (
                <Link to="/profile">{t('assistance.composer.setUpTotp')}</Link>
              )}
              {send.error.code === 'personal_data_detected' && (
                <Button variant="secondary" size="small" onClick={() => setStep('edit')}>
                  {t('assistance.composer.backToEdit')}
                </Button>
              )}
            </Alert>
          )}
          {body && (
            <Card
              title={
                <span ref={reviewHeading} tabIndex={-1}>
                  {body.title}
                </span>
              }
            >
              <div className="cg-stack">
                <div className="cg-cluster">
                  <TlpBadge label={body.tlp} />
                  <span>{tlpMeanings[body.tlp]}</span>
                </div>
                <RequestFields
                  request={{ ...body, detectedAt: body.detectedAt ?? null }}
                  lead={
                    <>
                      <dt>{t('assistance.fields.sender')}</dt>
                      <dd>{senderOptions.find((m) => m.organizationId === senderOrgId)?.organizationName}</dd>
                      <dt>{t('assistance.fields.recipients')}</dt>
                      <dd>
                        <ul className="cg-rfa-plain-list">
                          {recipientOrgIds.map((id) => (
                            <li key={id}>
                              <bdi>{organizations.find((org) => org.id === id)?.name ?? id}</bdi>
                            </li>
                          ))}
                        </ul>
                      </dd>
                      <dt>{t('assistance.fields.recipientRoles')}</dt>
                      <dd>{recipientRoles.map((role) => label('pocRoles', role)).join(', ')}</dd>
                      <dt>{t('assistance.fields.acknowledgeBy')}</dt>
                      <dd>
                        <DateTime value={body.acknowledgeBy} />
                      </dd>
                      <dt>{t('assistance.fields.respondBy')}</dt>
                      <dd>
                        <DateTime value={body.respondBy} />
                      </dd>
                    </>
                  }
                />
                <h3>{t('assistance.fields.description')}</h3>
                <PlainText text={body.description} />
                {files.length > 0 && (
                  <>
                    <h3>{t('assistance.fields.attachments')}</h3>
                    <ul className="cg-rfa-plain-list">
                      {files.map((entry) => (
                        <li key={entry.key}>
                          <bdi>{entry.file.name}</bdi> <span className="cg-muted cg-small">SHA-256</span>{' '}
                          <code className="cg-rfa-hash">{entry.sha256 ?? ''}</code>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {body.personalDataConfirmed && (
                  <Alert tone="warning">{t('assistance.composer.personalDataConfirmed')}</Alert>
                )}
              </div>
            </Card>
          )}
          <div className="cg-cluster">
            <Button onClick={onSend} isBusy={send.isBusy}>
              {t('assistance.composer.send')}
            </Button>
            <Button variant="secondary" onClick={() => setStep('edit')} disabled={send.isBusy}>
              {t('assistance.composer.backToEdit')}
            </Button>
          </div>
        </div>
      </>
    );
  }

  const visibleOrganizations = organizations.filter(
    (org) =>
      org.id !== senderOrgId &&
      (recipientFilter.trim() === '' ||
        org.name.toLocaleLowerCase().includes(recipientFilter.trim().toLocaleLowerCase()) ||
        recipientOrgIds.includes(org.id)),
  );
  const toggle = <T,>(list: T[], value: T, isOn: boolean) =>
    isOn ? [...list, value] : list.filter((item) => item !== value);

  return (
    <>
      <PageHeader
        title={t('assistance.composer.title')}
        description={t('assistance.composer.intro')}
        actions={
          <ButtonLink to={requestsPath('outbox')} variant="secondary">
            {t('common.cancel')}
          </ButtonLink>
        }
      />
      {!user.hasTotp && (
        <Alert tone="warning" title={t('assistance.composer.totpTitle')}>
          <p>{t('assistance.composer.totpText')}</p>
          <Link to="/profile">{t('assistance.composer.setUpTotp')}</Link>
        </Alert>
      )}
      {senderOrgs.data && senderOptions.length === 0 && (
        <Alert tone="warning" title={t('assistance.composer.notPocTitle')}>
          <p>{t('assistance.composer.notPocText')}</p>
        </Alert>
      )}
      <form className="cg-stack cg-rfa-composer" onSubmit={onReview} noValidate>
        {errorSummaryEntries.length > 0 && (
          <div ref={errorSummary} tabIndex={-1}>
            <Alert tone="danger" title={t('assistance.composer.fixErrors')} isLive>
              <ul>
                {errorSummaryEntries.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#rfa-section-${sectionOf(name)}`}>
                      {translateDynamic(t, FIELD_LABEL_KEYS[name] ?? '', 'assistance.fields.description')}:{' '}
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        )}
        <Section id="recipients" title={t('assistance.sections.recipients')}>
          <div className="cg-form-row">
            <Select
              label={t('assistance.fields.sender')}
              hint={t('assistance.fields.senderHint')}
              value={senderOrgId}
              onChange={setSenderOrgId}
              emptyOption={senderOptions.length === 1 ? undefined : t('common.choose')}
              options={senderOptions.map((membership) => ({
                value: membership.organizationId,
                label: membership.organizationName,
              }))}
              required
              error={fieldError('senderOrgId')}
            />
            <Select
              label={t('assistance.fields.type')}
              value={type}
              onChange={(value) => setType(value as MessageType)}
              emptyOption={t('common.choose')}
              options={MESSAGE_TYPES.map((code) => ({ value: code, label: label('messageTypes', code) }))}
              required
              error={fieldError('type')}
            />
          </div>
          <fieldset className="cg-fieldset" aria-describedby="rfa-recipients-hint">
            <legend>{t('assistance.fields.recipients')}</legend>
            <p className="cg-hint" id="rfa-recipients-hint">
              {t('assistance.fields.recipientsHint', { max: MAX_RECIPIENTS })}
            </p>
            <TextField
              label={t('assistance.fields.recipientFilter')}
              type="search"
              value={recipientFilter}
              onChange={setRecipientFilter}
              dir="auto"
            />
            {directory.error && <Alert tone="danger">{messageOf(directory.error)}</Alert>}
            {directory.isLoading ? (
              <p className="cg-muted">{t('common.loading')}</p>
            ) : visibleOrganizations.length === 0 ? (
              <p className="cg-muted">{t('assistance.fields.noRecipients')}</p>
            ) : (
              <div className="cg-rfa-recipient-list">
                {visibleOrganizations.map((org) => (
                  <Checkbox
                    key={org.id}
                    label={<bdi>{org.name}</bdi>}
                    hint={org.roles.map((role) => label('pocRoles', role)).join(' · ')}
                    checked={recipientOrgIds.includes(org.id)}
                    disabled={!recipientOrgIds.includes(org.id) && recipientOrgIds.length >= MAX_RECIPIENTS}
                    onChange={(isOn) => setRecipientOrgIds((ids) => toggle(ids, org.id, isOn))}
                  />
                ))}
              </div>
            )}
            {fieldError('recipientOrgIds') && (
              <p className="cg-field-error">{fieldError('recipientOrgIds')}</p>
            )}
          </fieldset>
          <fieldset className="cg-fieldset" aria-describedby="rfa-roles-hint">
            <legend>{t('assistance.fields.recipientRoles')}</legend>
            <p className="cg-hint" id="rfa-roles-hint">
              {t('assistance.fields.recipientRolesHint')}
            </p>
            <div className="cg-checkbox-group">
              {POC_ROLES.map((role) => (
                <Checkbox
                  key={role}
                  label={label('pocRoles', role)}
                  checked={recipientRoles.includes(role)}
                  onChange={(isOn) => setRecipientRoles((roles) => toggle(roles, role, isOn))}
                />
              ))}
            </div>
            {fieldError('recipientRoles') && <p className="cg-field-error">{fieldError('recipientRoles')}</p>}
          </fieldset>
        </Section>

        <Section id="classification" title={t('assistance.sections.classification')}>
          <TlpChoice
            legend={t('assistance.fields.tlp')}
            hint={t('assistance.fields.tlpHint')}
            value={tlp}
            onChange={setTlp}
            meanings={tlpMeanings}
            isRequired
            error={fieldError('tlp')}
          />
          <TextField
            label={t('assistance.fields.title')}
            hint={t('assistance.fields.titleHint')}
            value={title}
            onChange={setTitle}
            required
            minLength={3}
            maxLength={200}
            dir="auto"
            error={fieldError('title')}
          />
        </Section>

        <Section id="incident" title={t('assistance.sections.incident')}>
          <div className="cg-form-row">
            <TextField
              label={t('assistance.fields.detectedAt')}
              labelNote={t('common.optional')}
              hint={t('assistance.fields.localTimeHint')}
              type="datetime-local"
              value={detectedAt}
              max={toLocalInput(new Date())}
              onChange={setDetectedAt}
              error={fieldError('detectedAt')}
            />
            <Select
              label={t('assistance.fields.incidentStatus')}
              value={incidentStatus}
              onChange={(value) => setIncidentStatus(value as IncidentStatus)}
              emptyOption={t('common.choose')}
              options={INCIDENT_STATUSES.map((code) => ({
                value: code,
                label: label('incidentStatuses', code),
              }))}
              required
              error={fieldError('incidentStatus')}
            />
            <Select
              label={t('assistance.fields.sector')}
              value={sector}
              onChange={setSector}
              emptyOption={t('common.choose')}
              options={codesOf('sectors').map((code) => ({ value: code, label: label('sectors', code) }))}
              required
              error={fieldError('sector')}
            />
          </div>
          <RadioCards
            legend={t('assistance.fields.impactLevel')}
            name="impactLevel"
            value={impactLevel}
            onChange={(value) => setImpactLevel(value as ImpactLevel)}
            options={IMPACT_LEVELS.map((code) => ({
              value: code,
              label: label('impactLevels', code),
              description: description('impactLevels', code),
            }))}
            error={fieldError('impactLevel')}
          />
          <Checkbox
            label={t('assistance.fields.crossBorder')}
            hint={t('assistance.fields.crossBorderHint')}
            checked={isCrossBorder}
            onChange={setIsCrossBorder}
          />
        </Section>

        <Section id="assistance" title={t('assistance.sections.assistance')}>
          <fieldset className="cg-fieldset">
            <legend>{t('assistance.fields.assistanceRequested')}</legend>
            <div className="cg-checkbox-group cg-rfa-services">
              {codesOf('services').map((code) => (
                <Checkbox
                  key={code}
                  label={label('services', code)}
                  hint={description('services', code)}
                  checked={services.includes(code)}
                  onChange={(isOn) => setServices((current) => toggle(current, code, isOn))}
                />
              ))}
            </div>
          </fieldset>
          <TextArea
            label={t('assistance.fields.assistanceDetails')}
            hint={t('assistance.fields.assistanceDetailsHint')}
            value={assistanceDetails}
            onChange={setAssistanceDetails}
            rows={4}
            maxLength={5000}
            dir="auto"
            error={fieldError('assistanceDetails')}
          />
        </Section>

        <Section id="actions" title={t('assistance.sections.actionsTaken')}>
          <TextArea
            label={t('assistance.fields.actionsTaken')}
            hint={t('assistance.fields.actionsTakenHint')}
            value={actionsTaken}
            onChange={setActionsTaken}
            rows={4}
            maxLength={5000}
            dir="auto"
            error={fieldError('actionsTaken')}
          />
        </Section>

        <Section id="urgency" title={t('assistance.sections.urgency')}>
          <RadioCards
            legend={t('assistance.fields.urgency')}
            hint={t('assistance.fields.urgencyHint')}
            name="urgency"
            value={urgency}
            onChange={(value) => chooseUrgency(value as Urgency)}
            options={URGENCIES.map((code) => ({
              value: code,
              label: label('urgencies', code),
              description: `${description('urgencies', code)} ${t(`assistance.deadlineDefaults.${code}`)}`,
            }))}
            error={fieldError('urgency')}
          />
          <div className="cg-form-row">
            <TextField
              label={t('assistance.fields.acknowledgeBy')}
              hint={t('assistance.fields.localTimeHint')}
              type="datetime-local"
              value={acknowledgeBy}
              onChange={setAcknowledgeBy}
              required
              error={fieldError('acknowledgeBy')}
            />
            <TextField
              label={t('assistance.fields.respondBy')}
              hint={t('assistance.fields.localTimeHint')}
              type="datetime-local"
              value={respondBy}
              onChange={setRespondBy}
              required
              error={fieldError('respondBy')}
            />
          </div>
          <div className="cg-form-row">
            <Select
              label={t('assistance.fields.responseLanguage')}
              value={languageChoice}
              onChange={setLanguageChoice}
              options={[
                ...UN_LANGUAGES.map((code) => ({ value: code, label: languageName(code) })),
                { value: OTHER_LANGUAGE, label: t('assistance.fields.otherLanguage') },
              ]}
              required
              error={languageChoice === OTHER_LANGUAGE ? undefined : fieldError('responseLanguage')}
            />
            {languageChoice === OTHER_LANGUAGE && (
              <TextField
                label={t('assistance.fields.languageTag')}
                hint={t('assistance.fields.languageTagHint')}
                value={otherLanguage}
                onChange={setOtherLanguage}
                isCode
                maxLength={35}
                required
                error={fieldError('responseLanguage')}
              />
            )}
          </div>
        </Section>

        <Section id="description" title={t('assistance.sections.description')}>
          <TextArea
            label={t('assistance.fields.description')}
            hint={t('assistance.fields.descriptionHint')}
            value={descriptionText}
            onChange={setDescriptionText}
            rows={10}
            maxLength={20000}
            required
            dir="auto"
            error={fieldError('description')}
          />
          <PersonalDataGuard
            entries={findings}
            isConfirmed={isPersonalDataConfirmed}
            onConfirm={(isOn) => setConfirmedSignature(isOn ? signature : null)}
            error={clientErrors.personalData}
          />
          <AttachmentsField
            files={files}
            onChange={setFiles}
            maxFiles={MAX_FILES}
            maxBytes={MAX_FILE_BYTES}
            error={fieldError('attachments')}
          />
        </Section>

        <div className="cg-cluster">
          <Button type="submit">{t('assistance.composer.review')}</Button>
          <ButtonLink to={requestsPath('outbox')} variant="secondary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}

const SECTION_OF: Record<string, string> = {
  senderOrgId: 'recipients',
  recipientOrgIds: 'recipients',
  recipientRoles: 'recipients',
  type: 'recipients',
  tlp: 'classification',
  title: 'classification',
  detectedAt: 'incident',
  incidentStatus: 'incident',
  sector: 'incident',
  impactLevel: 'incident',
  urgency: 'urgency',
  acknowledgeBy: 'urgency',
  respondBy: 'urgency',
  responseLanguage: 'urgency',
  description: 'description',
  attachments: 'description',
  personalData: 'description',
};
const sectionOf = (field: string) => SECTION_OF[field] ?? 'recipients';

const FIELD_LABEL_KEYS: Record<string, string> = {
  senderOrgId: 'assistance.fields.sender',
  recipientOrgIds: 'assistance.fields.recipients',
  recipientRoles: 'assistance.fields.recipientRoles',
  type: 'assistance.fields.type',
  tlp: 'assistance.fields.tlp',
  title: 'assistance.fields.title',
  detectedAt: 'assistance.fields.detectedAt',
  incidentStatus: 'assistance.fields.incidentStatus',
  sector: 'assistance.fields.sector',
  impactLevel: 'assistance.fields.impactLevel',
  urgency: 'assistance.fields.urgency',
  acknowledgeBy: 'assistance.fields.acknowledgeBy',
  respondBy: 'assistance.fields.respondBy',
  responseLanguage: 'assistance.fields.responseLanguage',
  description: 'assistance.fields.description',
  attachments: 'assistance.fields.attachments',
  personalData: 'assistance.guard.title',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      className="cg-card cg-rfa-section"
      id={`rfa-section-${id}`}
      aria-labelledby={`rfa-section-${id}-title`}
    >
      <h2 id={`rfa-section-${id}-title`}>{title}</h2>
      <div className="cg-stack">{children}</div>
    </section>
  );
}

type RadioCardsProps = {
  legend: string;
  hint?: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; description: string }[];
  error?: string | undefined;
};

/** A radio group whose options each carry a one-line description. */
function RadioCards({ legend, hint, name, value, onChange, options, error }: RadioCardsProps) {
  const describedBy = [hint ? `rfa-${name}-hint` : '', error ? `rfa-${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="cg-fieldset" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="cg-hint" id={`rfa-${name}-hint`}>
          {hint}
        </p>
      )}
      <div className="cg-rfa-radio-cards">
        {options.map((option) => {
          const id = `rfa-${name}-${option.value}`;
          return (
            <div
              key={option.value}
              className="cg-rfa-radio-card"
              data-checked={value === option.value || undefined}
            >
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={`${id}-description`}
              />
              <label htmlFor={id}>{option.label}</label>
              <span className="cg-hint" id={`${id}-description`}>
                {option.description}
              </span>
            </div>
          );
        })}
      </div>
      {error && (
        <p className="cg-field-error" id={`rfa-${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
