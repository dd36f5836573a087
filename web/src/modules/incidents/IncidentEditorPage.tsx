import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { translateDynamic } from '../../lib/translate.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Button, ButtonLink, PageHeader, PageSpinner, Select, TextArea } from '../../ui/index.ts';
import { useIncidentErrors } from './errors.ts';
import {
  checkIncidentForm,
  createBodyOf,
  emptyIncidentForm,
  type FormProblems,
  fieldOfProblem,
  type IncidentForm,
  incidentFormOf,
  updateBodyOf,
} from './form.ts';
import { isolate } from './format.tsx';
import {
  AudienceFields,
  BasicsFields,
  EditorSection,
  HarmFields,
  ImpactFields,
  NormAndLawFields,
  ResponseFields,
  SourceFields,
  TargetFields,
} from './IncidentFormFields.tsx';
import { createIncident, getIncident, updateIncident } from './incidentsApi.ts';
import { EditorialStateBadge } from './labels.tsx';
import { incidentPath, incidentsPath } from './paths.ts';
import type { Incident } from './types.ts';
import './incidents.css';

/** /incidents/new: a new draft, for members of verified organizations. */
export function NewIncidentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('incidentEditor.newTitle'));
  const organizations = user.memberships.filter((membership) => membership.isOrgVerified);
  if (organizations.length === 0) {
    return (
      <>
        <PageHeader title={t('incidentEditor.newTitle')} />
        <Alert tone="info" title={t('incidentEditor.verifiedOnlyTitle')}>
          <p>{t('incidentEditor.verifiedOnlyText')}</p>
          <Link to="/organizations">{t('incidentEditor.toOrganizations')}</Link>
        </Alert>
      </>
    );
  }
  return (
    <IncidentEditor
      organizations={organizations.map((m) => ({ id: m.organizationId, name: m.organizationName }))}
    />
  );
}

/** /incidents/:id/edit: the editor of a record's own organization; on a published record, a correction. */
export function EditIncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { messageOfError } = useIncidentErrors();
  const query = useQuery(`incident-edit:${id}`, () => getIncident(id));
  usePageTitle(
    query.data
      ? t('incidentEditor.editTitle', { title: query.data.title })
      : t('incidentEditor.editPageTitle'),
  );
  if (query.error) {
    return (
      <>
        <PageHeader title={t('incidentEditor.editPageTitle')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{messageOfError(query.error)}</p>
          <Link to={incidentsPath()}>{t('incidents.page.backToList')}</Link>
        </Alert>
      </>
    );
  }
  if (!query.data) return <PageSpinner label={t('common.loading')} />;
  if (!query.data.permissions.canEdit) {
    return (
      <>
        <PageHeader title={t('incidentEditor.editPageTitle')} />
        <Alert tone="warning" title={t('incidentEditor.cannotEditTitle')}>
          <p>
            {query.data.editorialState === 'withdrawn'
              ? t('incidentEditor.withdrawnText')
              : t('incidentEditor.cannotEditText')}
          </p>
          <Link to={incidentPath(query.data.id)}>{t('incidentEditor.backToIncident')}</Link>
        </Alert>
      </>
    );
  }
  return <IncidentEditor incident={query.data} />;
}

type EditorProps =
  | { incident: Incident; organizations?: undefined }
  | { incident?: undefined; organizations: { id: string; name: string }[] };

