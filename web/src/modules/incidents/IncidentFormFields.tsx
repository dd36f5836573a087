import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Select, TextArea, TextField, TlpChoice, type TlpLabel } from '../../ui/index.ts';
import {
  HARM_NAMES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  LAW_TOPICS,
  NORM_CODES,
  RESPONSE_KINDS,
  SECTOR_CODES,
  subSectorsOf,
  VICTIM_KINDS,
  VISIBILITIES,
} from './codes.ts';
import { CountriesPicker, CountrySelect, type ErrorOf, RepeatableRows, SourceRows } from './EditorParts.tsx';
import {
  emptyLawRow,
  emptyNormRow,
  emptyResponseRow,
  emptySectorRow,
  emptyVictimRow,
  type IncidentForm,
} from './form.ts';
import { useIncidentLabels } from './labels.tsx';

type SectionProps = {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errorOf: ErrorOf;
};

/** One part of the editor: a titled region, so the long form can be read and jumped through by headings. */
export function EditorSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section
      className="cg-card cg-inc-editor-section"
      id={`incident-${id}`}
      aria-labelledby={`incident-${id}-title`}
    >
      <h2 id={`incident-${id}-title`}>{title}</h2>
      {intro && <p className="cg-muted cg-small">{intro}</p>}
      <div className="cg-stack">{children}</div>
    </section>
  );
}

