import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/errors.ts';
import type { Membership } from '../../../api/types.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useLanguageNames, useUiLanguage } from '../../../lib/localized.ts';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  ConfirmDialog,
  PageHeader,
  PageSpinner,
  Select,
  TextArea,
  TextField,
} from '../../../ui/index.ts';
import { ChoiceGroup } from '../shared/ChoiceGroup.tsx';
import { useDayCount, useDisclosureLabels } from '../shared/codes.ts';
import {
  type CreateProgramBody,
  DISCLOSURE_DAY_PRESETS,
  DISCLOSURE_POLICIES,
  type DisclosureDays,
  type DisclosurePolicy,
  type Program,
  type ProgramStatus,
  SAFE_HARBOR_LEVELS,
  type SafeHarbor,
  type UpdateProgramBody,
} from '../shared/types.ts';
import { LanguagesFieldset, StatusPanel } from './EditorParts.tsx';
import { useFieldErrors, useProgramErrorMessage } from './errors.ts';
import { KeyFieldset, PRIVATE_KEY_ARMOR } from './KeyFieldset.tsx';
import { linesOf, parseLanguageTags, UN_LANGUAGE_TAGS } from './languages.ts';
import { programPath, programsPath } from './paths.ts';
import { createProgram, getProgram, updateProgram } from './programsApi.ts';
import './programs.css';

const MAX_SCOPE_LINES = 50;
const MAX_SCOPE_LINE = 500;
const MAX_LANGUAGES = 10;
const DAY_LIMITS = { acknowledgeDays: 30, triageDays: 90, resolveDays: 365 } as const;
type TargetField = keyof typeof DAY_LIMITS;

/** /disclose/new and /disclose/:id/edit: the terms of a program, from which the server writes its policy. */
export function ProgramEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const language = useUiLanguage();
  const errorMessage = useProgramErrorMessage();
  const program = useQuery(id ? `disclosure-program-edit:${id}` : null, () => getProgram(id ?? '', language));
  usePageTitle(id ? t('disclosurePrograms.editor.editTitle') : t('disclosurePrograms.editor.newTitle'));

  if (!id) return <ProgramEditor program={undefined} onSaved={() => undefined} />;
  if (program.error) {
    return (
      <>
        <PageHeader title={t('disclosurePrograms.editor.editTitle')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{errorMessage(program.error)}</p>
        </Alert>
      </>
    );
  }
  if (!program.data) return <PageSpinner label={t('common.loading')} />;
  if (!program.data.canManage) {
    return (
      <>
        <PageHeader title={t('disclosurePrograms.editor.editTitle')} />
        <Alert tone="warning" title={t('disclosurePrograms.editor.notAdminTitle')}>
          <p>{t('disclosurePrograms.errors.forbidden')}</p>
          <Link to={programPath(program.data.id)}>{t('disclosurePrograms.backToProgram')}</Link>
        </Alert>
      </>
    );
  }
  return <ProgramEditor program={program.data} onSaved={program.setData} />;
}

type Draft = {
  orgId: string;
  name: string;
  scopeIn: string;
  scopeOut: string;
  safeHarbor: SafeHarbor | '';
  disclosurePolicy: DisclosurePolicy;
  disclosureDays: DisclosureDays;
  acknowledgeDays: string;
  triageDays: string;
  resolveDays: string;
  unLanguages: string[];
  otherLanguages: string;
  acceptsAnonymous: boolean;
  offersCredit: boolean;
  key: string;
  removeKey: boolean;
};

