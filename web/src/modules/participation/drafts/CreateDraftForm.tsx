import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, Select, type SelectOption, TextArea, TextField } from '../../../ui/index.ts';
import { isolate } from './bidi.ts';

type CreateDraftFormProps = {
  processId: string;
  /** The groups the person may create drafts in; "" stands for the process as a whole (secretariat). */
  groupOptions: SelectOption[];
  initialGroupId: string;
};

/** Starts a draft in preparation, optionally with its text imported from Markdown. */
export function CreateDraftForm({ processId, groupOptions, initialGroupId }: CreateDraftFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { messageOf, fieldErrorsOf } = useErrorMessages();
  // Until the person picks one, follow the suggestion, which may arrive after the form first renders.
  const [chosenGroupId, setGroupId] = useState<string>();
  const groupId = chosenGroupId ?? initialGroupId;
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [markdown, setMarkdown] = useState('');

  const create = useAction(() =>
    call(
      api.POST('/api/v1/participation/processes/{id}/drafts', {
        params: { path: { id: processId } },
        body: {
          title: title.trim(),
          ...(groupId ? { groupId } : {}),
          ...(summary.trim() ? { summary: summary.trim() } : {}),
          ...(markdown.trim() ? { markdown } : {}),
        },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const draft = await create.run();
    if (!draft) return;
    toast(t('drafts.created', { title: isolate(draft.title) }));
    navigate(`/participation/drafts/${draft.id}/edit`);
  };

  const fieldErrors = fieldErrorsOf(create.error, { no_paragraphs: 'markdown' });
  // A 403 means the person chairs no group here and does not act for the secretariat: say so plainly.
  const errorText = create.error
    ? create.error.status === 403
      ? t('drafts.createForbidden')
      : messageOf(create.error)
    : undefined;
  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      {errorText && (
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{errorText}</p>
        </Alert>
      )}
      <div className="cg-form-row">
        <TextField
          label={t('drafts.titleField')}
          value={title}
          onChange={setTitle}
          required
          minLength={3}
          maxLength={300}
          error={fieldErrors.title}
        />
        {groupOptions.length > 0 && (
          <Select
            label={t('drafts.groupField')}
            hint={t('drafts.groupHint')}
            value={groupId}
            onChange={setGroupId}
            options={groupOptions}
          />
        )}
      </div>
      <TextArea
        label={t('drafts.summaryField')}
        labelNote={t('common.optional')}
        value={summary}
        onChange={setSummary}
        rows={3}
        maxLength={5_000}
        error={fieldErrors.summary}
      />
      <TextArea
        label={t('drafts.markdownField')}
        labelNote={t('common.optional')}
        hint={t('drafts.markdownHint')}
        value={markdown}
        onChange={setMarkdown}
        rows={12}
        className="cg-draft-markdown"
        error={fieldErrors.markdown}
      />
      <div className="cg-cluster">
        <Button type="submit" isBusy={create.isBusy}>
          {t('drafts.createAction')}
        </Button>
      </div>
    </form>
  );
}