export function BasicsFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const typesHintId = useId();
  return (
    <EditorSection id="basics" title={t('incidentEditor.sections.basics')}>
      <TextField
        label={t('incidentEditor.fields.title')}
        hint={t('incidentEditor.fields.titleHint')}
        value={form.title}
        onChange={(title) => set({ title })}
        maxLength={300}
        required
        dir="auto"
        error={errorOf('title')}
      />
      <TextArea
        label={t('incidentEditor.fields.description')}
        hint={t('incidentEditor.fields.descriptionHint')}
        value={form.description}
        onChange={(description) => set({ description })}
        rows={8}
        maxLength={20_000}
        dir="auto"
        error={errorOf('description')}
      />
      <div className="cg-form-row">
        <TextField
          label={t('incidents.fields.startedOn')}
          labelNote={t('common.optional')}
          type="date"
          value={form.startedOn}
          onChange={(startedOn) => set({ startedOn })}
          max={form.endedOn || undefined}
          error={errorOf('startedOn')}
        />
        <TextField
          label={t('incidents.fields.endedOn')}
          labelNote={t('common.optional')}
          type="date"
          value={form.endedOn}
          onChange={(endedOn) => set({ endedOn })}
          min={form.startedOn || undefined}
          error={errorOf('endedOn')}
        />
        <Select
          label={t('incidents.fields.status')}
          value={form.status}
          onChange={(status) => set({ status })}
          options={INCIDENT_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
          error={errorOf('status')}
        />
      </div>
      <p className="cg-hint">{t('incidentEditor.fields.datesHint')}</p>
      <fieldset
        className="cg-fieldset"
        aria-describedby={[typesHintId, errorOf('types') ? `${typesHintId}-error` : '']
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{t('incidents.fields.types')}</legend>
        <p className="cg-hint" id={typesHintId}>
          {t('incidentEditor.fields.typesHint')}
        </p>
        <div className="cg-checkbox-group">
          {INCIDENT_TYPES.map((type) => (
            <Checkbox
              key={type}
              label={labels.type(type)}
              checked={form.types.includes(type)}
              onChange={(isOn) =>
                set({
                  types: isOn ? [...form.types, type] : form.types.filter((candidate) => candidate !== type),
                })
              }
            />
          ))}
        </div>
        {errorOf('types') && (
          <p className="cg-field-error" id={`${typesHintId}-error`}>
            {errorOf('types')}
          </p>
        )}
      </fieldset>
    </EditorSection>
  );
}

export function TargetFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const sectorOptions = SECTOR_CODES.map((code) => ({ value: code, label: labels.sector(code) }));
  return (
    <EditorSection id="targets" title={t('incidentEditor.sections.targets')}>
      <CountriesPicker
        label={t('incidents.fields.countries')}
        hint={t('incidentEditor.fields.countriesHint')}
        value={form.countries}
        onChange={(countries) => set({ countries })}
        error={errorOf('countries')}
      />
      <RepeatableRows
        legend={t('incidents.fields.sectors')}
        hint={t('incidentEditor.sectors.hint')}
        rows={form.sectors}
        onChange={(sectors) => set({ sectors })}
        newRow={emptySectorRow}
        addLabel={t('incidentEditor.sectors.add')}
        itemLabel={(index) => t('incidentEditor.sectors.item', { number: index + 1 })}
        removeLabel={(index) => t('incidentEditor.sectors.remove', { number: index + 1 })}
        error={errorOf('sectors')}
        renderRow={(row, index, update) => {
          const subSectors = subSectorsOf(row.sector);
          return (
            <div className="cg-form-row">
              <Select
                label={t('incidents.fields.sector')}
                value={row.sector}
                // A sub-sector of the previous sector would be refused: it goes with the change.
                onChange={(sector) => update({ sector, subSector: '' })}
                emptyOption={t('common.choose')}
                options={sectorOptions}
                required
                error={errorOf(`sectors.${index}.sector`)}
              />
              <Select
                label={t('incidentEditor.sectors.subSector')}
                labelNote={t('common.optional')}
                hint={subSectors.length === 0 ? t('incidentEditor.sectors.noSubSectors') : undefined}
                value={row.subSector}
                onChange={(subSector) => update({ subSector })}
                emptyOption={t('incidentEditor.sectors.wholeSector')}
                options={subSectors.map((code) => ({ value: code, label: labels.subSector(code) }))}
                disabled={subSectors.length === 0}
                error={errorOf(`sectors.${index}.subSector`)}
              />
            </div>
          );
        }}
      />
      <RepeatableRows
        legend={t('incidents.page.victimsTitle')}
        hint={t('incidentEditor.victims.hint')}
        rows={form.victims}
        onChange={(victims) => set({ victims })}
        newRow={emptyVictimRow}
        addLabel={t('incidentEditor.victims.add')}
        itemLabel={(index) => t('incidentEditor.victims.item', { number: index + 1 })}
        removeLabel={(index) => t('incidentEditor.victims.remove', { number: index + 1 })}
        error={errorOf('victims')}
        renderRow={(row, index, update) => (
          <>
            <div className="cg-form-row">
              <Select
                label={t('incidentEditor.victims.kind')}
                value={row.kind}
                onChange={(kind) => update({ kind })}
                emptyOption={t('common.choose')}
                options={VICTIM_KINDS.map((kind) => ({ value: kind, label: labels.victimKind(kind) }))}
                required
                error={errorOf(`victims.${index}.kind`)}
              />
              <CountrySelect
                label={t('incidentEditor.victims.country')}
                value={row.country}
                onChange={(country) => update({ country })}
                error={errorOf(`victims.${index}.country`)}
              />
              <Select
                label={t('incidents.fields.sector')}
                labelNote={t('common.optional')}
                value={row.sector}
                onChange={(sector) => update({ sector })}
                emptyOption={t('incidentEditor.noSector')}
                options={sectorOptions}
                error={errorOf(`victims.${index}.sector`)}
              />
            </div>
            <Checkbox
              label={t('incidentEditor.victims.anonymised')}
              hint={t('incidentEditor.victims.anonymisedHint')}
              checked={row.isAnonymised}
              onChange={(isAnonymised) => update({ isAnonymised })}
            />
            {!row.isAnonymised && (
              <TextField
                label={t('incidentEditor.victims.name')}
                value={row.name}
                onChange={(name) => update({ name })}
                maxLength={300}
                required
                dir="auto"
                error={errorOf(`victims.${index}.name`)}
              />
            )}
          </>
        )}
      />
    </EditorSection>
  );
}

