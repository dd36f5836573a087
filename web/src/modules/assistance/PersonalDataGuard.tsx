import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Checkbox } from '../../ui/index.ts';
import { checkPersonalData } from './assistanceApi.ts';
import type { PersonalDataFinding } from './types.ts';

export type CheckedField = { id: string; label: string; text: string };
export type FieldFindings = { field: CheckedField; findings: PersonalDataFinding[] };

const DEBOUNCE_MS = 700;

/**
 * Asks the server, a moment after typing stops, whether the free-text fields look like they hold personal
 * data. The same rules run again when the request is sent; this only warns early.
 */
export function usePersonalDataFindings(fields: CheckedField[]): FieldFindings[] {
  const cache = useRef(new Map<string, PersonalDataFinding[]>());
  const lastFindings = useRef(new Map<string, PersonalDataFinding[]>());
  const [version, setVersion] = useState(0);
  const key = fields.map((field) => field.text).join('\u0000');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the texts of `fields`.
  useEffect(() => {
    const pending = fields
      .map((field) => field.text)
      .filter((text) => text.trim() && !cache.current.has(text));
    if (pending.length === 0) return;
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      Promise.all(
        pending.map((text) =>
          checkPersonalData(text).then(
            (findings) => cache.current.set(text, findings),
            // The check is advisory: a failure leaves the field unchecked here, and the server checks on send.
            () => undefined,
          ),
        ),
      ).then(() => {
        if (isCurrent) setVersion((value) => value + 1);
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  void version;
  return fields
    .map((field) => {
      if (!field.text.trim()) return { field, findings: [] };
      const checked = cache.current.get(field.text);
      if (checked) {
        lastFindings.current.set(field.id, checked);
        return { field, findings: checked };
      }
      // While the new text waits for its check, what was found before stays shown where it still is,
      // so the warning does not blink on every key press.
      return { field, findings: relocate(lastFindings.current.get(field.id) ?? [], field.text) };
    })
    .filter((entry) => entry.findings.length > 0);
}

/** Earlier findings moved to where their excerpt now stands in the edited text; those no longer there drop out. */
function relocate(findings: PersonalDataFinding[], text: string): PersonalDataFinding[] {
  return findings.flatMap((finding) => {
    const start = text.indexOf(finding.excerpt);
    return start === -1 ? [] : [{ ...finding, start, end: start + finding.excerpt.length }];
  });
}

/** A stable signature of what was found, so a confirmation given for one set of findings is not reused for another. */
export const findingsSignature = (entries: FieldFindings[]) =>
  entries
    .flatMap((entry) =>
      entry.findings.map((finding) => `${entry.field.id}:${finding.kind}:${finding.excerpt}`),
    )
    .join('|');

const CONTEXT_CHARS = 40;

/** The finding in a little of its surrounding text, the finding itself marked. */
function Excerpt({ text, finding }: { text: string; finding: PersonalDataFinding }) {
  const before = text.slice(Math.max(0, finding.start - CONTEXT_CHARS), finding.start);
  const after = text.slice(finding.end, finding.end + CONTEXT_CHARS);
  return (
    <q className="cg-rfa-excerpt" dir="auto">
      {finding.start > CONTEXT_CHARS && '…'}
      {before}
      <mark>{text.slice(finding.start, finding.end) || finding.excerpt}</mark>
      {after}
      {finding.end + CONTEXT_CHARS < text.length && '…'}
    </q>
  );
}

type GuardProps = {
  entries: FieldFindings[];
  isConfirmed: boolean;
  onConfirm: (isConfirmed: boolean) => void;
  error?: string | undefined;
};

/** The "minimum necessary information" warning: what looks like personal data, and the sender's confirmation. */
export function PersonalDataGuard({ entries, isConfirmed, onConfirm, error }: GuardProps) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <Alert tone="warning" title={t('assistance.guard.title')} className="cg-rfa-guard">
      <p>{t('assistance.guard.intro')}</p>
      <ul className="cg-rfa-findings">
        {entries.flatMap((entry) =>
          entry.findings.map((finding) => (
            <li key={`${entry.field.id}-${finding.start}-${finding.kind}`}>
              <span className="cg-rfa-finding-kind">
                {t(`assistance.guard.kinds.${finding.kind}`)} · {entry.field.label}
              </span>
              <Excerpt text={entry.field.text} finding={finding} />
            </li>
          )),
        )}
      </ul>
      <p>{t('assistance.guard.advice')}</p>
      <Checkbox
        label={t('assistance.guard.confirm')}
        checked={isConfirmed}
        onChange={onConfirm}
        error={error}
      />
    </Alert>
  );
}
