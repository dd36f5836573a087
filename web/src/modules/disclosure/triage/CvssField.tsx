import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/errors.ts';
import { TextField } from '../../../ui/index.ts';
import { SeverityBadge, useScoreFormat } from './labels.tsx';
import { scoreCvss } from './triageApi.ts';
import type { CvssScore } from './types.ts';

/** How long typing must pause before the vector is checked, so each keystroke does not ask the server. */
const CHECK_DELAY_MS = 400;

export type CvssCheck =
  | { state: 'empty' }
  | { state: 'checking' }
  | { state: 'valid'; score: CvssScore }
  | { state: 'invalid'; detail: string | undefined; isWrongVersion: boolean }
  | { state: 'unavailable' };

/** Checks a vector with the API as it is typed: its score and severity, or why it is refused. */
export function useCvssCheck(vector: string, version: '3.1' | '4.0'): CvssCheck {
  const [check, setCheck] = useState<CvssCheck>({ state: 'empty' });
  useEffect(() => {
    const trimmed = vector.trim();
    if (!trimmed) {
      setCheck({ state: 'empty' });
      return;
    }
    let isCurrent = true;
    setCheck({ state: 'checking' });
    const timer = window.setTimeout(() => {
      scoreCvss(trimmed).then(
        (score) => {
          if (!isCurrent) return;
          setCheck(
            score.version === version
              ? { state: 'valid', score }
              : { state: 'invalid', detail: undefined, isWrongVersion: true },
          );
        },
        (error: unknown) => {
          if (!isCurrent) return;
          if (error instanceof ApiError && error.code === 'invalid_cvss_vector') {
            setCheck({ state: 'invalid', detail: error.detail, isWrongVersion: false });
          } else if (error instanceof ApiError && error.status === 400) {
            setCheck({ state: 'invalid', detail: undefined, isWrongVersion: false });
          } else {
            setCheck({ state: 'unavailable' });
          }
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [vector, version]);
  return check;
}

type CvssFieldProps = {
  label: string;
  version: '3.1' | '4.0';
  value: string;
  onChange: (value: string) => void;
  /** An error from saving, which wins over the live check. */
  error?: string | undefined;
};

/** A CVSS vector with its score and severity shown live, or the reason it is not a valid vector. */
export function CvssField({ label, version, value, onChange, error }: CvssFieldProps) {
  const { t } = useTranslation();
  const formatScore = useScoreFormat();
  const check = useCvssCheck(value, version);
  const liveError =
    check.state === 'invalid'
      ? check.isWrongVersion
        ? t('triage.cvss.wrongVersion', { version })
        : t('triage.cvss.invalid', { version })
      : undefined;
  return (
    <div className="cg-stack-tight cg-triage-cvss">
      <TextField
        label={label}
        // The example is isolated left to right, so a right-to-left sentence does not reorder its parts.
        hint={t('triage.cvss.hint', { example: `\u2066CVSS:${version}/AV:N/AC:L/…\u2069` })}
        value={value}
        onChange={onChange}
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        maxLength={version === '3.1' ? 300 : 400}
        error={error ?? liveError}
      />
      <div className="cg-triage-cvss-result cg-small" role="status">
        {check.state === 'checking' && <span className="cg-muted">{t('triage.cvss.checking')}</span>}
        {check.state === 'valid' && (
          <span className="cg-cluster">
            <span className="cg-triage-score">
              {t('triage.cvss.score', { score: formatScore(check.score.baseScore) })}
            </span>
            <SeverityBadge severity={check.score.severity} />
          </span>
        )}
        {check.state === 'invalid' && check.detail && !error && (
          <span className="cg-muted" lang="en" dir="ltr">
            {check.detail}
          </span>
        )}
        {check.state === 'unavailable' && <span className="cg-muted">{t('triage.cvss.unavailable')}</span>}
      </div>
    </div>
  );
}
