import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { formattingLocale } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Checkbox,
  ConfirmDialog,
  PageHeader,
  PageSpinner,
  Select,
  TextArea,
  TextField,
} from '../../ui/index.ts';
import { canManageContactsOf, isHolderOf, manageableOrganizations } from './access.ts';
import { Fingerprint, useWeekdayNames } from './ContactDetails.tsx';
import { SERVICE_CODES, usePocCodes } from './codes.ts';
import { contactsApi } from './contactsApi.ts';
import { CONTACT_ERROR_FIELDS, isContactErrorCode, useContactErrorMessage } from './errors.ts';
import { LanguageTagInput } from './LanguageTagInput.tsx';
import { contactPath, directoryPath } from './paths.ts';
import {
  type Contact,
  type EditBody,
  type NominateBody,
  POC_ROLES,
  type PocRole,
  type PocService,
} from './types.ts';
import './contacts.css';

/** /contacts/new?orgId= and /contacts/:id/edit. */
export function ContactEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const { messageOf } = useErrorMessages();
  const entry = useQuery(id ? `contact:${id}` : null, () => contactsApi.get(id ?? ''));
  usePageTitle(id ? t('contacts.editor.editTitle') : t('contacts.editor.newTitle'));

  if (id) {
    if (entry.isLoading && !entry.data) return <PageSpinner label={t('common.loading')} />;
    if (entry.error || !entry.data) {
      return (
        <>
          <PageHeader title={t('contacts.editor.editTitle')} />
          <Alert tone="danger">{entry.error ? messageOf(entry.error) : t('errors.unexpected_error')}</Alert>
        </>
      );
    }
    return <ContactEditor key={entry.data.id} orgId={entry.data.org.id} contact={entry.data} />;
  }
  return <NewContact requestedOrgId={searchParams.get('orgId') ?? ''} />;
}

