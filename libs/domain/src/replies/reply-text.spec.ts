import { stripQuotedReply, withoutBuyerLinks } from './reply-text';

describe('stripQuotedReply', () => {
  it('keeps what the buyer wrote above a Gmail quote, folded over two lines', () => {
    const text = [
      'The bread was great but it came late.',
      '',
      'Thanks, Ana',
      '',
      'On Mon, 4 Jan 2027 at 10:00, Northwind Bakery <r-abc-def@reply.example>',
      'wrote:',
      '> Hi Ana,',
      '> How did we do?',
    ].join('\r\n');
    expect(stripQuotedReply(text)).toBe('The bread was great but it came late.\n\nThanks, Ana');
  });

  it.each([
    [
      'a French client',
      'Très bon pain.\n\nLe lun. 4 janv. 2027 à 10:00, Northwind <x@y.z> a écrit :\n> Bonjour',
    ],
    ['a Spanish client', 'Muy rico.\n\nEl lun, 4 ene 2027 a las 10:00, Northwind <x@y.z> escribió:\n> Hola'],
    ['a German client', 'Sehr gut.\n\nAm Mo., 4. Jan. 2027 um 10:00 Uhr schrieb Northwind <x@y.z>:\n> Hallo'],
    ['Outlook', 'All good.\n\n________________________________\nFrom: Northwind Bakery\nSent: Monday'],
    ['an "Original Message" block', 'Fine.\n\n-----Original Message-----\nFrom: Northwind'],
  ])('cuts the history quoted by %s', (_client, text) => {
    expect(stripQuotedReply(text)).toMatch(/^(Très bon pain\.|Muy rico\.|Sehr gut\.|All good\.|Fine\.)$/);
  });

  it('drops a signature and a phone footer', () => {
    expect(stripQuotedReply('Lovely, thank you!\n-- \nAna Pérez\nCEO')).toBe('Lovely, thank you!');
    expect(stripQuotedReply('Lovely!\n\nSent from my iPhone')).toBe('Lovely!');
  });

  it('answers an empty text when the reply is only a quote', () => {
    expect(stripQuotedReply('> How did we do?\n> Northwind')).toBe('');
  });
});

describe('stripQuotedReply on very long lines', () => {
  it('keeps a line too long to be an attribution, even one that reads like the German pattern', () => {
    // "Am ... schrieb ... :" with two `.*` backtracks over every "schrieb" of a megabyte line.
    const line = `Am ${'schrieb '.repeat(125_000)}`;
    expect(stripQuotedReply(`${line}\n> quoted`)).toBe(line.trim());
  });

  it('still cuts at a long quoted line', () => {
    expect(stripQuotedReply(`Thanks!\n> ${'x'.repeat(10_000)}`)).toBe('Thanks!');
  });
});

describe('withoutBuyerLinks', () => {
  it("replaces the quoted email's answer, unsubscribe and trap links, tokens and scores included", () => {
    const quoted = [
      'Thanks!',
      '> 0 (https://shop.example/api/a/0123456789abcdef0123456789abcdef.AbC-_x?score=0)',
      '> Unsubscribe: http://localhost:3000/api/u/0123abcd.Zz9',
      '> <https://shop.example/api/h/abc~def>',
    ].join('\n');
    expect(withoutBuyerLinks(quoted)).toBe(
      ['Thanks!', '> 0 ([link])', '> Unsubscribe: [link]', '> <[link]>'].join('\n'),
    );
  });

  it('keeps every other address', () => {
    const text = 'See https://shop.example/api/docs and https://shop.example/a/b?x=1';
    expect(withoutBuyerLinks(text)).toBe(text);
  });
});