export function ImpactFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { impacts } = form;
  const setImpact = <K extends keyof IncidentForm['impacts']>(
    name: K,
    patch: Partial<IncidentForm['impacts'][K]>,
  ) => set({ impacts: { ...impacts, [name]: { ...impacts[name], ...patch } } });
  const figureProps = { type: 'number', inputMode: 'decimal' as const, min: 0, dir: 'ltr' };
  return (
    <EditorSection
      id="impacts"
      title={t('incidentEditor.sections.impacts')}
      intro={t('incidentEditor.impacts.intro')}
    >
      <div className="cg-inc-impact">
        <Checkbox
          label={labels.impact('availability')}
          hint={t('incidentEditor.impacts.availabilityHint')}
          checked={impacts.availability.affected}
          onChange={(affected) => setImpact('availability', { affected })}
        />
        {impacts.availability.affected && (
          <TextField
            {...figureProps}
            step="any"
            label={t('incidentEditor.impacts.durationHours')}
            labelNote={t('common.optional')}
            hint={t('incidentEditor.impacts.unknownHint')}
            value={impacts.availability.durationHours}
            onChange={(durationHours) => setImpact('availability', { durationHours })}
            error={errorOf('impacts.availability.durationHours')}
          />
        )}
      </div>
      <div className="cg-inc-impact">
        <Checkbox
          label={labels.impact('confidentiality')}
          hint={t('incidentEditor.impacts.confidentialityHint')}
          checked={impacts.confidentiality.affected}
          onChange={(affected) => setImpact('confidentiality', { affected })}
        />
        {impacts.confidentiality.affected && (
          <TextField
            {...figureProps}
            step={1}
            inputMode="numeric"
            label={t('incidentEditor.impacts.recordsExposed')}
            labelNote={t('common.optional')}
            hint={t('incidentEditor.impacts.unknownHint')}
            value={impacts.confidentiality.recordsExposed}
            onChange={(recordsExposed) => setImpact('confidentiality', { recordsExposed })}
            error={errorOf('impacts.confidentiality.recordsExposed')}
          />
        )}
      </div>
      <div className="cg-inc-impact">
        <Checkbox
          label={labels.impact('integrity')}
          hint={t('incidentEditor.impacts.integrityHint')}
          checked={impacts.integrity.affected}
          onChange={(affected) => setImpact('integrity', { affected })}
        />
      </div>
      <div className="cg-inc-impact">
        <Checkbox
          label={labels.impact('physical')}
          hint={t('incidentEditor.impacts.physicalHint')}
          checked={impacts.physical.affected}
          onChange={(affected) => setImpact('physical', { affected })}
        />
        {impacts.physical.affected && (
          <TextArea
            label={t('incidentEditor.impacts.physicalDescription')}
            labelNote={t('common.optional')}
            value={impacts.physical.description}
            onChange={(description) => setImpact('physical', { description })}
            rows={3}
            maxLength={2000}
            dir="auto"
            error={errorOf('impacts.physical.description')}
          />
        )}
      </div>
      <div className="cg-inc-impact">
        <Checkbox
          label={labels.impact('economic')}
          hint={t('incidentEditor.impacts.economicHint')}
          checked={impacts.economic.affected}
          onChange={(affected) => setImpact('economic', { affected })}
        />
        {impacts.economic.affected && (
          <TextField
            {...figureProps}
            step="any"
            label={t('incidentEditor.impacts.lossUsd')}
            labelNote={t('common.optional')}
            hint={t('incidentEditor.impacts.unknownHint')}
            value={impacts.economic.lossUsd}
            onChange={(lossUsd) => setImpact('economic', { lossUsd })}
            error={errorOf('impacts.economic.lossUsd')}
          />
        )}
      </div>
    </EditorSection>
  );
}

