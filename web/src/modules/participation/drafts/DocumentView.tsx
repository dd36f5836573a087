import {
  createContext,
  memo,
  type ReactNode,
  useCallback,
  useContext,
  useId,
  useMemo,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Card, classNames } from '../../../ui/index.ts';
import { ContributionsPanel, type PanelTarget } from '../consultations/ContributionsPanel.tsx';
import type { Consultation, Contribution } from '../consultations/types.ts';
import type { RemovedParagraph, RevisionView, ViewBlock } from './types.ts';

type PanelEnvironment = {
  draftId: string;
  viewedRevision: number;
  openConsultation: Consultation | undefined;
  canManage: boolean;
  onContributed: (contribution: Contribution) => void;
};

// Rows read what their panel needs from context, so a row re-renders only when it opens or its counts change.
const PanelContext = createContext<PanelEnvironment | undefined>(undefined);

function Panel({ id, target }: { id: string; target: PanelTarget }) {
  const environment = useContext(PanelContext);
  if (!environment) return null;
  return <ContributionsPanel id={id} target={target} {...environment} />;
}

type CountsButtonProps = {
  isOpen: boolean;
  panelId: string;
  onToggle: () => void;
  /** Names what the counts are about for screen readers, e.g. "Paragraph 3". */
  subject: string;
  comments: number;
  amendments?: number | undefined;
};

function CountsButton({ isOpen, panelId, onToggle, subject, comments, amendments }: CountsButtonProps) {
  const { t } = useTranslation();
  const hasAny = comments + (amendments ?? 0) > 0;
  return (
    <button
      type="button"
      className={classNames('cg-draft-counts', hasAny && 'cg-draft-counts-some')}
      aria-expanded={isOpen}
      aria-controls={isOpen ? panelId : undefined}
      onClick={onToggle}
    >
      <span className="cg-visually-hidden">{subject}: </span>
      {t('drafts.commentCount', { comments })}
      {amendments !== undefined && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="cg-visually-hidden">, </span>
          {t('drafts.amendmentCount', { amendments })}
        </>
      )}
    </button>
  );
}

/** Opens the panel when the text itself is clicked, unless the reader was selecting words to copy. */
function openUnlessSelecting(open: () => void) {
  return () => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    open();
  };
}

type ParagraphRowProps = { block: ViewBlock; isOpen: boolean; onToggle: (key: string) => void };

const ParagraphRow = memo(function ParagraphRow({ block, isOpen, onToggle }: ParagraphRowProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const toggle = () => onToggle(block.key);
  return (
    <div
      className={classNames('cg-draft-paragraph', isOpen && 'cg-draft-paragraph-open')}
      id={block.number === null ? undefined : `paragraph-${block.number}`}
    >
      <span className="cg-draft-number">{block.number}</span>
      <div className="cg-draft-paragraph-main">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a shortcut for pointer users; the counts button below is the keyboard and screen-reader control. */}
        <p className="cg-draft-text" dir="auto" onClick={openUnlessSelecting(toggle)}>
          {block.text}
        </p>
        <CountsButton
          isOpen={isOpen}
          panelId={panelId}
          onToggle={toggle}
          subject={t('drafts.paragraphLabel', { number: block.number ?? '' })}
          comments={block.commentCount}
          amendments={block.amendmentCount}
        />
      </div>
      {isOpen && (
        <div className="cg-draft-panel-slot">
          <Panel
            id={panelId}
            target={{ type: 'paragraph', key: block.key, number: block.number, text: block.text }}
          />
        </div>
      )}
    </div>
  );
});

type RemovedRowProps = { paragraph: RemovedParagraph; isOpen: boolean; onToggle: (key: string) => void };

