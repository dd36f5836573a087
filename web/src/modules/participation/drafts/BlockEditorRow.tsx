import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextArea } from '../../../ui/index.ts';
import type { EditorBlock } from './editorBlocks.ts';
import type { BlockKind } from './types.ts';

export type BlockRowActions = {
  onChange: (localId: string, change: Partial<Pick<EditorBlock, 'kind' | 'text'>>) => void;
  onMove: (localId: string, step: -1 | 1) => void;
  onRemove: (localId: string) => void;
  onInsertAfter: (localId: string) => void;
};

type BlockEditorRowProps = BlockRowActions & {
  block: EditorBlock;
  /** The paragraph's number after saving; undefined for a heading. */
  number: number | undefined;
  isFirst: boolean;
  isLast: boolean;
  error: string | undefined;
};

/** The id of a row's move button, so the page can put focus back on it after the move. */
export const moveButtonId = (localId: string, step: -1 | 1) => `block-${localId}-${step < 0 ? 'up' : 'down'}`;

/** One block of the working copy: its kind, its text, and buttons to move, insert after and remove it. */
export const BlockEditorRow = memo(function BlockEditorRow({
  block,
  number,
  isFirst,
  isLast,
  error,
  onChange,
  onMove,
  onRemove,
  onInsertAfter,
}: BlockEditorRowProps) {
  const { t } = useTranslation();
  const name =
    block.kind === 'heading'
      ? t('drafts.editor.headingName')
      : t('drafts.paragraphLabel', { number: number ?? '' });
  return (
    <li className={block.kind === 'heading' ? 'cg-block-row cg-block-row-heading' : 'cg-block-row'}>
      <div className="cg-block-row-fields">
        <TextArea
          data-block-text={block.localId}
          label={name}
          labelNote={block.key ? undefined : t('drafts.editor.newBlock')}
          value={block.text}
          onChange={(text) => onChange(block.localId, { text })}
          rows={block.kind === 'heading' ? 1 : 3}
          maxLength={20_000}
          dir="auto"
          error={error}
        />
        <Select
          label={
            <>
              {t('drafts.editor.kind')}
              <span className="cg-visually-hidden">: {name}</span>
            </>
          }
          value={block.kind}
          onChange={(kind) => onChange(block.localId, { kind: kind as BlockKind })}
          options={[
            { value: 'paragraph', label: t('drafts.editor.kindParagraph') },
            { value: 'heading', label: t('drafts.editor.kindHeading') },
          ]}
        />
      </div>
      <div className="cg-cluster cg-block-row-actions">
        <Button
          id={moveButtonId(block.localId, -1)}
          size="small"
          variant="secondary"
          disabled={isFirst}
          onClick={() => onMove(block.localId, -1)}
        >
          {t('drafts.editor.moveUp')}
          <span className="cg-visually-hidden">: {name}</span>
        </Button>
        <Button
          id={moveButtonId(block.localId, 1)}
          size="small"
          variant="secondary"
          disabled={isLast}
          onClick={() => onMove(block.localId, 1)}
        >
          {t('drafts.editor.moveDown')}
          <span className="cg-visually-hidden">: {name}</span>
        </Button>
        <Button size="small" variant="secondary" onClick={() => onInsertAfter(block.localId)}>
          {t('drafts.editor.insertAfter')}
          <span className="cg-visually-hidden">: {name}</span>
        </Button>
        <Button size="small" variant="ghost" onClick={() => onRemove(block.localId)}>
          {t('drafts.editor.remove')}
          <span className="cg-visually-hidden">: {name}</span>
        </Button>
      </div>
    </li>
  );
});