export function HarmFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { harm } = form;
  return (
    <EditorSection id="harm" title={t('incidentEditor.sections.harm')} intro={t('incidentEditor.harm.intro')}>
      <div className="cg-form-row">
        {HARM_NAMES.map((name) => (
          <TextField
            key={name}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            dir="ltr"
            label={labels.harm(name)}
            labelNote={t('common.optional')}
            value={harm[name]}
            onChange={(value) => set({ harm: { ...harm, [name]: value } })}
            error={errorOf(`harm.${name}`)}
          />
        ))}
      </div>
      <TextArea
        label={t('incidentEditor.harm.notes')}
        labelNote={t('common.optional')}
        value={harm.notes}
        onChange={(notes) => set({ harm: { ...harm, notes } })}
        rows={3}
        maxLength={5000}
        dir="auto"
        error={errorOf('harm.notes')}
      />
    </EditorSection>
  );
}

export function ResponseFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <EditorSection id="responses" title={t('incidentEditor.sections.responses')}>
      <RepeatableRows
        legend={t('incidents.page.responsesTitle')}
        isLegendHidden
        hint={t('incidentEditor.responses.hint')}
        rows={form.responses}
        onChange={(responses) => set({ responses })}
        newRow={emptyResponseRow}
        addLabel={t('incidentEditor.responses.add')}
        itemLabel={(index) => t('incidentEditor.responses.item', { number: index + 1 })}
        removeLabel={(index) => t('incidentEditor.responses.remove', { number: index + 1 })}
        error={errorOf('responses')}
        renderRow={(row, index, update) => (
          <>
            <div className="cg-form-row">
              <Select
                label={t('incidentEditor.responses.kind')}
                value={row.kind}
                onChange={(kind) => update({ kind })}
                emptyOption={t('common.choose')}
                options={RESPONSE_KINDS.map((kind) => ({ value: kind, label: labels.responseKind(kind) }))}
                required
                error={errorOf(`responses.${index}.kind`)}
              />
              <TextField
                label={t('incidentEditor.responses.by')}
                value={row.by}
                onChange={(by) => update({ by })}
                maxLength={300}
                required
                dir="auto"
                error={errorOf(`responses.${index}.by`)}
              />
            </div>
            <div className="cg-form-row">
              <CountrySelect
                label={t('incidentEditor.responses.byCountry')}
                value={row.byCountry}
                onChange={(byCountry) => update({ byCountry })}
                error={errorOf(`responses.${index}.byCountry`)}
              />
              <TextField
                label={t('incidentEditor.responses.respondedOn')}
                labelNote={t('common.optional')}
                type="date"
                value={row.respondedOn}
                onChange={(respondedOn) => update({ respondedOn })}
                error={errorOf(`responses.${index}.respondedOn`)}
              />
            </div>
            <TextArea
              label={t('incidentEditor.responses.description')}
              labelNote={t('common.optional')}
              value={row.description}
              onChange={(description) => update({ description })}
              rows={3}
              maxLength={5000}
              dir="auto"
              error={errorOf(`responses.${index}.description`)}
            />
            <SourceRows
              legend={t('incidents.page.sourcesTitle')}
              rows={row.sources}
              onChange={(sources) => update({ sources })}
              prefix={`responses.${index}.sources`}
              errorOf={errorOf}
            />
          </>
        )}
      />
    </EditorSection>
  );
}

