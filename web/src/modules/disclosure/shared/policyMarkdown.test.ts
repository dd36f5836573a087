import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generatePolicyText } from '../../../../../src/modules/disclosure/programs/policy-text.ts';
import { PolicyText } from './PolicyText.tsx';
import { parseInline, parsePolicyMarkdown } from './policyMarkdown.ts';

const render = (markdown: string, topHeadingLevel?: 2 | 3 | 4) =>
  renderToStaticMarkup(
    createElement(PolicyText, { markdown, ...(topHeadingLevel ? { topHeadingLevel } : {}) }),
  );

describe('parseInline', () => {
  it('reads backslash escapes of ASCII punctuation as the characters themselves', () => {
    expect(parseInline('\\*not bold\\* \\<b\\> a\\\\b \\_x')).toEqual([
      { type: 'text', text: '*not bold* <b> a\\b _x' },
    ]);
  });

  it('keeps a backslash before anything but ASCII punctuation', () => {
    expect(parseInline('C:\\dir \\é')).toEqual([{ type: 'text', text: 'C:\\dir \\é' }]);
  });

  it('parses strong emphasis, code spans and http(s) autolinks', () => {
    expect(parseInline('**Key** `AB CD` at <https://cg.example/p?a=1&b=2>.')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'Key' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'AB CD' },
      { type: 'text', text: ' at ' },
      { type: 'link', href: 'https://cg.example/p?a=1&b=2', text: 'https://cg.example/p?a=1&b=2' },
      { type: 'text', text: '.' },
    ]);
  });

  it('leaves autolinks of other schemes, and unclosed constructs, as text', () => {
    expect(parseInline('<javascript:alert(1)> <mailto:a@b.example> <data:text/html,x> **open `tick')).toEqual(
      [{ type: 'text', text: '<javascript:alert(1)> <mailto:a@b.example> <data:text/html,x> **open `tick' }],
    );
  });

  it('does not close strong emphasis on an escaped star', () => {
    expect(parseInline('**a \\** b**')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'a ** b' }] },
    ]);
  });
});

describe('parsePolicyMarkdown', () => {
  it('splits headings, paragraphs and lists', () => {
    const blocks = parsePolicyMarkdown(
      '# Title\n\nFirst line\nsecond line.\n\n## Scope\n- one\n- two\n\n### Out\n\nNone.\n',
    );
    expect(blocks).toEqual([
      { type: 'heading', depth: 1, children: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line second line.' }] },
      { type: 'heading', depth: 2, children: [{ type: 'text', text: 'Scope' }] },
      { type: 'list', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'heading', depth: 3, children: [{ type: 'text', text: 'Out' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'None.' }] },
    ]);
  });

  it('reads four hashes, or a hash without a space, as text', () => {
    expect(parsePolicyMarkdown('#### deep\n\n#tag')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '#### deep' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '#tag' }] },
    ]);
  });
});

describe('PolicyText', () => {
  it('maps # to the top heading level given, under the page h1', () => {
    expect(render('# A\n\n## B\n\n### C')).toBe(
      '<div class="cg-policy-text" dir="auto"><h2>A</h2><h3>B</h3><h4>C</h4></div>',
    );
    expect(render('# A', 3)).toContain('<h3>A</h3>');
  });

  it('can leave out the title, its sections then taking the top level', () => {
    const html = renderToStaticMarkup(
      createElement(PolicyText, {
        markdown: '# Name\n\nSubtitle.\n\n## Scope\n\n### In scope\n\n# Not a title\n',
        topHeadingLevel: 3,
        isTitleShown: false,
      }),
    );
    expect(html).toBe(
      '<div class="cg-policy-text" dir="auto"><p>Subtitle.</p><h3>Scope</h3><h4>In scope</h4><h2>Not a title</h2></div>',
    );
  });

  it('never turns text into markup', () => {
    const html = render(
      '<img src=x onerror=alert(1)> \\<script\\>alert(1)\\</script\\> <javascript:alert(1)>',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders a policy the server generates, with the names written as typed', () => {
    const markdown = generatePolicyText(
      {
        organizationName: 'Ministry <of> *Things* & [Co]',
        programName: 'Grid `VDP` **1**',
        scopeIn: ['*.gov.example', '<https://evil.example>'],
        scopeOut: ['javascript:alert(1)'],
        safeHarbor: 'full',
        disclosure: { policy: 'coordinated', defaultDays: 90 },
        responseTargets: { acknowledgeDays: 3, triageDays: 10, resolveDays: 90 },
        acceptsAnonymousReports: true,
        offersPublicCredit: true,
        isStateProgram: true,
        reportUrl: 'https://cg.example/disclose/vdp_1/report',
        encryptionKeyFingerprint: 'ABCD'.repeat(10),
      },
      'en',
    );
    const html = render(markdown);
    expect(html).toContain('<h2>Grid `VDP` **1**</h2>');
    expect(html).toContain('Ministry &lt;of&gt; *Things* &amp; [Co]');
    expect(html).toContain('<li>*.gov.example</li>');
    expect(html).toContain('<li>&lt;https://evil.example&gt;</li>');
    expect(html).toContain('<li>javascript:alert(1)</li>');
    // The only link is the report page; the only code is the fingerprint.
    expect([...html.matchAll(/<a /g)]).toHaveLength(1);
    expect(html).toContain(
      '<a href="https://cg.example/disclose/vdp_1/report" dir="ltr" rel="noopener noreferrer">https://cg.example/disclose/vdp_1/report</a>',
    );
    expect(html).toContain(`<code dir="ltr">${'ABCD '.repeat(10).trim()}</code>`);
    expect([...html.matchAll(/<h3>/g)].length).toBeGreaterThanOrEqual(6);
    expect(html).not.toMatch(/<h1|<h5|<h6/);
  });
});
