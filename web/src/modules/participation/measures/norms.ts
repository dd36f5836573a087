import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { type PickedText, useTextPicker } from './localized.tsx';
import type { Norm } from './types.ts';

// The norms are fixed reference text: fetch them once and share them between pages.
let normsRequest: Promise<Norm[]> | undefined;

function loadNorms(): Promise<Norm[]> {
  normsRequest ??= call(api.GET('/api/v1/participation/norms')).then((result) => result.items);
  normsRequest.catch(() => {
    normsRequest = undefined;
  });
  return normsRequest;
}

/** The UN norms 13(a)–(k) with their titles in the interface's language, and select options for them. */
export function useNorms() {
  const { t } = useTranslation();
  const { pick } = useTextPicker();
  const [norms, setNorms] = useState<Norm[]>([]);
  const [hasFailed, setHasFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    loadNorms().then(
      (loaded) => isCurrent && setNorms(loaded),
      () => isCurrent && setHasFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return useMemo(() => {
    const byCode = new Map(norms.map((norm) => [norm.code, norm]));
    /** "13(j)" for a code; the code itself is already readable while the list loads. */
    const labelOf = (code: string) => byCode.get(code)?.label ?? code.replace(/^13(\w)$/, '13($1)');
    const titleOf = (code: string): PickedText | undefined => {
      const norm = byCode.get(code);
      return norm ? pick(norm.title) : undefined;
    };
    /** "13(j) — Report vulnerabilities responsibly"; the label stays left to right in Arabic text. */
    const optionLabelOf = (norm: Norm) =>
      t('measures.normOption', { label: `\u2066${norm.label}\u2069`, title: pick(norm.title).text });
    const options = norms.map((norm) => ({ value: norm.code, label: optionLabelOf(norm) }));
    return { norms, byCode, labelOf, titleOf, options, optionLabelOf, hasFailed };
  }, [norms, hasFailed, pick, t]);
}
