import { describe, expect, it } from 'vitest'
import { renderRichText, richTextToBlocks, richTextToPlainText, safeHref } from '../richtext.ts'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  version: 1,
})
const paragraph = (...children: object[]) => ({ type: 'paragraph', children })
const link = (url: string, ...children: object[]) => ({ type: 'link', fields: { url, linkType: 'custom' }, children })
const state = (...children: object[]) => ({ root: { type: 'root', children } })

describe('rich text rendering', () => {
  it('renders headings, formats, lists, quotes and rules', () => {
    const html = renderRichText(
      state(
        { type: 'heading', tag: 'h2', children: [text('Appeal')] },
        paragraph(text('Bring them '), text('home', 1), text(' alive', 2 | 8)),
        {
          type: 'list',
          listType: 'number',
          tag: 'ol',
          children: [
            { type: 'listitem', children: [text('first')] },
            {
              type: 'listitem',
              children: [
                { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('nested')] }] },
              ],
            },
            { type: 'listitem', children: [text('second')] },
          ],
        },
        { type: 'quote', children: [text('To carry the word')] },
        { type: 'horizontalrule' },
      ),
    )
    expect(html).toBe(
      [
        '<h2>Appeal</h2>',
        '<p>Bring them <strong>home</strong><u><em> alive</em></u></p>',
        '<ol><li><p>first</p>\n<ul><li><p>nested</p></li></ul></li><li><p>second</p></li></ol>',
        '<blockquote><p>To carry the word</p></blockquote>',
        '<hr>',
      ].join('\n'),
    )
  })

  it('keeps the page title the only h1', () => {
    expect(renderRichText(state({ type: 'heading', tag: 'h1', children: [text('Title again')] }))).toBe(
      '<h2>Title again</h2>',
    )
  })

  it('escapes every text, so markup in the input stays text', () => {
    const html = renderRichText(state(paragraph(text('<script>alert(1)</script> & <img src=x onerror=alert(2)>'))))
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;</p>')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example/phish',
    '/\\evil.example',
  ])('drops a dangerous link target: %j', (url) => {
    const html = renderRichText(state(paragraph(link(url, text('click')))))
    expect(html).toBe('<p>click</p>')
  })

  it('escapes entities in a URL, so an encoded scheme stays a harmless relative path', () => {
    expect(renderRichText(state(paragraph(link('javascript&colon;alert(1)', text('x')))))).toBe(
      '<p><a href="javascript&amp;colon;alert(1)">x</a></p>',
    )
  })

  it('keeps safe links, with rel on external ones and the URL escaped', () => {
    const html = renderRichText(
      state(
        paragraph(
          link('https://example.org/?a=1&b="2"', text('site')),
          text(' '),
          link('mailto:press@example.org', text('mail')),
          text(' '),
          link('/en/statements/', text('list')),
        ),
      ),
    )
    expect(html).toBe(
      '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noreferrer">site</a> ' +
        '<a href="mailto:press@example.org" rel="noreferrer">mail</a> <a href="/en/statements/">list</a></p>',
    )
  })

  it('cannot be given an attribute through a URL or a new-tab flag', () => {
    const html = renderRichText(
      state(
        paragraph({
          type: 'link',
          fields: { url: 'https://x.example/" onmouseover="alert(1)', newTab: true },
          children: [text('x')],
        }),
      ),
    )
    expect(html).toBe(
      '<p><a href="https://x.example/&quot; onmouseover=&quot;alert(1)" target="_blank" rel="noopener noreferrer">x</a></p>',
    )
  })

  it('drops raw HTML, embeds and unknown blocks, keeping only their text', () => {
    const html = renderRichText(
      state(
        { type: 'html', html: '<script>alert(1)</script>' },
        { type: 'block', fields: { blockType: 'embed', code: '<iframe src="https://evil.example">' } },
        { type: 'custom-thing', children: [text('kept text')] },
      ),
    )
    expect(html).toBe('<p>kept text</p>')
  })

  it('resolves internal links through the caller, and drops them without a resolver', () => {
    const internal = {
      type: 'link',
      fields: { linkType: 'internal', doc: { relationTo: 'statements', value: { id: 7, slug: 'founding-statement' } } },
      children: [text('the statement')],
    }
    expect(renderRichText(state(paragraph(internal)))).toBe('<p>the statement</p>')
    const html = renderRichText(state(paragraph(internal)), {
      resolveInternalLink: (relationTo, value) => `/en/${relationTo}/${(value as { slug: string }).slug}/`,
    })
    expect(html).toBe('<p><a href="/en/statements/founding-statement/">the statement</a></p>')
    expect(renderRichText(state(paragraph(internal)), { resolveInternalLink: () => 'javascript:alert(1)' })).toBe(
      '<p>the statement</p>',
    )
  })

  it('renders images only through the caller', () => {
    const upload = { type: 'upload', relationTo: 'media', value: { id: 12 } }
    expect(richTextToBlocks(state(upload))).toEqual([{ type: 'image', id: '12' }])
    expect(renderRichText(state(upload))).toBe('')
    expect(renderRichText(state(upload), { renderImage: (id) => `<figure data-id="${id}"></figure>` })).toBe(
      '<figure data-id="12"></figure>',
    )
  })

  it('gives nothing for values that are not rich text', () => {
    for (const value of [null, undefined, 'text', 42, {}, { root: 'x' }, { root: { children: 'x' } }]) {
      expect(renderRichText(value)).toBe('')
    }
  })

  it('turns line breaks into <br> and plain text keeps list markers', () => {
    const value = state(paragraph(text('line one'), { type: 'linebreak' }, text('line two')), {
      type: 'list',
      listType: 'bullet',
      children: [{ type: 'listitem', children: [text('item')] }],
    })
    expect(renderRichText(value)).toBe('<p>line one<br>line two</p>\n<ul><li><p>item</p></li></ul>')
    expect(richTextToPlainText(value)).toBe('line one\nline two\n\n- item')
  })
})

describe('safeHref', () => {
  it('accepts relative and web URLs and refuses other schemes', () => {
    expect(safeHref('#top')).toBe('#top')
    expect(safeHref('?page=2')).toBe('?page=2')
    expect(safeHref('tel:+7 495 000-00-00')).toBe('tel:+7 495 000-00-00')
    expect(safeHref('HTTPS://example.org')).toBe('HTTPS://example.org')
    expect(safeHref('path/with:colon')).toBe('path/with:colon')
    expect(safeHref('mailto')).toBe('mailto')
    expect(safeHref('')).toBeUndefined()
    expect(safeHref(42)).toBeUndefined()
    expect(safeHref('ftp://example.org')).toBeUndefined()
  })

  it('refuses links that lead off-site without saying so, however they are disguised', () => {
    for (const url of [
      '//evil.example',
      '\\/evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      ' //evil.example',
      '/\t/evil.example',
      '/\n\\evil.example',
      '\u0000//evil.example',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0001javascript:alert(1)',
      'javascript\u0000:alert(1)',
      '\u00a0javascript:alert(1)',
      'jav ascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ]) {
      expect(safeHref(url), JSON.stringify(url)).toBeUndefined()
    }
    // Still fine: paths that merely contain slashes or backslashes later on.
    expect(safeHref('/en/statements/')).toBe('/en/statements/')
    expect(safeHref('/a//b')).toBe('/a//b')
    expect(safeHref('./x\\y')).toBe('./x\\y')
  })
})