function draftOf(program: Program | undefined, orgId: string, uiLanguage: string): Draft {
  if (!program) {
    return {
      orgId,
      name: '',
      scopeIn: '',
      scopeOut: '',
      safeHarbor: '',
      disclosurePolicy: 'coordinated',
      disclosureDays: 45,
      acknowledgeDays: '3',
      triageDays: '10',
      resolveDays: '90',
      unLanguages: uiLanguage === 'en' ? ['en'] : [uiLanguage, 'en'],
      otherLanguages: '',
      acceptsAnonymous: true,
      offersCredit: true,
      key: '',
      removeKey: false,
    };
  }
  const isUn = (tag: string) => (UN_LANGUAGE_TAGS as readonly string[]).includes(tag);
  return {
    orgId: program.orgId,
    name: program.name,
    scopeIn: program.scopeIn.join('\n'),
    scopeOut: program.scopeOut.join('\n'),
    safeHarbor: program.safeHarbor as SafeHarbor,
    disclosurePolicy: program.disclosurePolicy as DisclosurePolicy,
    disclosureDays: program.disclosureDays as DisclosureDays,
    acknowledgeDays: String(program.responseTargets.acknowledgeDays),
    triageDays: String(program.responseTargets.triageDays),
    resolveDays: String(program.responseTargets.resolveDays),
    unLanguages: program.languages.filter(isUn),
    otherLanguages: program.languages.filter((tag) => !isUn(tag)).join(', '),
    acceptsAnonymous: program.acceptsAnonymous,
    offersCredit: program.offersCredit,
    key: '',
    removeKey: false,
  };
}

/** Admin memberships of verified organizations first: those are the ones that may publish. */
function orderedMemberships(memberships: readonly Membership[]): Membership[] {
  const rank = (m: Membership) => (m.role === 'org_admin' ? 0 : 2) + (m.isOrgVerified ? 0 : 1);
  return [...memberships].sort(
    (a, b) => rank(a) - rank(b) || a.organizationName.localeCompare(b.organizationName),
  );
}

