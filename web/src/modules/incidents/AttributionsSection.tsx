import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { Alert, Button, Card, Select, TextArea, TextField } from '../../ui/index.ts';
import {
  type AttributionForm,
  attributionBodyOf,
  attributionFormOf,
  checkAttributionForm,
  emptyAttributionForm,
} from './attributionForm.ts';
import { ACTOR_KINDS, ATTRIBUTION_BASES, ATTRIBUTOR_KINDS, CONFIDENCE_LEVELS } from './codes.ts';
import { CountrySelect, SourceRows } from './EditorParts.tsx';
import { useIncidentErrors } from './errors.ts';
import type { FormProblems } from './form.ts';
import { Day, isolate, useIncidentFormat } from './format.tsx';
import { PlainText } from './IncidentSections.tsx';
import { addAttribution, removeAttribution, replaceAttribution } from './incidentsApi.ts';
import { useIncidentLabels } from './labels.tsx';
import { actorIncidentsPath } from './paths.ts';
import { SourceList } from './SourceList.tsx';
import type { Attribution, Incident } from './types.ts';

type Editing = { mode: 'new' } | { mode: 'edit'; attribution: Attribution } | null;

/**
 * Attributions as separate records: who attributed the incident, when, on what basis, to which actor, with
 * what confidence and sources. Editors add, correct and remove them here; on a published record each change
 * carries a public note.
 */
