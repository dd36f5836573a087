import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, TextField } from '../../../ui/index.ts';
import { useDisclosureLabels } from '../shared/codes.ts';
import type { Program } from '../shared/types.ts';
import { parseLanguageTags, UN_LANGUAGE_TAGS } from './languages.ts';

export type StatusPanelProps = {
  program: Program;
  isBusy: boolean;
  error: string | undefined;
  onPublish: () => void;
  onRetire: () => void;
};

/** Where the program stands, and the one change that is open from there. */
export function StatusPanel({ program, isBusy, error, onPublish, onRetire }: StatusPanelProps) {
  const { t } = useTranslation();
  const labels = useDisclosureLabels();
  return (
    <Alert
      tone={program.status === 'published' ? 'success' : 'warning'}
      title={t('disclosurePrograms.editor.statusTitle', { status: labels.programStatus(program.status) })}
    >
      <p>
        {t(
          `disclosurePrograms.editor.statusText.${program.status === 'published' ? 'published' : program.status === 'retired' ? 'retired' : 'draft'}`,
        )}
      </p>
      <div className="cg-cluster">
        {program.status === 'published' ? (
          <Button variant="danger" size="small" onClick={onRetire} disabled={isBusy}>
            {t('disclosurePrograms.editor.retire')}
          </Button>
        ) : (
          <Button size="small" onClick={onPublish} isBusy={isBusy}>
            {program.status === 'retired'
              ? t('disclosurePrograms.editor.publishAgain')
              : t('disclosurePrograms.editor.publish')}
          </Button>
        )}
      </div>
      {error && (
        <p className="cg-field-error" role="alert">
          {error}
        </p>
      )}
    </Alert>
  );
}

type LanguagesFieldsetProps = {
  selected: string[];
  onSelected: (tags: string[]) => void;
  others: string;
  onOthers: (value: string) => void;
  error: string | undefined;
  languageName: (tag: string) => string;
};

/** The six UN languages as checkboxes, and any other BCP 47 tags typed in, with their names shown. */
export function LanguagesFieldset({
  selected,
  onSelected,
  others,
  onOthers,
  error,
  languageName,
}: LanguagesFieldsetProps) {
  const { t } = useTranslation();
  const id = useId();
  const parsed = parseLanguageTags(others);
  return (
    <fieldset className="cg-fieldset" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}>
      <legend>{t('disclosurePrograms.fields.languages')}</legend>
      <div className="cg-hint" id={`${id}-hint`}>
        {t('disclosurePrograms.editor.languagesHint')}
      </div>
      <div className="cg-vdp-languages">
        {UN_LANGUAGE_TAGS.map((tag) => (
          <Checkbox
            key={tag}
            label={
              <>
                {languageName(tag)}{' '}
                <span className="cg-small cg-muted" dir="ltr">
                  ({tag})
                </span>
              </>
            }
            checked={selected.includes(tag)}
            onChange={(isOn) =>
              onSelected(isOn ? [...selected, tag] : selected.filter((entry) => entry !== tag))
            }
          />
        ))}
      </div>
      <TextField
        label={t('disclosurePrograms.editor.otherLanguages')}
        labelNote={t('common.optional')}
        hint={
          parsed.tags.length > 0
            ? parsed.tags
                .map((tag) => `${languageName(tag)} (${tag})`)
                .join(t('disclosurePrograms.listSeparator'))
            : t('disclosurePrograms.editor.otherLanguagesHint')
        }
        value={others}
        onChange={onOthers}
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        placeholder="de, pt-BR, sw"
      />
      {error && (
        <div className="cg-field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </fieldset>
  );
}
