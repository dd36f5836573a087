import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  PageHeader,
  PageSpinner,
  type TabItem,
  Tabs,
  TextArea,
  TextField,
} from '../../../ui/index.ts';
import { BlockEditorRow, type BlockRowActions, moveButtonId } from './BlockEditorRow.tsx';
import { Breadcrumb, draftsListPath } from './Breadcrumb.tsx';
import {
  type EditorBlock,
  moveBlock,
  newEditorBlock,
  paragraphNumbers,
  toEditorBlocks,
  toMarkdown,
  toSavedBlocks,
} from './editorBlocks.ts';
import type { BlockKind, Draft, RevisionView } from './types.ts';
import './drafts.css';
import { isolate } from './bidi.ts';

const TABS = ['blocks', 'markdown', 'details'] as const;
type TabId = (typeof TABS)[number];

/** Puts focus on an element once React has placed it, after a move or a removal re-orders the list. */
function focusSoon(selector: string) {
  window.requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

export function DraftEditorPage() {
  const { t } = useTranslation();
  const { draftId = '' } = useParams();
  const { user } = useAuth();
  const { messageOf } = useErrorMessages();
  const path = { id: draftId };

  const draft = useQuery(`draft:${draftId}:${user?.id ?? ''}`, () =>
    call(api.GET('/api/v1/participation/drafts/{id}', { params: { path } })),
  );
  const canManage = draft.data?.canManage === true;
  const workingCopy = useQuery(canManage ? `working-copy:${draftId}` : null, () =>
    call(api.GET('/api/v1/participation/drafts/{id}/working-copy', { params: { path } })),
  );
  usePageTitle(
    draft.data ? t('drafts.editor.pageTitle', { title: isolate(draft.data.title) }) : t('drafts.title'),
  );

  if ((draft.isLoading && !draft.data) || (canManage && !workingCopy.data && !workingCopy.error)) {
    return <PageSpinner label={t('common.loading')} />;
  }
  const error = draft.error ?? workingCopy.error;
  if (error || !draft.data) {
    return (
      <>
        <PageHeader title={t('drafts.editor.title')} />
        <Alert tone="danger">{error ? messageOf(error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }
  if (!canManage || !workingCopy.data) {
    return (
      <>
        <PageHeader title={t('drafts.editor.title')} />
        <Alert tone="warning">
          <p>{t('drafts.editor.chairsOnly')}</p>
          <Link to={`/participation/drafts/${draftId}`}>{t('drafts.editor.backToDraft')}</Link>
        </Alert>
      </>
    );
  }
  return <Editor draft={draft.data} onDraftChanged={draft.setData} initial={workingCopy.data} />;
}

type EditorProps = { draft: Draft; onDraftChanged: (draft: Draft) => void; initial: RevisionView };

function Editor({ draft, onDraftChanged, initial }: EditorProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const [tab, setTab] = useState<TabId>('blocks');
  const [blocks, setBlocks] = useState<EditorBlock[]>(() => toEditorBlocks(initial.blocks));
  const [isDirty, setIsDirty] = useState(false);
  const [hasWorkingCopy, setHasWorkingCopy] = useState(draft.hasWorkingCopy);
  const [emptyBlocks, setEmptyBlocks] = useState<ReadonlySet<string>>(new Set());
  const [markdown, setMarkdown] = useState('');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const path = { id: draft.id };

  // Leaving the page with unsaved edits asks first; in-app links are not guarded.
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const edit = useCallback((update: (current: EditorBlock[]) => EditorBlock[]) => {
    setBlocks(update);
    setIsDirty(true);
  }, []);

  const blocksRef = useRef(blocks);
  blocksRef.current = blocks;
  const actions = useRef<BlockRowActions>({
    onChange: (localId, change) =>
      edit((current) =>
        current.map((block) => (block.localId === localId ? { ...block, ...change } : block)),
      ),
    onMove: (localId, step) => {
      const current = blocksRef.current;
      const index = current.findIndex((block) => block.localId === localId);
      const target = index + step;
      if (index < 0 || target < 0 || target >= current.length) return;
      edit((list) => moveBlock(list, localId, step));
      // At either end the pressed button becomes disabled, so focus goes to its opposite.
      const isAtEnd = target === 0 || target === current.length - 1;
      focusSoon(`#${moveButtonId(localId, isAtEnd ? (-step as -1 | 1) : step)}`);
    },
    onRemove: (localId) => {
      const current = blocksRef.current;
      const index = current.findIndex((block) => block.localId === localId);
      const neighbour = current[index + 1] ?? current[index - 1];
      edit((list) => list.filter((block) => block.localId !== localId));
      focusSoon(neighbour ? `[data-block-text="${neighbour.localId}"]` : '#block-add-paragraph');
    },
    onInsertAfter: (localId) => {
      const added = newEditorBlock('paragraph');
      edit((list) => {
        const index = list.findIndex((block) => block.localId === localId);
        return [...list.slice(0, index + 1), added, ...list.slice(index + 1)];
      });
      focusSoon(`[data-block-text="${added.localId}"]`);
    },
  }).current;

  const append = (kind: BlockKind) => {
    const added = newEditorBlock(kind);
    edit((list) => [...list, added]);
    focusSoon(`[data-block-text="${added.localId}"]`);
  };

  const applySaved = (view: RevisionView) => {
    setBlocks(toEditorBlocks(view.blocks));
    setIsDirty(false);
    setHasWorkingCopy(true);
    setEmptyBlocks(new Set());
  };

  const save = useAction(() =>
    call(
      api.PUT('/api/v1/participation/drafts/{id}/working-copy', {
        params: { path },
        body: { blocks: toSavedBlocks(blocks) },
      }),
    ),
  );
  const onSave = async () => {
    const empty = new Set(blocks.filter((block) => block.text.trim() === '').map((block) => block.localId));
    setEmptyBlocks(empty);
    if (empty.size > 0) {
      const first = blocks.find((block) => empty.has(block.localId));
      if (first) focusSoon(`[data-block-text="${first.localId}"]`);
      return;
    }
    const view = await save.run();
    if (!view) return;
    applySaved(view);
    toast(t('drafts.editor.saved'));
  };

  const importing = useAction(() =>
    call(api.PUT('/api/v1/participation/drafts/{id}/working-copy', { params: { path }, body: { markdown } })),
  );
  const onImport = async (event: FormEvent) => {
    event.preventDefault();
    const view = await importing.run();
    if (!view) return;
    applySaved(view);
    setTab('blocks');
    toast(
      t('drafts.editor.imported', {
        paragraphs: view.blocks.filter((block) => block.kind === 'paragraph').length,
      }),
    );
  };

  const [title, setTitle] = useState(draft.title);
  const [summary, setSummary] = useState(draft.summary);
  const saveDetails = useAction(() =>
    call(
      api.PATCH('/api/v1/participation/drafts/{id}', {
        params: { path },
        body: { title: title.trim(), summary: summary.trim() },
      }),
    ),
  );
  const onSaveDetails = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await saveDetails.run();
    if (!updated) return;
    onDraftChanged(updated);
    toast(t('drafts.editor.detailsSaved'));
  };

  const nextRevision = draft.currentRevision + 1;
  const publish = useAction(() =>
    call(
      api.POST('/api/v1/participation/drafts/{id}/revisions', {
        params: { path },
        body: { note: note.trim() },
      }),
    ),
  );
  const onPublish = async (event: FormEvent) => {
    event.preventDefault();
    setNoteMissing(note.trim() === '');
    if (note.trim() === '') return;
    const published = await publish.run();
    if (!published) return;
    toast(t('drafts.editor.published', { number: published.number ?? nextRevision }));
    navigate(`/participation/drafts/${draft.id}`);
  };

  const numbers = paragraphNumbers(blocks);
  const tabs: TabItem[] = TABS.map((id) => ({ id, label: t(`drafts.editor.tabs.${id}`) }));
  const saveBar = (
    <div className="cg-cluster cg-editor-save-bar">
      <Button onClick={() => void onSave()} isBusy={save.isBusy}>
        {t('drafts.editor.save')}
      </Button>
      <span className="cg-muted" aria-live="polite">
        {isDirty ? t('drafts.editor.unsaved') : hasWorkingCopy ? t('drafts.editor.allSaved') : ''}
      </span>
    </div>
  );

  const panels: Record<TabId, () => ReactNode> = {
    blocks: () => (
      <div className="cg-stack">
        <p className="cg-muted">{t('drafts.editor.blocksIntro')}</p>
        <FormErrorAlert error={save.error} />
        {emptyBlocks.size > 0 && (
          <Alert tone="danger" isLive>
            {t('drafts.editor.emptyBlocks')}
          </Alert>
        )}
        {saveBar}
        {blocks.length === 0 ? (
          <EmptyState title={t('drafts.editor.noBlocks')}>{t('drafts.editor.noBlocksHint')}</EmptyState>
        ) : (
          <ol className="cg-block-list">
            {blocks.map((block, index) => (
              <BlockEditorRow
                key={block.localId}
                block={block}
                number={numbers.get(block.localId)}
                isFirst={index === 0}
                isLast={index === blocks.length - 1}
                error={emptyBlocks.has(block.localId) ? t('drafts.editor.emptyBlock') : undefined}
                {...actions}
              />
            ))}
          </ol>
        )}
        <div className="cg-cluster">
          <Button id="block-add-paragraph" variant="secondary" onClick={() => append('paragraph')}>
            {t('drafts.editor.addParagraph')}
          </Button>
          <Button variant="secondary" onClick={() => append('heading')}>
            {t('drafts.editor.addHeading')}
          </Button>
        </div>
        {saveBar}
      </div>
    ),
    markdown: () => (
      <form className="cg-form cg-form-wide" onSubmit={onImport} noValidate>
        <p className="cg-muted">{t('drafts.editor.markdownIntro')}</p>
        <FormErrorAlert error={importing.error} />
        <TextArea
          label={t('drafts.markdownField')}
          hint={t('drafts.markdownHint')}
          value={markdown}
          onChange={setMarkdown}
          rows={20}
          className="cg-draft-markdown"
          required
        />
        {isDirty && <Alert tone="warning">{t('drafts.editor.importDiscards')}</Alert>}
        <div className="cg-cluster">
          <Button type="submit" isBusy={importing.isBusy} disabled={markdown.trim() === ''}>
            {t('drafts.editor.importAction')}
          </Button>
        </div>
      </form>
    ),
    details: () => (
      <form className="cg-form" onSubmit={onSaveDetails} noValidate>
        <FormErrorAlert error={saveDetails.error} />
        <TextField
          label={t('drafts.titleField')}
          value={title}
          onChange={setTitle}
          required
          minLength={3}
          maxLength={300}
        />
        <TextArea
          label={t('drafts.summaryField')}
          labelNote={t('common.optional')}
          value={summary}
          onChange={setSummary}
          rows={4}
          maxLength={5_000}
        />
        <div className="cg-cluster">
          <Button type="submit" isBusy={saveDetails.isBusy}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    ),
  };

  const canPublish = hasWorkingCopy && !isDirty;
  return (
    <>
      <Breadcrumb
        items={[
          { to: draftsListPath(draft.processId, draft.groupId), label: t('drafts.title') },
          { to: `/participation/drafts/${draft.id}`, label: draft.title },
        ]}
      />
      <PageHeader
        title={t('drafts.editor.title')}
        description={t('drafts.editor.intro', { title: isolate(draft.title) })}
        actions={
          <ButtonLink variant="secondary" to={`/participation/drafts/${draft.id}`}>
            {t('drafts.editor.backToDraft')}
          </ButtonLink>
        }
      />
      <div className="cg-stack">
        <Tabs
          label={t('drafts.editor.tabsLabel')}
          tabs={tabs}
          selectedId={tab}
          onSelect={(id) => {
            // The Markdown tab starts from what is on screen, so an import can begin as an edit of it.
            if (id === 'markdown' && tab !== 'markdown') setMarkdown(toMarkdown(blocks));
            setTab(id as TabId);
          }}
        >
          {panels[tab]()}
        </Tabs>
        <Card title={t('drafts.editor.publishTitle', { number: nextRevision })}>
          <form className="cg-form" onSubmit={onPublish} noValidate>
            <p className="cg-muted">{t('drafts.editor.publishIntro')}</p>
            <FormErrorAlert error={publish.error} />
            <TextArea
              label={t('drafts.editor.note')}
              hint={t('drafts.editor.noteHint')}
              value={note}
              onChange={setNote}
              rows={3}
              maxLength={2_000}
              required
              error={noteMissing ? t('drafts.editor.noteMissing') : undefined}
            />
            {!canPublish && (
              <p className="cg-muted">
                {isDirty ? t('drafts.editor.saveBeforePublishing') : t('drafts.editor.nothingToPublish')}
              </p>
            )}
            <div className="cg-cluster">
              <Button type="submit" isBusy={publish.isBusy} disabled={!canPublish}>
                {t('drafts.editor.publishAction', { number: nextRevision })}
              </Button>
            </div>
          </form>
        </Card>
      </div>
    </>
  );
}