export function AttributionsSection({
  incident,
  onChanged,
}: {
  incident: Incident;
  onChanged: (incident: Incident) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const [removalNote, setRemovalNote] = useState('');
  const isPublished = incident.editorialState === 'published';
  const canEdit = incident.permissions.canEdit;
  const removal = useConfirmedAction((attribution: Attribution) =>
    removeAttribution(incident.id, attribution.id, isPublished ? removalNote.trim() : undefined),
  );
  const { messageOfProblem } = useIncidentErrors();
  const [removalProblem, setRemovalProblem] = useState<string>();

  const confirmRemoval = async () => {
    if (isPublished && !removalNote.trim()) {
      setRemovalProblem(messageOfProblem('correctionRequired'));
      return;
    }
    const done = await removal.confirm();
    if (!done) return;
    onChanged(done.result);
    setRemovalNote('');
    toast(t('incidents.attributions.removed'));
  };

  return (
    <Card
      title={t('incidents.attributions.title')}
      description={t('incidents.attributions.intro')}
      actions={
        canEdit &&
        editing === null && (
          <Button variant="secondary" size="small" onClick={() => setEditing({ mode: 'new' })}>
            {t('incidents.attributions.add')}
          </Button>
        )
      }
    >
      <div className="cg-stack">
        {editing?.mode === 'new' && (
          <AttributionEditor
            incident={incident}
            onCancel={() => setEditing(null)}
            onSaved={(next) => {
              setEditing(null);
              onChanged(next);
              toast(t('incidents.attributions.added'));
            }}
          />
        )}
        {incident.attributions.length === 0 ? (
          <p className="cg-muted">{t('incidents.attributions.none')}</p>
        ) : (
          <ul className="cg-inc-entries">
            {incident.attributions.map((attribution) =>
              editing?.mode === 'edit' && editing.attribution.id === attribution.id ? (
                <li key={attribution.id} className="cg-inc-entry">
                  <AttributionEditor
                    incident={incident}
                    attribution={attribution}
                    onCancel={() => setEditing(null)}
                    onSaved={(next) => {
                      setEditing(null);
                      onChanged(next);
                      toast(t('incidents.attributions.saved'));
                    }}
                  />
                </li>
              ) : (
                <AttributionItem
                  key={attribution.id}
                  attribution={attribution}
                  actions={
                    canEdit &&
                    editing === null && (
                      <>
                        <Button
                          variant="secondary"
                          size="small"
                          onClick={() => setEditing({ mode: 'edit', attribution })}
                        >
                          {t('incidents.attributions.edit')}
                        </Button>
                        <Button
                          variant="ghost"
                          size="small"
                          onClick={() => {
                            setRemovalProblem(undefined);
                            removal.ask(attribution);
                          }}
                        >
                          {t('incidents.attributions.remove')}
                        </Button>
                      </>
                    )
                  }
                />
              ),
            )}
          </ul>
        )}
      </div>
      <ConfirmActionDialog
        confirmation={removal}
        title={t('incidents.attributions.removeTitle')}
        confirmLabel={t('incidents.attributions.removeConfirm')}
        isDanger
        onConfirm={confirmRemoval}
      >
        <p>
          {removal.target &&
            t('incidents.attributions.removeText', {
              attributor: isolate(removal.target.attributedBy.name),
              actor: isolate(removal.target.actor.name),
            })}
        </p>
        {isPublished && (
          <TextArea
            label={t('incidents.attributions.removalNote')}
            hint={t('incidentEditor.correction.hint')}
            value={removalNote}
            onChange={setRemovalNote}
            rows={3}
            maxLength={2000}
            required
            dir="auto"
            error={removalProblem}
          />
        )}
      </ConfirmActionDialog>
    </Card>
  );
}

function AttributionItem({ attribution, actions }: { attribution: Attribution; actions: ReactNode }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { formatCount } = useIncidentFormat();
  const titleId = useId();
  const { actor, attributedBy } = attribution;
  return (
    <li className="cg-inc-entry" id={`attribution-${attribution.id}`} tabIndex={-1}>
      <article aria-labelledby={titleId}>
        <div className="cg-inc-entry-head">
          <h3 id={titleId} className="cg-inc-entry-title">
            {t('incidents.attributions.heading', {
              attributor: isolate(attributedBy.name),
              actor: isolate(actor.name),
            })}
          </h3>
          {actions && <div className="cg-cluster">{actions}</div>}
        </div>
        <dl className="cg-details-list">
          <dt>{t('incidents.attributions.attributedBy')}</dt>
          <dd>
            <bdi>{attributedBy.name}</bdi>
            <span className="cg-muted">
              {' '}
              ({labels.attributorKind(attributedBy.kind)}
              {attributedBy.country ? `, ${labels.country(attributedBy.country)}` : ''})
            </span>
          </dd>
          <dt>{t('incidents.attributions.attributedOn')}</dt>
          <dd>
            <Day value={attribution.attributedOn} />
            {attribution.daysAfterStart !== null && (
              <span className="cg-muted">
                {' '}
                {t('incidents.timeline.daysAfterStart', { days: formatCount(attribution.daysAfterStart) })}
              </span>
            )}
          </dd>
          <dt>{t('incidents.attributions.basis')}</dt>
          <dd>{labels.basis(attribution.basis)}</dd>
          <dt>{t('incidents.attributions.actor')}</dt>
          <dd>
            <Link to={actorIncidentsPath(actor.id, actor.name)}>
              <bdi>{actor.name}</bdi>
            </Link>
            <span className="cg-muted"> ({labels.actorKind(actor.kind)})</span>
          </dd>
          {actor.aliases.length > 0 && (
            <>
              <dt>{t('incidents.attributions.aliases')}</dt>
              <dd>
                {actor.aliases.map((alias, index) => (
                  <span key={alias}>
                    {index > 0 && ', '}
                    <bdi>{alias}</bdi>
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>{t('incidents.attributions.sponsor')}</dt>
          <dd>
            {actor.sponsorCountry ? (
              labels.country(actor.sponsorCountry)
            ) : (
              <span className="cg-muted">{t('incidents.attributions.noSponsor')}</span>
            )}
          </dd>
          <dt>{t('incidents.attributions.confidence')}</dt>
          <dd>{labels.confidence(attribution.confidence)}</dd>
        </dl>
        {attribution.notes && (
          <>
            <h4 className="cg-inc-subheading">{t('incidents.attributions.notes')}</h4>
            <PlainText text={attribution.notes} />
          </>
        )}
        <h4 className="cg-inc-subheading">{t('incidents.page.sourcesTitle')}</h4>
        <SourceList sources={attribution.sources} />
      </article>
    </li>
  );
}

/** The form for one attribution, new or existing; on a published record it asks for the public note. */
function AttributionEditor({
  incident,
  attribution,
  onCancel,
  onSaved,
}: {
  incident: Incident;
  attribution?: Attribution;
  onCancel: () => void;
  onSaved: (incident: Incident) => void;
}) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { messageOfError, messageOfProblem, fieldMessagesOf } = useIncidentErrors();
  const [form, setForm] = useState<AttributionForm>(() =>
    attribution ? attributionFormOf(attribution) : emptyAttributionForm(),
  );
  const [correction, setCorrection] = useState('');
  const [problems, setProblems] = useState<FormProblems>({});
  const errorSummary = useRef<HTMLDivElement>(null);
  const isPublished = incident.editorialState === 'published';
  // Editing a published attribution needs a public note; adding one is logged with its own summary.
  const needsNote = isPublished && attribution !== undefined;
  const headingId = useId();

  const save = useAction(() => {
    const body = attributionBodyOf(form);
    return attribution
      ? replaceAttribution(incident.id, attribution.id, {
          ...body,
          ...(correction.trim() ? { correction: correction.trim() } : {}),
        })
      : addAttribution(incident.id, body);
  });
  const apiMessages = fieldMessagesOf(save.error);
  const errorOf = (key: string) => {
    const problem = problems[key];
    return problem ? messageOfProblem(problem) : apiMessages[key];
  };
  const set = (patch: Partial<AttributionForm>) => setForm((current) => ({ ...current, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAttributionForm(form);
    if (needsNote && !correction.trim()) found.correction = 'correctionRequired';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => errorSummary.current?.focus());
      return;
    }
    const saved = await save.run();
    if (saved) onSaved(saved);
    else requestAnimationFrame(() => errorSummary.current?.focus());
  };

  const problemCount = Object.keys(problems).length;
  return (
    <form
      className="cg-inc-attribution-form cg-stack"
      onSubmit={onSubmit}
      aria-labelledby={headingId}
      noValidate
    >
      <h3 id={headingId}>
        {attribution ? t('incidents.attributions.editTitle') : t('incidents.attributions.addTitle')}
      </h3>
      <div ref={errorSummary} tabIndex={-1}>
        {problemCount > 0 && (
          <Alert tone="danger" title={t('common.errorTitle')} isLive>
            <p>{t('incidentEditor.fixProblems')}</p>
          </Alert>
        )}
        {save.error && (
          <Alert tone="danger" title={t('common.errorTitle')} isLive>
            <p>{messageOfError(save.error)}</p>
          </Alert>
        )}
      </div>
      <fieldset className="cg-fieldset">
        <legend>{t('incidents.attributions.attributedBy')}</legend>
        <div className="cg-form-row">
          <Select
            label={t('incidentEditor.attribution.attributorKind')}
            value={form.attributorKind}
            onChange={(attributorKind) => set({ attributorKind })}
            emptyOption={t('common.choose')}
            options={ATTRIBUTOR_KINDS.map((kind) => ({ value: kind, label: labels.attributorKind(kind) }))}
            required
            error={errorOf('attributorKind') ?? errorOf('attributedBy')}
          />
          <TextField
            label={t('incidentEditor.attribution.attributorName')}
            value={form.attributorName}
            onChange={(attributorName) => set({ attributorName })}
            maxLength={300}
            required
            dir="auto"
            error={errorOf('attributorName') ?? errorOf('attributedBy.name')}
          />
          <CountrySelect
            label={t('incidentEditor.attribution.attributorCountry')}
            value={form.attributorCountry}
            onChange={(attributorCountry) => set({ attributorCountry })}
            error={errorOf('attributedBy.country')}
          />
        </div>
        <div className="cg-form-row">
          <TextField
            label={t('incidents.attributions.attributedOn')}
            type="date"
            value={form.attributedOn}
            onChange={(attributedOn) => set({ attributedOn })}
            required
            error={errorOf('attributedOn')}
          />
          <Select
            label={t('incidents.attributions.basis')}
            hint={t('incidentEditor.attribution.basisHint')}
            value={form.basis}
            onChange={(basis) => set({ basis })}
            emptyOption={t('common.choose')}
            options={ATTRIBUTION_BASES.map((basis) => ({ value: basis, label: labels.basis(basis) }))}
            required
            error={errorOf('basis')}
          />
          <Select
            label={t('incidents.attributions.confidence')}
            value={form.confidence}
            onChange={(confidence) => set({ confidence })}
            emptyOption={t('common.choose')}
            options={CONFIDENCE_LEVELS.map((level) => ({ value: level, label: labels.confidence(level) }))}
            required
            error={errorOf('confidence')}
          />
        </div>
      </fieldset>
      <fieldset className="cg-fieldset">
        <legend>{t('incidents.attributions.actor')}</legend>
        <p className="cg-hint">{t('incidentEditor.attribution.actorHint')}</p>
        <div className="cg-form-row">
          <TextField
            label={t('incidentEditor.attribution.actorName')}
            value={form.actorName}
            onChange={(actorName) => set({ actorName })}
            maxLength={200}
            required
            dir="auto"
            error={errorOf('actorName') ?? errorOf('actor.name')}
          />
          <Select
            label={t('incidentEditor.attribution.actorKind')}
            hint={t('incidentEditor.attribution.actorKindHint')}
            value={form.actorKind}
            onChange={(actorKind) => set({ actorKind })}
            options={ACTOR_KINDS.map((kind) => ({ value: kind, label: labels.actorKind(kind) }))}
            error={errorOf('actor.kind')}
          />
          <CountrySelect
            label={t('incidents.attributions.sponsor')}
            value={form.sponsorCountry}
            onChange={(sponsorCountry) => set({ sponsorCountry })}
            error={errorOf('actor') ?? errorOf('actor.sponsorCountry')}
          />
        </div>
        <TextArea
          label={t('incidents.attributions.aliases')}
          labelNote={t('common.optional')}
          hint={t('incidentEditor.attribution.aliasesHint')}
          value={form.aliases}
          onChange={(aliases) => set({ aliases })}
          rows={3}
          dir="auto"
          error={errorOf('actor.aliases')}
        />
      </fieldset>
      <SourceRows
        legend={t('incidents.page.sourcesTitle')}
        hint={t('incidentEditor.attribution.sourcesHint')}
        rows={form.sources}
        onChange={(sources) => set({ sources })}
        prefix="sources"
        errorOf={errorOf}
      />
      <TextArea
        label={t('incidents.attributions.notes')}
        labelNote={t('common.optional')}
        value={form.notes}
        onChange={(notes) => set({ notes })}
        rows={3}
        maxLength={5000}
        dir="auto"
        error={errorOf('notes')}
      />
      {needsNote && (
        <TextArea
          label={t('incidentEditor.correction.label')}
          hint={t('incidentEditor.correction.hint')}
          value={correction}
          onChange={setCorrection}
          rows={3}
          maxLength={2000}
          required
          dir="auto"
          error={errorOf('correction')}
        />
      )}
      {isPublished && !attribution && (
        <p className="cg-hint">{t('incidentEditor.attribution.publicLogNote')}</p>
      )}
      <div className="cg-cluster">
        <Button type="submit" isBusy={save.isBusy}>
          {attribution ? t('incidents.attributions.saveChanges') : t('incidents.attributions.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={save.isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