const RemovedRow = memo(function RemovedRow({ paragraph, isOpen, onToggle }: RemovedRowProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const toggle = () => onToggle(`removed:${paragraph.key}`);
  const subject = t('drafts.removedParagraphLabel', {
    number: paragraph.lastNumber ?? '',
    revision: paragraph.lastRevision,
  });
  return (
    <div className={classNames('cg-draft-paragraph cg-draft-removed', isOpen && 'cg-draft-paragraph-open')}>
      <div className="cg-draft-paragraph-main">
        <p className="cg-draft-removed-label">{subject}</p>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: as for paragraphs, the counts button is the keyboard control. */}
        <p className="cg-draft-text" dir="auto" onClick={openUnlessSelecting(toggle)}>
          {paragraph.text}
        </p>
        <CountsButton
          isOpen={isOpen}
          panelId={panelId}
          onToggle={toggle}
          subject={subject}
          comments={paragraph.commentCount}
          amendments={paragraph.amendmentCount}
        />
        {isOpen && (
          <Panel
            id={panelId}
            target={{
              type: 'removed',
              key: paragraph.key,
              number: paragraph.lastNumber,
              text: paragraph.text,
            }}
          />
        )}
      </div>
    </div>
  );
});

type DocumentViewProps = PanelEnvironment & { revision: RevisionView; notice?: ReactNode };

/**
 * A revision as readers see it: section headings, numbered paragraphs with their comment and amendment
 * counts, then the general comments and the comments left on paragraphs this revision no longer has.
 * Counts come with the revision; a paragraph's contributions load when its panel opens.
 */
export function DocumentView({ revision, notice, ...environment }: DocumentViewProps) {
  const { t } = useTranslation();
  const [openKeys, setOpenKeys] = useState<ReadonlySet<string>>(new Set());
  const generalPanelId = useId();
  const toggle = useCallback(
    (key: string) =>
      setOpenKeys((current) => {
        const next = new Set(current);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const { draftId, viewedRevision, openConsultation, canManage, onContributed } = environment;
  const panelEnvironment = useMemo(
    () => ({ draftId, viewedRevision, openConsultation, canManage, onContributed }),
    [draftId, viewedRevision, openConsultation, canManage, onContributed],
  );
  const isGeneralOpen = openKeys.has('general');

  return (
    <PanelContext.Provider value={panelEnvironment}>
      <Card title={t('drafts.textTitle', { number: revision.number ?? '' })}>
        <div className="cg-stack">
          {notice}
          <p className="cg-muted cg-small">{t('drafts.textHint')}</p>
          <div className="cg-draft-document">
            {revision.blocks.map((block) =>
              block.kind === 'heading' ? (
                <h3 key={block.key} className="cg-draft-heading" dir="auto">
                  {block.text}
                </h3>
              ) : (
                <ParagraphRow
                  key={block.key}
                  block={block}
                  isOpen={openKeys.has(block.key)}
                  onToggle={toggle}
                />
              ),
            )}
          </div>
        </div>
      </Card>
      <Card title={t('drafts.generalTitle')}>
        <div className="cg-stack">
          <p className="cg-muted">{t('drafts.generalIntro')}</p>
          <div>
            <CountsButton
              isOpen={isGeneralOpen}
              panelId={generalPanelId}
              onToggle={() => toggle('general')}
              subject={t('drafts.generalTitle')}
              comments={revision.generalCommentCount}
            />
          </div>
          {isGeneralOpen && <Panel id={generalPanelId} target={{ type: 'general' }} />}
        </div>
      </Card>
      {revision.removedParagraphs.length > 0 && (
        <Card title={t('drafts.removedTitle')}>
          <div className="cg-stack">
            <p className="cg-muted">{t('drafts.removedIntro', { number: revision.number ?? '' })}</p>
            <div className="cg-draft-document">
              {revision.removedParagraphs.map((paragraph) => (
                <RemovedRow
                  key={paragraph.key}
                  paragraph={paragraph}
                  isOpen={openKeys.has(`removed:${paragraph.key}`)}
                  onToggle={toggle}
                />
              ))}
            </div>
          </div>
        </Card>
      )}
    </PanelContext.Provider>
  );
}