function IncidentEditor({ incident, organizations }: EditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { messageOfError, messageOfProblem, fieldMessagesOf } = useIncidentErrors();
  const [initial] = useState<IncidentForm>(() =>
    incident
      ? incidentFormOf(incident)
      : emptyIncidentForm(organizations.length === 1 ? organizations[0]?.id : ''),
  );
  const [form, setForm] = useState<IncidentForm>(() => structuredClone(initial));
  const [correction, setCorrection] = useState('');
  const [problems, setProblems] = useState<FormProblems>({});
  const [isUnchanged, setIsUnchanged] = useState(false);
  // One key per attempt to record: a double click or a retry after a lost answer records one draft.
  const idempotencyKey = useRef(crypto.randomUUID());
  const summary = useRef<HTMLDivElement>(null);
  const isPublished = incident?.editorialState === 'published';

  const save = useAction(async () => {
    if (!incident) {
      try {
        return await createIncident(createBodyOf(form), idempotencyKey.current);
      } catch (error) {
        // A refusal created nothing, and the server keeps its answer under the key: the corrected form
        // goes out under a new one. After a lost answer (no status) the key stays, so a retry cannot record twice.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500)
          idempotencyKey.current = crypto.randomUUID();
        throw error;
      }
    }
    const body = updateBodyOf(initial, form, isPublished ? correction : '');
    return body ? updateIncident(incident.id, body) : incident;
  });
  const apiMessages = fieldMessagesOf(save.error);
  const errorOf = (key: string) => {
    const problem = problems[key];
    return problem ? messageOfProblem(problem) : apiMessages[key];
  };
  const set = (patch: Partial<IncidentForm>) => {
    setIsUnchanged(false);
    setForm((current) => ({ ...current, ...patch }));
  };

  useEffect(() => {
    if (save.error) summary.current?.focus();
  }, [save.error]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkIncidentForm(form, { needsCorrection: isPublished && !correction.trim() });
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    if (incident && updateBodyOf(initial, form, '') === null) {
      setIsUnchanged(true);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const saved = await save.run();
    if (!saved) return;
    toast(incident ? t('incidentEditor.saved') : t('incidentEditor.created'));
    navigate(incidentPath(saved.id));
  };

  // The sections with a problem, named in the summary so a long form says where to look.
  const sectionsWithProblems = [
    ...new Set([...Object.keys(problems), ...Object.keys(apiMessages)].map(fieldOfProblem)),
  ];
  const title = incident
    ? t('incidentEditor.editTitle', { title: isolate(incident.title) })
    : t('incidentEditor.newTitle');
  return (
    <>
      <nav aria-label={t('incidents.page.breadcrumb')} className="cg-small">
        {incident ? (
          <Link to={incidentPath(incident.id)}>{t('incidentEditor.backToIncident')}</Link>
        ) : (
          <Link to={incidentsPath()}>{t('incidents.page.backToList')}</Link>
        )}
      </nav>
      <PageHeader
        title={<span dir="auto">{title}</span>}
        description={incident ? undefined : t('incidentEditor.newIntro')}
        meta={incident && <EditorialStateBadge state={incident.editorialState} />}
      />
      <form className="cg-stack cg-inc-editor" onSubmit={onSubmit} noValidate>
        <div ref={summary} tabIndex={-1} className="cg-inc-summary">
          {Object.keys(problems).length > 0 && (
            <Alert tone="danger" title={t('common.errorTitle')} isLive>
              <p>{t('incidentEditor.fixProblems')}</p>
              <SectionLinks fields={sectionsWithProblems} />
            </Alert>
          )}
          {save.error && (
            <Alert tone="danger" title={t('common.errorTitle')} isLive>
              <p>{messageOfError(save.error)}</p>
              <SectionLinks fields={sectionsWithProblems} />
            </Alert>
          )}
          {isUnchanged && (
            <Alert tone="info" isLive>
              {t('incidentEditor.nothingChanged')}
            </Alert>
          )}
        </div>
        {isPublished && (
          <Alert tone="warning" title={t('incidentEditor.publishedTitle')}>
            <p>{t('incidentEditor.publishedText')}</p>
          </Alert>
        )}
        {organizations && organizations.length > 1 && (
          <EditorSection id="organization" title={t('incidentEditor.sections.organization')}>
            <Select
              label={t('incidents.fields.organization')}
              hint={t('incidentEditor.fields.organizationHint')}
              value={form.orgId}
              onChange={(orgId) => set({ orgId })}
              emptyOption={t('common.choose')}
              options={organizations.map((org) => ({ value: org.id, label: org.name }))}
              required
              error={errorOf('orgId')}
            />
          </EditorSection>
        )}
        <BasicsFields form={form} set={set} errorOf={errorOf} />
        <TargetFields form={form} set={set} errorOf={errorOf} />
        <ImpactFields form={form} set={set} errorOf={errorOf} />
        <HarmFields form={form} set={set} errorOf={errorOf} />
        <ResponseFields form={form} set={set} errorOf={errorOf} />
        <NormAndLawFields form={form} set={set} errorOf={errorOf} />
        <SourceFields form={form} set={set} errorOf={errorOf} />
        <AudienceFields form={form} set={set} errorOf={errorOf} />
        {isPublished && (
          <EditorSection id="correction" title={t('incidentEditor.sections.correction')}>
            <TextArea
              label={t('incidentEditor.correction.label')}
              hint={t('incidentEditor.correction.hint')}
              value={correction}
              onChange={setCorrection}
              rows={4}
              maxLength={2000}
              required
              dir="auto"
              error={errorOf('correction')}
            />
          </EditorSection>
        )}
        {incident && !isPublished && <p className="cg-hint">{t('incidentEditor.attributionsElsewhere')}</p>}
        <div className="cg-cluster">
          <Button type="submit" isBusy={save.isBusy}>
            {incident
              ? isPublished
                ? t('incidentEditor.saveCorrection')
                : t('incidentEditor.save')
              : t('incidentEditor.create')}
          </Button>
          <ButtonLink to={incident ? incidentPath(incident.id) : incidentsPath()} variant="secondary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}

const SECTION_OF_FIELD: Record<string, string> = {
  orgId: 'organization',
  title: 'basics',
  description: 'basics',
  startedOn: 'basics',
  endedOn: 'basics',
  status: 'basics',
  types: 'basics',
  countries: 'targets',
  sectors: 'targets',
  victims: 'targets',
  impacts: 'impacts',
  harm: 'harm',
  responses: 'responses',
  norms: 'norms',
  lawQuestions: 'norms',
  sources: 'sources',
  tlp: 'audience',
  visibility: 'audience',
  participantOrgIds: 'audience',
  participantUserIds: 'audience',
  correction: 'correction',
};

/** Links to the parts of the form that need attention. */
function SectionLinks({ fields }: { fields: string[] }) {
  const { t } = useTranslation();
  const sections = [...new Set(fields.map((field) => SECTION_OF_FIELD[field]).filter(Boolean))] as string[];
  if (sections.length === 0) return null;
  return (
    <ul className="cg-inc-plain-list">
      {sections.map((section) => (
        <li key={section}>
          <a href={`#incident-${section}`}>
            {translateDynamic(t, `incidentEditor.sections.${section}`, section)}
          </a>
        </li>
      ))}
    </ul>
  );
}
