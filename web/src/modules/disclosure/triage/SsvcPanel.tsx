import {
  type FormEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../app/toasts.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, Checkbox, Spinner, Table, Tabs, TextArea } from '../../../ui/index.ts';
import { useTriageErrorMessage } from './errors.ts';
import { OutcomeBadge, useTriageLabels } from './labels.tsx';
import {
  type DerivationModes,
  decisionInputs,
  derivationOf,
  matchingRowIndex,
  outcomeOf,
  rowAgrees,
  type SsvcAnswers,
  tableAnswers,
  unansweredKeys,
} from './ssvc.ts';
import { getSsvcDescription, recordSsvcDecision } from './triageApi.ts';
import type {
  RecordedDecision,
  Report,
  SsvcDecisionPoint,
  SsvcDescription,
  SsvcKind,
  SsvcTable,
} from './types.ts';

type PanelProps = { report: Report; onRecorded: (report: Report) => void };

/** SSVC for a report: the coordinator's triage and publish decisions, each shown with the table it follows. */
export function SsvcPanel({ report, onRecorded }: PanelProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SsvcKind>('triage');
  return (
    <Tabs
      label={t('triage.ssvc.tabsLabel')}
      tabs={[
        { id: 'triage', label: t('triage.ssvc.tabTriage') },
        { id: 'publish', label: t('triage.ssvc.tabPublish') },
      ]}
      selectedId={kind}
      onSelect={(id) => setKind(id === 'publish' ? 'publish' : 'triage')}
    >
      <SsvcDecision key={kind} kind={kind} report={report} onRecorded={onRecorded} />
    </Tabs>
  );
}

function SsvcDecision({ kind, report, onRecorded }: PanelProps & { kind: SsvcKind }) {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  const description = useQuery(`ssvc:${kind}`, () => getSsvcDescription(kind));
  if (description.isLoading && !description.data) {
    return <Spinner label={t('common.loading')} isLabelVisible />;
  }
  if (!description.data) {
    return (
      <Alert tone="danger">
        {description.error ? messageOf(description.error) : t('errors.unexpected_error')}
      </Alert>
    );
  }
  return <DecisionForm description={description.data} report={report} onRecorded={onRecorded} />;
}

/** The answers of the latest decision of this kind, so a revision starts from where the last one stood. */
function initialAnswers(decisions: readonly RecordedDecision[], kind: SsvcKind): Record<string, string> {
  const latest = decisions.filter((decision) => decision.kind === kind).at(-1);
  return latest ? { ...latest.inputs } : {};
}