function ProgramEditor({
  program,
  onSaved,
}: {
  program: Program | undefined;
  onSaved: (program: Program) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const uiLanguage = useUiLanguage();
  const languageName = useLanguageNames();
  const labels = useDisclosureLabels();
  const days = useDayCount();
  const errorMessage = useProgramErrorMessage();
  const fieldErrorsOf = useFieldErrors({
    invalid_openpgp_key: 'openpgpKey',
    invalid_language_tag: 'languages',
  });
  const memberships = orderedMemberships(user.memberships);
  const firstAdmin = memberships.find((m) => m.role === 'org_admin' && m.isOrgVerified);
  const [draft, setDraft] = useState<Draft>(() =>
    draftOf(program, firstAdmin?.organizationId ?? '', uiLanguage),
  );
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [isRetireOpen, setIsRetireOpen] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const errorSummary = useRef<HTMLDivElement>(null);
  const publishIntent = useRef(true);

  const set = <K extends keyof Draft>(name: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [name]: value }));

  const languagesOf = () => {
    const others = parseLanguageTags(draft.otherLanguages);
    return { tags: [...new Set([...draft.unLanguages, ...others.tags])], invalid: others.invalid };
  };

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    const required = t('disclosurePrograms.editor.required');
    if (!program && !draft.orgId) errors.orgId = required;
    if (!draft.name.trim()) errors.name = required;
    else if (draft.name.trim().length > 200)
      errors.name = t('disclosurePrograms.editor.tooLong', { max: 200 });
    const scopeIn = linesOf(draft.scopeIn);
    const scopeOut = linesOf(draft.scopeOut);
    if (scopeIn.length === 0) errors.scopeIn = t('disclosurePrograms.editor.scopeInRequired');
    for (const [field, lines] of [
      ['scopeIn', scopeIn],
      ['scopeOut', scopeOut],
    ] as const) {
      if (lines.length > MAX_SCOPE_LINES)
        errors[field] = t('disclosurePrograms.editor.tooManyLines', { max: MAX_SCOPE_LINES });
      else if (lines.some((line) => line.length > MAX_SCOPE_LINE))
        errors[field] = t('disclosurePrograms.editor.lineTooLong', { max: MAX_SCOPE_LINE });
    }
    if (!draft.safeHarbor) errors.safeHarbor = t('disclosurePrograms.editor.chooseOne');
    for (const field of Object.keys(DAY_LIMITS) as TargetField[]) {
      const value = Number(draft[field]);
      if (!Number.isInteger(value) || value < 1 || value > DAY_LIMITS[field])
        errors[field] = t('disclosurePrograms.editor.daysRange', { max: DAY_LIMITS[field] });
    }
    const languages = languagesOf();
    if (languages.invalid.length > 0)
      errors.languages = t('disclosurePrograms.editor.invalidTags', { tags: languages.invalid.join(', ') });
    else if (languages.tags.length === 0) errors.languages = t('disclosurePrograms.editor.languageRequired');
    else if (languages.tags.length > MAX_LANGUAGES)
      errors.languages = t('disclosurePrograms.editor.tooManyLanguages', { max: MAX_LANGUAGES });
    if (draft.key.includes(PRIVATE_KEY_ARMOR)) errors.openpgpKey = t('disclosurePrograms.editor.privateKey');
    return errors;
  };

  const terms = () => ({
    name: draft.name.trim(),
    scopeIn: linesOf(draft.scopeIn),
    scopeOut: linesOf(draft.scopeOut),
    safeHarbor: draft.safeHarbor as SafeHarbor,
    disclosurePolicy: draft.disclosurePolicy,
    disclosureDays: draft.disclosureDays,
    acknowledgeDays: Number(draft.acknowledgeDays),
    triageDays: Number(draft.triageDays),
    resolveDays: Number(draft.resolveDays),
    languages: languagesOf().tags,
    acceptsAnonymous: draft.acceptsAnonymous,
    offersCredit: draft.offersCredit,
  });

  const save = useAction(async (publish: boolean) => {
    if (!program) {
      const body: CreateProgramBody = {
        orgId: draft.orgId,
        ...terms(),
        openpgpKey: draft.key.trim() || null,
        publish,
      };
      return createProgram(body, idempotencyKey);
    }
    const body: UpdateProgramBody = { ...terms() };
    if (draft.key.trim()) body.openpgpKey = draft.key.trim();
    else if (draft.removeKey) body.openpgpKey = null;
    return updateProgram(program.id, body);
  });
  const changeStatus = useAction((status: ProgramStatus) => {
    if (!program) throw new ApiError(0, 'unexpected_error');
    return updateProgram(program.id, { status });
  });
  const serverErrors = fieldErrorsOf(save.error);
  const fieldError = (name: string) => clientErrors[name] ?? serverErrors[name];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isBusy) return;
    const errors = validate();
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() => errorSummary.current?.focus());
      return;
    }
    const saved = await save.run(publishIntent.current);
    if (!saved) {
      requestAnimationFrame(() => errorSummary.current?.focus());
      return;
    }
    toast(
      program
        ? t('disclosurePrograms.editor.saved')
        : saved.status === 'published'
          ? t('disclosurePrograms.editor.published')
          : t('disclosurePrograms.editor.draftSaved'),
    );
    onSaved(saved);
    navigate(programPath(saved.id));
  };

  const onStatus = async (status: ProgramStatus) => {
    const changed = await changeStatus.run(status);
    if (!changed) return;
    setIsRetireOpen(false);
    onSaved(changed);
    toast(
      status === 'retired'
        ? t('disclosurePrograms.editor.retired')
        : t('disclosurePrograms.editor.published'),
    );
  };

  const errorCount = Object.keys(clientErrors).length;
  const noAdminMembership = !program && !firstAdmin;

  return (
    <>
      <PageHeader
        title={program ? t('disclosurePrograms.editor.editTitle') : t('disclosurePrograms.editor.newTitle')}
        description={t('disclosurePrograms.editor.intro')}
        actions={
          <ButtonLink to={program ? programPath(program.id) : programsPath()} variant="secondary">
            {t('common.cancel')}
          </ButtonLink>
        }
      />
      <div className="cg-stack">
        {noAdminMembership && (
          <Alert tone="warning" title={t('disclosurePrograms.editor.notAdminTitle')}>
            <p>
              {memberships.length === 0
                ? t('disclosurePrograms.editor.noMembership')
                : t('disclosurePrograms.errors.forbidden')}
            </p>
          </Alert>
        )}
        {program && (
          <StatusPanel
            program={program}
            isBusy={changeStatus.isBusy}
            error={changeStatus.error ? errorMessage(changeStatus.error) : undefined}
            onPublish={() => onStatus('published')}
            onRetire={() => setIsRetireOpen(true)}
          />
        )}
        <form className="cg-stack cg-vdp-editor" onSubmit={onSubmit} noValidate>
          <div ref={errorSummary} tabIndex={-1}>
            {errorCount > 0 && (
              <Alert
                tone="danger"
                title={t('disclosurePrograms.editor.fixErrors', { number: errorCount })}
                isLive
              />
            )}
            {save.error && errorCount === 0 && (
              <Alert tone="danger" title={t('common.errorTitle')} isLive>
                <p>{errorMessage(save.error)}</p>
              </Alert>
            )}
          </div>

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('disclosurePrograms.editor.sectionProgram')}</legend>
            {program ? (
              <p>
                <span className="cg-muted">{t('disclosurePrograms.fields.organization')}: </span>
                <bdi>{program.orgName}</bdi>
              </p>
            ) : (
              <Select
                label={t('disclosurePrograms.fields.organization')}
                hint={t('disclosurePrograms.editor.organizationHint')}
                value={draft.orgId}
                onChange={(value) => set('orgId', value)}
                emptyOption={t('common.choose')}
                error={fieldError('orgId')}
                required
                options={memberships.map((m) => ({
                  value: m.organizationId,
                  label:
                    m.role === 'org_admin' && m.isOrgVerified
                      ? m.organizationName
                      : `${m.organizationName} (${
                          m.isOrgVerified
                            ? t('disclosurePrograms.editor.notAdmin')
                            : t('disclosurePrograms.editor.notVerified')
                        })`,
                }))}
              />
            )}
            <TextField
              label={t('disclosurePrograms.fields.name')}
              hint={t('disclosurePrograms.editor.nameHint')}
              value={draft.name}
              onChange={(value) => set('name', value)}
              error={fieldError('name')}
              maxLength={200}
              required
              dir="auto"
            />
          </fieldset>

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('disclosurePrograms.scopeTitle')}</legend>
            <TextArea
              label={t('disclosurePrograms.fields.scopeIn')}
              hint={t('disclosurePrograms.editor.scopeInHint')}
              value={draft.scopeIn}
              onChange={(value) => set('scopeIn', value)}
              error={fieldError('scopeIn')}
              rows={5}
              required
              dir="auto"
              spellCheck={false}
            />
            <TextArea
              label={t('disclosurePrograms.fields.scopeOut')}
              labelNote={t('common.optional')}
              hint={t('disclosurePrograms.editor.scopeOutHint')}
              value={draft.scopeOut}
              onChange={(value) => set('scopeOut', value)}
              error={fieldError('scopeOut')}
              rows={3}
              dir="auto"
              spellCheck={false}
            />
          </fieldset>

          <ChoiceGroup
            legend={t('disclosurePrograms.fields.safeHarbor')}
            hint={t('disclosurePrograms.editor.safeHarborHint')}
            value={draft.safeHarbor}
            onChange={(value) => set('safeHarbor', value)}
            error={fieldError('safeHarbor')}
            choices={SAFE_HARBOR_LEVELS.map((level) => ({
              value: level,
              label: labels.safeHarbor(level),
              hint: t(`disclosurePrograms.safeHarborExplained.${level}`),
            }))}
          />

          <ChoiceGroup
            legend={t('disclosurePrograms.fields.disclosurePolicy')}
            value={draft.disclosurePolicy}
            onChange={(value) => set('disclosurePolicy', value)}
            error={fieldError('disclosurePolicy')}
            choices={DISCLOSURE_POLICIES.map((policy) => ({
              value: policy,
              label: labels.disclosurePolicy(policy),
              hint: t(`disclosurePrograms.policyExplained.${policy}`),
            }))}
          />

          <ChoiceGroup
            legend={t('disclosurePrograms.fields.disclosureDays')}
            hint={t('disclosurePrograms.editor.disclosureDaysHint')}
            value={String(draft.disclosureDays) as `${DisclosureDays}`}
            onChange={(value) => set('disclosureDays', Number(value) as DisclosureDays)}
            error={fieldError('disclosureDays')}
            isInline
            choices={DISCLOSURE_DAY_PRESETS.map((count) => ({
              value: String(count) as `${DisclosureDays}`,
              label: days(count),
            }))}
          />

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('disclosurePrograms.responseTargetsTitle')}</legend>
            <p className="cg-hint">{t('disclosurePrograms.editor.targetsHint')}</p>
            <div className="cg-vdp-days">
              {(Object.keys(DAY_LIMITS) as TargetField[]).map((field) => (
                <TextField
                  key={field}
                  label={t(`disclosurePrograms.fields.${field}`)}
                  hint={t('disclosurePrograms.editor.daysHint', { max: DAY_LIMITS[field] })}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={DAY_LIMITS[field]}
                  value={draft[field]}
                  onChange={(value) => set(field, value)}
                  error={fieldError(field)}
                  required
                />
              ))}
            </div>
          </fieldset>

          <LanguagesFieldset
            selected={draft.unLanguages}
            onSelected={(tags) => set('unLanguages', tags)}
            others={draft.otherLanguages}
            onOthers={(value) => set('otherLanguages', value)}
            error={fieldError('languages')}
            languageName={languageName}
          />

          <fieldset className="cg-fieldset cg-stack">
            <legend>{t('disclosurePrograms.editor.sectionReporters')}</legend>
            <Checkbox
              label={t('disclosurePrograms.editor.acceptsAnonymous')}
              hint={t('disclosurePrograms.editor.acceptsAnonymousHint')}
              checked={draft.acceptsAnonymous}
              onChange={(value) => set('acceptsAnonymous', value)}
            />
            <Checkbox
              label={t('disclosurePrograms.editor.offersCredit')}
              hint={t('disclosurePrograms.editor.offersCreditHint')}
              checked={draft.offersCredit}
              onChange={(value) => set('offersCredit', value)}
            />
          </fieldset>

          <KeyFieldset
            current={program?.openpgp ?? null}
            value={draft.key}
            onChange={(value) => set('key', value)}
            removeKey={draft.removeKey}
            onRemoveKey={(value) => set('removeKey', value)}
            error={fieldError('openpgpKey')}
          />

          <div className="cg-cluster">
            {program ? (
              <Button type="submit" isBusy={save.isBusy}>
                {t('disclosurePrograms.editor.saveChanges')}
              </Button>
            ) : (
              <>
                <Button type="submit" isBusy={save.isBusy} onClick={() => (publishIntent.current = true)}>
                  {t('disclosurePrograms.editor.publish')}
                </Button>
                <Button
                  type="submit"
                  variant="secondary"
                  disabled={save.isBusy}
                  onClick={() => (publishIntent.current = false)}
                >
                  {t('disclosurePrograms.editor.saveDraft')}
                </Button>
              </>
            )}
          </div>
        </form>
      </div>
      {program && (
        <ConfirmDialog
          isOpen={isRetireOpen}
          title={t('disclosurePrograms.editor.retireTitle')}
          confirmLabel={t('disclosurePrograms.editor.retire')}
          cancelLabel={t('common.cancel')}
          isDanger
          isBusy={changeStatus.isBusy}
          error={changeStatus.error ? errorMessage(changeStatus.error) : undefined}
          onConfirm={() => void onStatus('retired')}
          onClose={() => setIsRetireOpen(false)}
        >
          <p>{t('disclosurePrograms.editor.retireText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