export function NormAndLawFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <EditorSection id="norms" title={t('incidentEditor.sections.norms')}>
      <RepeatableRows
        legend={t('incidents.page.normsTitle')}
        hint={t('incidentEditor.norms.hint')}
        rows={form.norms}
        onChange={(norms) => set({ norms })}
        newRow={emptyNormRow}
        addLabel={t('incidentEditor.norms.add')}
        itemLabel={(index) => t('incidentEditor.norms.item', { number: index + 1 })}
        removeLabel={(index) => t('incidentEditor.norms.remove', { number: index + 1 })}
        maxRows={NORM_CODES.length}
        error={errorOf('norms')}
        renderRow={(row, index, update) => (
          <>
            <Select
              label={t('incidentEditor.norms.norm')}
              value={row.code}
              onChange={(code) => update({ code })}
              emptyOption={t('common.choose')}
              options={NORM_CODES.map((code) => ({ value: code, label: labels.norm(code) }))}
              required
              error={errorOf(`norms.${index}.code`)}
            />
            <TextArea
              label={t('incidentEditor.norms.rationale')}
              hint={t('incidentEditor.norms.rationaleHint')}
              value={row.rationale}
              onChange={(rationale) => update({ rationale })}
              rows={3}
              maxLength={5000}
              required
              dir="auto"
              error={errorOf(`norms.${index}.rationale`)}
            />
          </>
        )}
      />
      <RepeatableRows
        legend={t('incidents.page.lawTitle')}
        hint={t('incidentEditor.law.hint')}
        rows={form.lawQuestions}
        onChange={(lawQuestions) => set({ lawQuestions })}
        newRow={emptyLawRow}
        addLabel={t('incidentEditor.law.add')}
        itemLabel={(index) => t('incidentEditor.law.item', { number: index + 1 })}
        removeLabel={(index) => t('incidentEditor.law.remove', { number: index + 1 })}
        maxRows={LAW_TOPICS.length}
        error={errorOf('lawQuestions')}
        renderRow={(row, index, update) => (
          <>
            <Select
              label={t('incidentEditor.law.topic')}
              value={row.topic}
              onChange={(topic) => update({ topic })}
              emptyOption={t('common.choose')}
              options={LAW_TOPICS.map((topic) => ({ value: topic, label: labels.lawTopic(topic) }))}
              required
              error={errorOf(`lawQuestions.${index}.topic`)}
            />
            <TextArea
              label={t('incidentEditor.law.note')}
              labelNote={t('common.optional')}
              value={row.note}
              onChange={(note) => update({ note })}
              rows={3}
              maxLength={5000}
              dir="auto"
              error={errorOf(`lawQuestions.${index}.note`)}
            />
          </>
        )}
      />
    </EditorSection>
  );
}

export function SourceFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  return (
    <EditorSection id="sources" title={t('incidentEditor.sections.sources')}>
      <SourceRows
        legend={t('incidents.page.sourcesTitle')}
        isLegendHidden
        hint={t('incidentEditor.sources.hint')}
        rows={form.sources}
        onChange={(sources) => set({ sources })}
        prefix="sources"
        errorOf={errorOf}
      />
    </EditorSection>
  );
}

export function AudienceFields({ form, set, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const tlpMeanings = Object.fromEntries(
    (['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR'] as const).map((label) => [
      label,
      labels.tlpMeaning(label),
    ]),
  ) as Record<TlpLabel, string>;
  return (
    <EditorSection
      id="audience"
      title={t('incidentEditor.sections.audience')}
      intro={t('incidentEditor.audience.intro')}
    >
      <TlpChoice
        legend={t('incidents.fields.tlp')}
        hint={t('incidentEditor.audience.tlpHint')}
        value={form.tlp as TlpLabel}
        onChange={(tlp) => set({ tlp })}
        meanings={tlpMeanings}
        isRequired
        error={errorOf('tlp')}
      />
      <Select
        label={t('incidents.fields.visibility')}
        hint={labels.visibilityHelp(form.visibility)}
        value={form.visibility}
        onChange={(visibility) => set({ visibility })}
        options={VISIBILITIES.map((visibility) => ({
          value: visibility,
          label: labels.visibility(visibility),
        }))}
        error={errorOf('visibility')}
      />
      <div className="cg-form-row">
        <TextArea
          label={t('incidentEditor.audience.participantOrgIds')}
          labelNote={t('common.optional')}
          hint={t('incidentEditor.audience.participantOrgIdsHint')}
          value={form.participantOrgIds}
          onChange={(participantOrgIds) => set({ participantOrgIds })}
          rows={3}
          dir="ltr"
          className="cg-inc-ids"
          error={errorOf('participantOrgIds')}
        />
        <TextArea
          label={t('incidentEditor.audience.participantUserIds')}
          labelNote={t('common.optional')}
          hint={t('incidentEditor.audience.participantUserIdsHint')}
          value={form.participantUserIds}
          onChange={(participantUserIds) => set({ participantUserIds })}
          rows={3}
          dir="ltr"
          className="cg-inc-ids"
          error={errorOf('participantUserIds')}
        />
      </div>
    </EditorSection>
  );
}
