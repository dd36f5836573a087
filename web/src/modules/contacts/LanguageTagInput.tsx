import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/index.ts';
import { canonicalLanguageTag } from './format.ts';
import { useLanguageNames } from './reference.ts';

type LanguageTagInputProps = {
  label: string;
  hint: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  /** A message from the server about the list. */
  error?: string | undefined;
};

/**
 * Languages as BCP 47 tags, in order of preference: type a tag, press Enter or "Add". The browser
 * checks the tag (Intl.getCanonicalLocales) and shows its name before the server sees it.
 */
export function LanguageTagInput({ label, hint, tags, onChange, error }: LanguageTagInputProps) {
  const { t } = useTranslation();
  const languageName = useLanguageNames();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [localError, setLocalError] = useState<string>();
  const shownError = localError ?? error;
  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : ''].filter(Boolean).join(' ');
  const preview = canonicalLanguageTag(draft);

  const add = () => {
    if (!draft.trim()) return;
    const tag = canonicalLanguageTag(draft);
    if (!tag) {
      setLocalError(t('contacts.editor.invalidTag', { tag: draft.trim() }));
      return;
    }
    setLocalError(undefined);
    setDraft('');
    if (!tags.includes(tag)) onChange([...tags, tag]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    }
  };
  const move = (index: number, by: number) => {
    const next = [...tags];
    const [tag] = next.splice(index, 1);
    if (tag === undefined) return;
    next.splice(index + by, 0, tag);
    onChange(next);
  };

  return (
    <fieldset className="cg-fieldset cg-poc-tags" aria-describedby={describedBy}>
      <legend>{label}</legend>
      <div className="cg-hint" id={`${id}-hint`}>
        {hint}
      </div>
      {tags.length > 0 && (
        <ol className="cg-poc-tag-list">
          {tags.map((tag, index) => (
            <li key={tag} className="cg-poc-tag">
              <span>
                {languageName(tag)}{' '}
                <span className="cg-small cg-muted" dir="ltr">
                  ({tag})
                </span>
              </span>
              {index > 0 && (
                <Button variant="ghost" size="small" onClick={() => move(index, -1)}>
                  {t('contacts.editor.moveUp')}
                  <span className="cg-visually-hidden"> {languageName(tag)}</span>
                </Button>
              )}
              <Button
                variant="ghost"
                size="small"
                onClick={() => onChange(tags.filter((entry) => entry !== tag))}
              >
                {t('contacts.editor.remove')}
                <span className="cg-visually-hidden"> {languageName(tag)}</span>
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div className="cg-poc-tag-add">
        <div className="cg-field">
          <label className="cg-label" htmlFor={`${id}-input`}>
            {t('contacts.editor.addLanguage')}
          </label>
          <input
            id={`${id}-input`}
            className="cg-input"
            dir="ltr"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setLocalError(undefined);
            }}
            onKeyDown={onKeyDown}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={shownError ? `${id}-error` : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder="fr-CA"
            maxLength={35}
          />
        </div>
        <Button variant="secondary" onClick={add}>
          {t('contacts.editor.add')}
        </Button>
        {preview && <span className="cg-small cg-muted">{languageName(preview)}</span>}
      </div>
      {shownError && (
        <div className="cg-field-error" id={`${id}-error`}>
          {shownError}
        </div>
      )}
    </fieldset>
  );
}