function DecisionForm({ description, report, onRecorded }: PanelProps & { description: SsvcDescription }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const labels = useTriageLabels();
  const errorMessage = useTriageErrorMessage();
  const kind = description.kind;
  const listOf = (items: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction', style: 'long' }).format(items);
  const decisions = report.triage?.decisions ?? [];
  const [answers, setAnswers] = useState<SsvcAnswers>(() => initialAnswers(decisions, kind));
  const [modes, setModes] = useState<DerivationModes>({});
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState('');

  const current = useMemo(() => tableAnswers(description, answers, modes), [description, answers, modes]);
  const outcome = outcomeOf(description, current);
  const missing = unansweredKeys(description, answers, modes);

  const answer = (key: string, value: string) => setAnswers((previous) => ({ ...previous, [key]: value }));
  const setMode = (key: string, isDerived: boolean) =>
    setModes((previous) => ({ ...previous, [key]: isDerived ? 'derive' : 'direct' }));

  const record = useAction((inputs: Record<string, string>) =>
    recordSsvcDecision(report.id, { kind, inputs, rationale: rationale.trim() }),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const inputs = decisionInputs(description, answers, modes);
    if (!inputs) return setProblem(t('triage.ssvc.answerAll', { count: missing.length }));
    setProblem('');
    const updated = await record.run(inputs);
    if (updated === undefined) return;
    const recorded = updated.triage?.decisions.filter((decision) => decision.kind === kind).at(-1);
    setRationale('');
    toast(
      t('triage.ssvc.recorded', {
        outcome: labels.outcome(kind, recorded?.outcome ?? outcome ?? ''),
      }),
    );
    onRecorded(updated);
  };

  const outcomeValue = description.outcome.values.find((value) => value.key === outcome);

  return (
    <div className="cg-stack cg-triage-ssvc">
      <p className="cg-small cg-muted">
        {t('triage.ssvc.source', { table: description.tableKey, version: description.tableVersion })}
      </p>
      <form className="cg-stack" onSubmit={onSubmit} noValidate>
        <div className="cg-triage-points">
          {description.inputs.map((point) => {
            const derivation = derivationOf(description, point.key);
            const isDerived = derivation !== undefined && modes[point.key] === 'derive';
            return (
              <fieldset key={point.key} className="cg-fieldset cg-triage-point">
                <legend>
                  {labels.point(point)} <span className="cg-muted cg-small">({point.key})</span>
                </legend>
                <p className="cg-hint" lang="en" dir="ltr">
                  {point.definition}
                </p>
                {derivation && (
                  <Checkbox
                    label={t('triage.ssvc.deriveFrom', {
                      points: listOf(derivation.inputs.map((basic) => labels.point(basic))),
                    })}
                    checked={isDerived}
                    onChange={(checked) => setMode(point.key, checked)}
                  />
                )}
                {isDerived && derivation ? (
                  <div className="cg-stack-tight">
                    {derivation.inputs.map((basic) => (
                      <fieldset key={basic.key} className="cg-fieldset cg-triage-basic-point">
                        <legend>
                          {labels.point(basic)} <span className="cg-muted cg-small">({basic.key})</span>
                        </legend>
                        <p className="cg-hint" lang="en" dir="ltr">
                          {basic.definition}
                        </p>
                        <ValueChoices point={basic} value={answers[basic.key]} onChange={answer} />
                      </fieldset>
                    ))}
                    <p className="cg-triage-derived" aria-live="polite">
                      {current[point.key] !== undefined
                        ? t('triage.ssvc.derivedValue', {
                            point: labels.point(point),
                            value: labels.value(point.key, {
                              key: current[point.key] ?? '',
                              name: point.values.find((v) => v.key === current[point.key])?.name ?? '',
                            }),
                          })
                        : t('triage.ssvc.derivedPending', { point: labels.point(point) })}
                    </p>
                  </div>
                ) : (
                  <ValueChoices point={point} value={answers[point.key]} onChange={answer} />
                )}
              </fieldset>
            );
          })}
        </div>
        <div className="cg-triage-outcome" role="status" aria-live="polite">
          {outcome ? (
            <div className="cg-stack-tight">
              <span className="cg-cluster">
                <strong>{t('triage.ssvc.outcome')}</strong>
                <OutcomeBadge kind={kind} outcome={outcome} />
              </span>
              {outcomeValue && (
                <span className="cg-small" lang="en" dir="ltr">
                  {outcomeValue.definition}
                </span>
              )}
            </div>
          ) : (
            <span className="cg-muted">{t('triage.ssvc.answerAll', { count: missing.length })}</span>
          )}
        </div>
        <TextArea
          label={t('triage.ssvc.rationale')}
          labelNote={t('common.optional')}
          hint={t('triage.ssvc.rationaleHint')}
          value={rationale}
          onChange={setRationale}
          rows={3}
          maxLength={5000}
          dir="auto"
        />
        {(problem || record.error) && (
          <Alert tone="danger" isLive>
            {problem || (record.error ? errorMessage(record.error) : '')}
          </Alert>
        )}
        <div className="cg-cluster">
          <Button type="submit" isBusy={record.isBusy}>
            {t('triage.ssvc.record')}
          </Button>
        </div>
      </form>
      <DecisionTable kind={kind} table={description} answers={current} />
      <DecisionHistory
        kind={kind}
        description={description}
        decisions={decisions.filter((decision) => decision.kind === kind)}
      />
    </div>
  );
}

/** The values of one decision point as radio buttons, each with its definition. */
function ValueChoices({
  point,
  value,
  onChange,
}: {
  point: SsvcDecisionPoint;
  value: string | undefined;
  onChange: (key: string, value: string) => void;
}) {
  const labels = useTriageLabels();
  const baseId = useId();
  return (
    <div className="cg-triage-values">
      {point.values.map((option) => {
        const id = `${baseId}-${option.key}`;
        return (
          <div key={option.key} className="cg-triage-value" data-checked={value === option.key || undefined}>
            <input
              type="radio"
              id={id}
              name={`${baseId}-${point.key}`}
              value={option.key}
              checked={value === option.key}
              onChange={() => onChange(point.key, option.key)}
              aria-describedby={`${id}-definition`}
            />
            <label htmlFor={id}>{labels.value(point.key, option)}</label>
            <span className="cg-hint" id={`${id}-definition`} lang="en" dir="ltr">
              {option.definition}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * CERT/CC's table itself: a row per combination of answers, the row the answers select highlighted and
 * scrolled to, and optionally only the rows the answers given so far still allow.
 */
function DecisionTable({ kind, table, answers }: { kind: SsvcKind; table: SsvcTable; answers: SsvcAnswers }) {
  const { t } = useTranslation();
  const labels = useTriageLabels();
  const captionId = useId();
  const [isNarrowed, setIsNarrowed] = useState(false);
  const regionRef = useRef<HTMLElement>(null);
  const match = matchingRowIndex(table, answers);
  const agreeing = table.rows.filter((row) => rowAgrees(table, row, answers)).length;
  const valueName = (point: SsvcDecisionPoint, key: string | undefined) => {
    const value = point.values.find((v) => v.key === key);
    return value ? labels.value(point.key, value) : (key ?? '');
  };

  // Scroll the table's own region (never the page) so the selected row sits in its middle.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `match` and `isNarrowed` move the row; the DOM is read through the ref.
  useEffect(() => {
    const region = regionRef.current;
    const row = region?.querySelector<HTMLTableRowElement>('tr[aria-current="true"]');
    if (!region || !row) return;
    const regionBox = region.getBoundingClientRect();
    const rowBox = row.getBoundingClientRect();
    const rowTop = rowBox.top - regionBox.top + region.scrollTop;
    region.scrollTo({ top: Math.max(0, rowTop - (region.clientHeight - rowBox.height) / 2) });
  }, [match, isNarrowed]);

  return (
    <section className="cg-stack-tight cg-triage-table" aria-labelledby={captionId}>
      <h3 id={captionId}>
        {t('triage.ssvc.tableTitle', { table: table.tableKey, version: table.tableVersion })}
      </h3>
      <p className="cg-small cg-muted">
        {match >= 0
          ? t('triage.ssvc.rowSelected', { row: match + 1, count: table.rows.length })
          : t('triage.ssvc.rowsAgree', { agreeing, count: table.rows.length })}
      </p>
      <Checkbox label={t('triage.ssvc.narrow')} checked={isNarrowed} onChange={setIsNarrowed} />
      <ScrollRegion regionRef={regionRef} labelledBy={captionId}>
        <table className="cg-table cg-triage-decision-table">
          <caption className="cg-visually-hidden">{t('triage.ssvc.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {table.inputs.map((point) => (
                <th key={point.key} scope="col">
                  {labels.point(point)}
                </th>
              ))}
              <th scope="col">{t('triage.ssvc.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => {
              const isMatch = index === match;
              const agrees = rowAgrees(table, row, answers);
              if (isNarrowed && !agrees) return null;
              return (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: the table's rows never change order; the index is their number.
                  key={index}
                  aria-current={isMatch ? 'true' : undefined}
                  className={isMatch ? 'cg-triage-row-match' : agrees ? undefined : 'cg-triage-row-other'}
                >
                  <td className="cg-triage-number">{index + 1}</td>
                  {table.inputs.map((point) => (
                    <td key={point.key}>{valueName(point, row.inputs[point.key])}</td>
                  ))}
                  <td>
                    <span className="cg-cluster">
                      <OutcomeBadge kind={kind} outcome={row.outcome} />
                      {isMatch && (
                        <strong className="cg-triage-match-mark">{t('triage.ssvc.yourAnswers')}</strong>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** A region that scrolls on its own, reachable by keyboard so it can be scrolled without a mouse. */
function ScrollRegion({
  regionRef,
  labelledBy,
  children,
}: {
  regionRef: RefObject<HTMLElement | null>;
  labelledBy: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
    <section ref={regionRef} className="cg-triage-table-region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}

function DecisionHistory({
  kind,
  description,
  decisions,
}: {
  kind: SsvcKind;
  description: SsvcDescription;
  decisions: RecordedDecision[];
}) {
  const { t } = useTranslation();
  const labels = useTriageLabels();
  const newestFirst = [...decisions].reverse();
  const answerText = (decision: RecordedDecision) =>
    description.inputs.map((point) => {
      const key = decision.inputs[point.key];
      const value = point.values.find((v) => v.key === key);
      return {
        key: point.key,
        text: `${labels.point(point)}: ${value ? labels.value(point.key, value) : (key ?? '—')}`,
      };
    });
  return (
    <section className="cg-stack-tight">
      <h3>{t('triage.ssvc.historyTitle')}</h3>
      {newestFirst.length === 0 ? (
        <p className="cg-muted">{t('triage.ssvc.historyEmpty')}</p>
      ) : (
        <Table
          caption={t('triage.ssvc.historyTitle')}
          isCaptionHidden
          columns={[
            t('triage.ssvc.columns.decided'),
            t('triage.ssvc.columns.by'),
            t('triage.ssvc.columns.answers'),
            t('triage.ssvc.outcome'),
            t('triage.ssvc.columns.rationale'),
          ]}
        >
          {newestFirst.map((decision) => (
            <tr key={decision.id} data-decision-id={decision.id}>
              <td>
                <DateTime value={decision.decidedAt} />
              </td>
              <td>
                <bdi>{decision.decidedBy}</bdi>
              </td>
              <td>
                <ul className="cg-triage-plain-list cg-small">
                  {answerText(decision).map((item) => (
                    <li key={item.key}>{item.text}</li>
                  ))}
                </ul>
              </td>
              <td>
                <OutcomeBadge kind={kind} outcome={decision.outcome} />
              </td>
              <td>
                {decision.rationale ? (
                  <div className="cg-triage-text" dir="auto">
                    {decision.rationale}
                  </div>
                ) : (
                  <span className="cg-muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