/** A nomination needs its organization: from `?orgId=`, or chosen among those the user manages. */
function NewContact({ requestedOrgId }: { requestedOrgId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organizations = manageableOrganizations(user);
  const [chosen, setChosen] = useState(
    organizations.length === 1 ? (organizations[0]?.organizationId ?? '') : '',
  );
  const orgId = requestedOrgId || chosen;
  if (orgId) return <ContactEditor key={orgId} orgId={orgId} />;
  return (
    <>
      <PageHeader title={t('contacts.editor.newTitle')} description={t('contacts.editor.newIntro')} />
      {organizations.length === 0 ? (
        <Alert tone="warning">{t('contacts.editor.noOrganization')}</Alert>
      ) : (
        <Card>
          <Select
            label={t('contacts.editor.organization')}
            value={chosen}
            onChange={setChosen}
            options={organizations.map((membership) => ({
              value: membership.organizationId,
              label: membership.organizationName,
            }))}
            emptyOption={t('common.choose')}
          />
        </Card>
      )}
    </>
  );
}

/** The browser's IANA time zones, with UTC, sorted; the entry's own zone stays selectable. */
function timeZoneOptions(current: string) {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set([...zones, 'UTC']);
  if (current) all.add(current);
  return [...all].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

const browserTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
};

type EditorProps = { orgId: string; contact?: Contact };

function ContactEditor({ orgId, contact }: EditorProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const contactError = useContactErrorMessage();
  const { roleLabel, serviceLabel, serviceDescription } = usePocCodes();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const weekdays = useWeekdayNames(locale, 'long');
  const servicesId = useId();

  const canManage = canManageContactsOf(user, orgId);
  const isHolderOnly = !canManage && contact !== undefined && isHolderOf(user, contact);
  const mayEdit = canManage || isHolderOnly;

  const [userId, setUserId] = useState(contact?.holder.id ?? '');
  const [role, setRole] = useState<PocRole | ''>(contact?.role ?? '');
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.channels.email ?? '');
  const [phone, setPhone] = useState(contact?.channels.phone ?? '');
  const [hotline, setHotline] = useState(contact?.channels.hotline ?? '');
  const [messenger, setMessenger] = useState(contact?.channels.messenger ?? '');
  const [languages, setLanguages] = useState<string[]>(contact?.languages ?? []);
  const [timeZone, setTimeZone] = useState(contact?.timeZone ?? browserTimeZone());
  const [hasHours, setHasHours] = useState(contact ? contact.workingHours !== null : true);
  const [days, setDays] = useState<number[]>(contact?.workingHours?.days ?? [1, 2, 3, 4, 5]);
  const [start, setStart] = useState(contact?.workingHours?.start ?? '09:00');
  const [end, setEnd] = useState(contact?.workingHours?.end ?? '17:00');
  const [key, setKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [services, setServices] = useState<PocService[]>(contact?.services ?? []);

  const members = useQuery(canManage ? `org-members:${orgId}` : null, () =>
    call(
      api.GET('/api/v1/organizations/{id}/members', {
        params: { path: { id: orgId }, query: { limit: 100 } },
      }),
    ),
  );

  const save = useAction(async () => {
    const fields: EditBody = {
      email: email.trim(),
      phone: phone.trim() || null,
      hotline: hotline.trim() || null,
      messenger: messenger.trim() || null,
      languages,
      timeZone,
      workingHours: hasHours ? { days: [...days].sort(), start, end } : null,
      services,
    };
    if (!isHolderOnly) {
      fields.userId = userId;
      if (role) fields.role = role;
      fields.name = name.trim();
    }
    if (key.trim()) fields.openpgpKey = key.trim();
    else if (removeKey) fields.openpgpKey = null;
    if (contact) return contactsApi.update(contact.id, fields);
    return contactsApi.create({
      ...fields,
      orgId,
      userId,
      role: role as PocRole,
      name: name.trim(),
    } as NominateBody);
  });
  const remove = useConfirmedAction((target: Contact) => contactsApi.remove(target.id));

  const error: ApiError | undefined = save.error;
  const fieldErrors = fieldErrorsOf(error);
  if (error && isContactErrorCode(error.code)) {
    const field = CONTACT_ERROR_FIELDS[error.code];
    if (field) fieldErrors[field] = contactError(error);
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run();
    if (!saved) return;
    toast(contact ? t('contacts.editor.saved') : t('contacts.editor.created'));
    navigate(contactPath(saved.id));
  };
  const onDelete = async () => {
    const done = await remove.confirm();
    if (!done) return;
    toast(t('contacts.editor.deleted'));
    navigate(directoryPath());
  };

  const title = contact ? t('contacts.editor.editTitle') : t('contacts.editor.newTitle');
  if (!mayEdit) {
    return (
      <>
        <PageHeader title={title} />
        <Alert tone="warning">{t('contacts.editor.notAllowed')}</Alert>
      </>
    );
  }
  const memberOptions = (members.data?.items ?? []).map((member) => ({
    value: member.userId,
    label: `${member.displayName} (${member.email})`,
  }));
  if (contact && !memberOptions.some((option) => option.value === contact.holder.id)) {
    memberOptions.unshift({ value: contact.holder.id, label: contact.holder.displayName });
  }
  const toggle = <T,>(list: T[], value: T, isOn: boolean) =>
    isOn ? [...list.filter((entry) => entry !== value), value] : list.filter((entry) => entry !== value);

  return (
    <>
      <nav aria-label={t('contacts.breadcrumb')} className="cg-poc-breadcrumb">
        <Link to={directoryPath()}>{t('contacts.title')}</Link>
        {contact && (
          <>
            {' / '}
            <Link to={contactPath(contact.id)}>
              <bdi>{contact.name}</bdi>
            </Link>
          </>
        )}
      </nav>
      <PageHeader
        title={title}
        description={contact ? <bdi>{contact.org.name}</bdi> : t('contacts.editor.newIntro')}
      />
      <Card>
        <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
          {error &&
            (isContactErrorCode(error.code) ? (
              <Alert tone="danger" title={t('common.errorTitle')} isLive>
                <p>{contactError(error)}</p>
              </Alert>
            ) : (
              <FormErrorAlert error={error} />
            ))}
          {contact && <p className="cg-muted">{t('contacts.editor.savingConfirms')}</p>}

          {!isHolderOnly && (
            <fieldset className="cg-fieldset cg-stack">
              <legend>{t('contacts.editor.sectionWho')}</legend>
              <Select
                label={t('contacts.editor.holder')}
                hint={t('contacts.editor.holderHint')}
                value={userId}
                onChange={setUserId}
                options={memberOptions}
                emptyOption={members.isLoading ? t('common.loading') : t('common.choose')}
                required
                error={fieldErrors.userId}
              />
              <Select
                label={t('contacts.editor.role')}
                hint={t('contacts.editor.roleHint')}
                value={role}
                onChange={(value) => setRole(value as PocRole | '')}
                options={POC_ROLES.map((code) => ({ value: code, label: roleLabel(code) }))}
                emptyOption={t('common.choose')}
                required
                error={fieldErrors.role}
              />
              <TextField
                label={t('contacts.editor.name')}
                hint={t('contacts.editor.nameHint')}
                value={name}
                onChange={setName}
                required
                maxLength={200}
                dir="auto"
                error={fieldErrors.name}
              />
            </fieldset>
          )}

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('contacts.editor.sectionChannels')}</legend>
            <TextField
              label={t('contacts.editor.email')}
              hint={t('contacts.editor.emailHint')}
              type="email"
              value={email}
              onChange={setEmail}
              required
              maxLength={254}
              dir="ltr"
              autoComplete="off"
              error={fieldErrors.email}
            />
            <div className="cg-form-row">
              <TextField
                label={t('contacts.editor.phone')}
                labelNote={t('common.optional')}
                hint={t('contacts.editor.phoneHint')}
                type="tel"
                value={phone}
                onChange={setPhone}
                maxLength={200}
                dir="ltr"
                error={fieldErrors.phone}
              />
              <TextField
                label={t('contacts.editor.hotline')}
                labelNote={t('common.optional')}
                hint={t('contacts.editor.hotlineHint')}
                type="tel"
                value={hotline}
                onChange={setHotline}
                maxLength={200}
                dir="ltr"
                error={fieldErrors.hotline}
              />
            </div>
            <TextField
              label={t('contacts.editor.messenger')}
              labelNote={t('common.optional')}
              hint={t('contacts.editor.messengerHint')}
              value={messenger}
              onChange={setMessenger}
              maxLength={200}
              dir="auto"
              error={fieldErrors.messenger}
            />
          </fieldset>

          <LanguageTagInput
            label={t('contacts.editor.languages')}
            hint={t('contacts.editor.languagesHint')}
            tags={languages}
            onChange={setLanguages}
            error={fieldErrors.languages}
          />

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('contacts.editor.sectionHours')}</legend>
            <Select
              label={t('contacts.editor.timeZone')}
              hint={t('contacts.editor.timeZoneHint')}
              value={timeZone}
              onChange={setTimeZone}
              options={timeZoneOptions(timeZone)}
              required
              dir="ltr"
              error={fieldErrors.timeZone}
            />
            <Checkbox
              label={t('contacts.editor.hasHours')}
              hint={t('contacts.editor.hasHoursHint')}
              checked={hasHours}
              onChange={setHasHours}
            />
            {hasHours && (
              <>
                <fieldset className="cg-poc-days-fieldset">
                  <legend className="cg-label">{t('contacts.editor.days')}</legend>
                  <div className="cg-poc-days">
                    {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                      <Checkbox
                        key={day}
                        label={weekdays[day - 1] ?? String(day)}
                        checked={days.includes(day)}
                        onChange={(isOn) => setDays(toggle(days, day, isOn))}
                      />
                    ))}
                  </div>
                </fieldset>
                <div className="cg-form-row">
                  <TextField
                    label={t('contacts.editor.start')}
                    type="time"
                    value={start}
                    onChange={setStart}
                    required
                    dir="ltr"
                    error={fieldErrors.start}
                  />
                  <TextField
                    label={t('contacts.editor.end')}
                    type="time"
                    value={end}
                    onChange={setEnd}
                    required
                    dir="ltr"
                    error={fieldErrors.end ?? fieldErrors.workingHours ?? fieldErrors.days}
                  />
                </div>
                <p className="cg-hint">{t('contacts.editor.endHint')}</p>
              </>
            )}
          </fieldset>

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('contacts.editor.sectionKey')}</legend>
            {contact?.openpgp && (
              <div className="cg-stack-tight">
                <span>{t('contacts.editor.currentKey')}</span>
                <Fingerprint value={contact.openpgp.fingerprint} />
                <Checkbox
                  label={t('contacts.editor.removeKey')}
                  checked={removeKey}
                  onChange={setRemoveKey}
                  disabled={key.trim() !== ''}
                />
              </div>
            )}
            <TextArea
              label={contact?.openpgp ? t('contacts.editor.replaceKey') : t('contacts.editor.key')}
              labelNote={t('common.optional')}
              hint={t('contacts.editor.keyHint')}
              value={key}
              onChange={setKey}
              rows={8}
              dir="ltr"
              spellCheck={false}
              className="cg-poc-key-field"
              placeholder="-----BEGIN PGP PUBLIC KEY BLOCK-----"
              error={fieldErrors.openpgpKey}
            />
          </fieldset>

          <fieldset className="cg-fieldset" aria-describedby={servicesId}>
            <legend>{t('contacts.editor.services')}</legend>
            <div className="cg-hint" id={servicesId}>
              {t('contacts.editor.servicesHint')}
            </div>
            <div className="cg-checkbox-group cg-poc-services">
              {SERVICE_CODES.map((code) => (
                <Checkbox
                  key={code}
                  label={serviceLabel(code)}
                  hint={serviceDescription(code)}
                  checked={services.includes(code)}
                  onChange={(isOn) => setServices(toggle(services, code, isOn))}
                />
              ))}
            </div>
            {fieldErrors.services && <div className="cg-field-error">{fieldErrors.services}</div>}
          </fieldset>

          <div className="cg-cluster">
            <Button type="submit" isBusy={save.isBusy}>
              {contact ? t('contacts.editor.save') : t('contacts.editor.create')}
            </Button>
            <ButtonLink to={contact ? contactPath(contact.id) : directoryPath()} variant="secondary">
              {t('common.cancel')}
            </ButtonLink>
            {contact && canManage && (
              <Button variant="danger" onClick={() => remove.ask(contact)} className="cg-poc-delete">
                {t('contacts.editor.delete')}
              </Button>
            )}
          </div>
        </form>
      </Card>
      <ConfirmDialog
        isOpen={remove.target !== undefined}
        title={t('contacts.editor.deleteTitle')}
        confirmLabel={t('contacts.editor.delete')}
        cancelLabel={t('common.cancel')}
        isDanger
        isBusy={remove.isBusy}
        error={remove.error ? contactError(remove.error) : undefined}
        onConfirm={onDelete}
        onClose={remove.close}
      >
        <p>{t('contacts.editor.deleteText', { name: contact?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
