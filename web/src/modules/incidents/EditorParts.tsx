import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../../ui/index.ts';
import { emptySourceRow, type SourceRow } from './form.ts';
import { useIncidentLabels } from './labels.tsx';

// Pieces the incident editor and the attribution form share: repeatable rows, sources, country pickers.

/** The message for a form key (`sources.0.url`), if any: the form's own check first, then the API's. */
export type ErrorOf = (key: string) => string | undefined;

type RepeatableRowsProps<Row extends { key: string }> = {
  legend: string;
  hint?: ReactNode;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  newRow: () => Row;
  addLabel: string;
  /** "Source 2": names each row's group and its remove button. */
  itemLabel: (index: number) => string;
  removeLabel: (index: number) => string;
  renderRow: (row: Row, index: number, update: (patch: Partial<Row>) => void) => ReactNode;
  /** A problem with the list as a whole (e.g. a norm given twice), shown under the legend. */
  error?: string | undefined;
  maxRows?: number;
  /** The legend only for screen readers, when a heading right above already says the same. */
  isLegendHidden?: boolean;
};

/**
 * A list of rows the person adds and removes: each row is a group named by its number. Adding moves focus to
 * the new row's first field; removing moves it to the add button, so keyboard users never lose their place.
 */
export function RepeatableRows<Row extends { key: string }>({
  legend,
  hint,
  rows,
  onChange,
  newRow,
  addLabel,
  itemLabel,
  removeLabel,
  renderRow,
  error,
  maxRows = 200,
  isLegendHidden = false,
}: RepeatableRowsProps<Row>) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addArea = useRef<HTMLDivElement>(null);
  const id = useId();
  const add = () => {
    const row = newRow();
    setFocusKey(row.key);
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    onChange(rows.filter((row) => row.key !== key));
    setFocusKey(null);
    requestAnimationFrame(() => addArea.current?.querySelector('button')?.focus());
  };
  return (
    <fieldset className="cg-fieldset cg-inc-rows" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={isLegendHidden ? 'cg-visually-hidden' : undefined}>{legend}</legend>
      {hint && <div className="cg-hint">{hint}</div>}
      {error && (
        <p className="cg-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {rows.map((row, index) => (
        <RowGroup
          key={row.key}
          label={itemLabel(index)}
          removeLabel={removeLabel(index)}
          isNew={row.key === focusKey}
          onRemove={() => remove(row.key)}
        >
          {renderRow(row, index, (patch) =>
            onChange(
              rows.map((candidate) => (candidate.key === row.key ? { ...candidate, ...patch } : candidate)),
            ),
          )}
        </RowGroup>
      ))}
      {rows.length < maxRows && (
        <div ref={addArea}>
          <Button variant="secondary" size="small" onClick={add}>
            {addLabel}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

function RowGroup({
  label,
  removeLabel,
  isNew,
  onRemove,
  children,
}: {
  label: string;
  removeLabel: string;
  isNew: boolean;
  onRemove: () => void;
  children: ReactNode;
}) {
  const group = useRef<HTMLFieldSetElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the row first appears.
  useEffect(() => {
    if (isNew) group.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return (
    <fieldset ref={group} className="cg-inc-row">
      <legend className="cg-inc-row-legend">{label}</legend>
      <div className="cg-stack">{children}</div>
      <div className="cg-inc-row-actions">
        <Button variant="ghost" size="small" onClick={onRemove}>
          {removeLabel}
        </Button>
      </div>
    </fieldset>
  );
}

/** A country from the reference list, or none. */
export function CountrySelect({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const options = labels.countryOptions;
  // A stored code stays choosable while the list loads (or if the list lacks it).
  const withValue =
    value && !options.some((option) => option.value === value)
      ? [{ value, label: value }, ...options]
      : options;
  return (
    <Select
      label={label}
      labelNote={t('common.optional')}
      hint={hint}
      value={value}
      onChange={onChange}
      emptyOption={t('incidentEditor.noCountry')}
      options={withValue}
      error={error}
    />
  );
}

/** Several countries: the chosen ones as removable items, and a list to add another. */
export function CountriesPicker({
  label,
  hint,
  value,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const available = labels.countryOptions.filter((option) => !value.includes(option.value));
  return (
    <fieldset
      className="cg-fieldset"
      aria-describedby={
        [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{label}</legend>
      {hint && (
        <p className="cg-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {value.length > 0 ? (
        <ul className="cg-inc-chosen">
          {value.map((code) => (
            <li key={code}>
              <span>{labels.country(code)}</span>
              <Button
                variant="ghost"
                size="small"
                aria-label={t('incidentEditor.removeCountry', { country: labels.country(code) })}
                onClick={() => {
                  onChange(value.filter((candidate) => candidate !== code));
                  setAnnouncement(t('incidentEditor.countryRemoved', { country: labels.country(code) }));
                }}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="cg-muted cg-small">{t('incidentEditor.noCountries')}</p>
      )}
      <Select
        label={t('incidentEditor.addCountry')}
        value=""
        onChange={(code) => {
          if (!code) return;
          onChange([...value, code]);
          setAnnouncement(t('incidentEditor.countryAdded', { country: labels.country(code) }));
        }}
        emptyOption={t('common.choose')}
        options={available}
      />
      <p className="cg-visually-hidden" role="status">
        {announcement}
      </p>
      {error && (
        <p className="cg-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The sources of a record, an attribution or a response: URL and title, publisher, dates and archive copy. */
export function SourceRows({
  legend,
  hint,
  rows,
  onChange,
  prefix,
  errorOf,
  isLegendHidden = false,
}: {
  legend: string;
  hint?: string;
  isLegendHidden?: boolean;
  rows: SourceRow[];
  onChange: (rows: SourceRow[]) => void;
  /** The form key of the list: `sources`, `responses.0.sources`. */
  prefix: string;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  return (
    <RepeatableRows
      legend={legend}
      hint={hint}
      rows={rows}
      onChange={onChange}
      newRow={emptySourceRow}
      addLabel={t('incidentEditor.sources.add')}
      itemLabel={(index) => t('incidentEditor.sources.item', { number: index + 1 })}
      removeLabel={(index) => t('incidentEditor.sources.remove', { number: index + 1 })}
      error={errorOf(prefix)}
      isLegendHidden={isLegendHidden}
      renderRow={(row, index, update) => {
        const key = (field: string) => `${prefix}.${index}.${field}`;
        return (
          <>
            <div className="cg-form-row">
              <TextField
                label={t('incidentEditor.sources.url')}
                type="url"
                inputMode="url"
                value={row.url}
                onChange={(url) => update({ url })}
                maxLength={2000}
                dir="ltr"
                required
                error={errorOf(key('url'))}
              />
              <TextField
                label={t('incidentEditor.sources.title')}
                value={row.title}
                onChange={(title) => update({ title })}
                maxLength={500}
                dir="auto"
                required
                error={errorOf(key('title'))}
              />
            </div>
            <div className="cg-form-row">
              <TextField
                label={t('incidentEditor.sources.publisher')}
                labelNote={t('common.optional')}
                value={row.publisher}
                onChange={(publisher) => update({ publisher })}
                maxLength={200}
                dir="auto"
                error={errorOf(key('publisher'))}
              />
              <TextField
                label={t('incidentEditor.sources.publishedOn')}
                labelNote={t('common.optional')}
                type="date"
                value={row.publishedOn}
                onChange={(publishedOn) => update({ publishedOn })}
                error={errorOf(key('publishedOn'))}
              />
            </div>
            <div className="cg-form-row">
              <TextField
                label={t('incidentEditor.sources.archiveUrl')}
                labelNote={t('common.optional')}
                hint={t('incidentEditor.sources.archiveHint')}
                type="url"
                inputMode="url"
                value={row.archiveUrl}
                onChange={(archiveUrl) => update({ archiveUrl })}
                maxLength={2000}
                dir="ltr"
                error={errorOf(key('archiveUrl'))}
              />
              <TextField
                label={t('incidentEditor.sources.archivedOn')}
                labelNote={t('common.optional')}
                type="date"
                value={row.archivedOn}
                onChange={(archivedOn) => update({ archivedOn })}
                error={errorOf(key('archivedOn'))}
              />
            </div>
          </>
        );
      }}
    />
  );
}
