import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { blockText, type ArticleDetail, type Block, type BlockKind } from '../../../../shared/article.js';

/** Block kinds shown in a box rather than as running text. */
type BoxKind = Extract<BlockKind, 'credits' | 'notice' | 'nonpublic'>;

/** Running text is one block; boxed blocks of the same kind that follow each other share one box. */
type Group = { kind: 'heading' | 'paragraph'; blocks: [Block]; index: number } | { kind: BoxKind; blocks: Block[]; index: number };

/** Groups consecutive boxed blocks, so a dpa "Notizblock" of five lines is one box with one label. */
function groupBlocks(blocks: readonly Block[]): Group[] {
  const groups: Group[] = [];
  blocks.forEach((block, index) => {
    const prev = groups[groups.length - 1];
    if (block.kind === 'heading' || block.kind === 'paragraph') groups.push({ kind: block.kind, blocks: [block], index });
    else if (prev && prev.kind === block.kind) prev.blocks.push(block);
    else groups.push({ kind: block.kind, blocks: [block], index });
  });
  return groups;
}

/**
 * Index of the paragraph that opens with the dateline ("Seoul (Reuters) - "). It is usually the
 * first, but dpa puts a teaser before it, so the first paragraph that starts with it wins.
 */
function findDatelineBlock(article: ArticleDetail): number {
  const dateline = article.datelineText;
  if (!dateline) return -1;
  return article.blocks.findIndex((b) => b.kind === 'paragraph' && blockText(article.text, b).startsWith(dateline));
}

interface ArticleBodyProps {
  article: ArticleDetail;
  /** The article's language, set on its text (not on our labels). */
  textLang: string | undefined;
  /**
   * Renders the canonical text [start, end) of a public block (e.g. with annotation highlights);
   * without it the text is plain. Non-public blocks and the dateline are never passed to it.
   */
  decorate?: ((start: number, end: number) => ReactNode) | undefined;
}

/**
 * The article text as React elements, block by block. Imported text is only ever a text node
 * here: nothing is parsed as HTML, whatever the source file contained.
 */
export function ArticleBody({ article, textLang, decorate }: ArticleBodyProps) {
  const { t } = useTranslation();
  const datelineBlock = findDatelineBlock(article);
  const render = (start: number, end: number) => (decorate ? decorate(start, end) : article.text.slice(start, end));
  const texts = (blocks: Block[], decorated = true) =>
    blocks.map((b) => (
      <p key={b.start} className="block-text" lang={textLang}>
        {decorated ? render(b.start, b.end) : blockText(article.text, b)}
      </p>
    ));

  return (
    <div className="reader-body">
      {groupBlocks(article.blocks).map((group) => {
        const key = group.blocks[0]?.start ?? group.index;
        switch (group.kind) {
          case 'heading':
            return (
              <h3 key={key} className="block-heading" lang={textLang}>
                {render(group.blocks[0].start, group.blocks[0].end)}
              </h3>
            );
          case 'paragraph': {
            const block = group.blocks[0];
            const text = blockText(article.text, block);
            const dateline = article.datelineText;
            if (group.index === datelineBlock && dateline) {
              if (decorate) {
                // The dateline keeps its look; the offsets let a selection start in it.
                const shown = dateline.trim();
                return (
                  <p key={key} className="block-paragraph" lang={textLang}>
                    <span className="dateline" data-start={block.start} data-end={block.start + shown.length}>
                      {shown}
                    </span>
                    {decorate(block.start + shown.length, block.end)}
                  </p>
                );
              }
              return (
                <p key={key} className="block-paragraph" lang={textLang}>
                  <span className="dateline">{dateline.trim()}</span> {text.slice(dateline.length)}
                </p>
              );
            }
            return (
              <p key={key} className="block-paragraph" lang={textLang}>
                {render(block.start, block.end)}
              </p>
            );
          }
          case 'credits':
          case 'notice':
            return (
              <div key={key} className={`block-muted block-${group.kind}`}>
                <p className="block-label">{t(group.kind === 'credits' ? 'reader.creditsBlock' : 'reader.noticeBlock')}</p>
                {texts(group.blocks)}
              </div>
            );
          case 'nonpublic':
            return (
              <div key={key} className="block-nonpublic">
                <p className="block-label nonpublic-label">
                  <span className="nonpublic-icon" aria-hidden="true">
                    ⊘
                  </span>{' '}
                  {t('reader.nonpublicLabel')}
                </p>
                <p className="nonpublic-hint">{t('reader.nonpublicHint')}</p>
                {texts(group.blocks, false)}
              </div>
            );
        }
      })}
    </div>
  );
}
