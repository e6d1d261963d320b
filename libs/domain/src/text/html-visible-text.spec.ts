import { htmlVisibleText } from './html-visible-text';

describe('htmlVisibleText', () => {
  it('reads the text of a mail client reply, paragraphs as lines, styles and head dropped', () => {
    const html = [
      '<html><head><title>Re: How did we do?</title><style>p { color: red }</style></head>',
      '<body><div>The bread was <b>great</b>&nbsp;but late.</div><p>Thanks,<br>Ana</p>',
      '<!-- a comment <p>not shown</p> --><script>alert(1)</script></body></html>',
    ].join('');
    expect(htmlVisibleText(html)).toBe('The bread was great but late.\n\nThanks,\nAna');
  });

  it('decodes named and numeric character references, and keeps ones it cannot read as written', () => {
    expect(htmlVisibleText('Fish &amp; chips &#8364;5 &#x1F35E; &bogus; &#0; &#xD800;')).toBe(
      'Fish & chips €5 🍞 &bogus; &#0; &#xD800;',
    );
  });

  it('keeps a `<` that opens no tag, as a person wrote it', () => {
    expect(htmlVisibleText('price < 10 and 3 <4')).toBe('price < 10 and 3 <4');
    expect(htmlVisibleText('a < b > c')).toBe('a < b > c');
  });

  it('answers, in one pass, input built to make a tag pattern backtrack', () => {
    // 500,000 unclosed `<` took /<[^>]+>/g about five minutes; each case here is read in one pass.
    const unclosed = '<a'.repeat(500_000);
    expect(htmlVisibleText(unclosed)).toBe(unclosed);
    expect(htmlVisibleText('<style>'.repeat(200_000))).toBe('');
    expect(htmlVisibleText('<!--'.repeat(200_000))).toBe('');
    expect(htmlVisibleText(`${'<b>x'.repeat(200_000)}`)).toBe('x'.repeat(200_000));
  });
});
