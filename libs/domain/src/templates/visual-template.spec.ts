import { richTextFromEditable as rich } from './rich-text';
import {
  checkVisualTemplate,
  isHttpsUrl,
  visualFromSource,
  visualToMjml,
  visualToSource,
  type VisualTemplate,
} from './visual-template';

const template = (changes: Partial<VisualTemplate> = {}): VisualTemplate => ({
  subject: rich('Thanks from ⟦business.name⟧'),
  greeting: rich('Hi ⟦customer.first_name|there⟧,'),
  paragraphs: [rich('Thank you for your order ⟦order.number⟧.'), rich('See you soon.')],
  action: null,
  signature: rich('⟦business.name⟧'),
  footerNote: [],
  unsubscribeLabel: rich('Unsubscribe'),
  brandColor: null,
  textColor: '#1a1c1c',
  logoUrl: null,
  ...changes,
});

describe('visualToMjml and visualFromSource', () => {
  it.each<[string, Partial<VisualTemplate>]>([
    ['the plain layout', {}],
    [
      'a button, colours and a logo',
      {
        action: { kind: 'button', label: rich('Order again'), url: 'https://shop.example/again?a=1&b="2"' },
        brandColor: '#aa3300',
        textColor: '#222222',
        logoUrl: 'https://cdn.example/logo.png',
      },
    ],
    [
      'the survey ask',
      { action: { kind: 'survey', buttonLabel: rich('Rate us'), replyHint: rich('Or reply.') } },
    ],
    ['a footer note and no paragraphs', { paragraphs: [], footerNote: rich('You ordered from us in May.') }],
    [
      'hostile text',
      {
        greeting: rich('</mj-text><mj-raw>{% raw %}{{ x }}{% endraw %}</mj-raw>'),
        paragraphs: [rich('"<script>" & {{ customer.name }} 😀 مرحبا\nsecond line'), rich('x'.repeat(4000))],
      },
    ],
  ])('reads back exactly the blocks it wrote: %s', (_name, changes) => {
    const written = template(changes);
    const source = visualToSource(written);
    expect(visualFromSource(source)).toEqual({ template: written });
  });

  it('writes the footer every email must carry', () => {
    const body = visualToMjml(template());
    for (const required of ['business.phone', 'business.email', 'business.address', 'unsubscribe_url'])
      expect(body).toContain(`{{ ${required} }}`);
  });

  it('uses the business colour and logo until the template sets its own', () => {
    expect(visualToMjml(template())).toContain('background-color="{{ business.brand_color }}"');
    const own = visualToMjml(template({ brandColor: '#123456', logoUrl: 'https://cdn.example/l.png' }));
    expect(own).toContain('background-color="#123456"');
    expect(own).toContain('<img src="https://cdn.example/l.png"');
    expect(own).not.toContain('business.logo_url');
  });

  it('refuses a body changed beyond the blocks, naming the first changed line', () => {
    const { subject, body } = visualToSource(template());
    const lines = body.split('\n');
    lines.splice(17, 0, '        <mj-image src="https://cdn.example/a.png" />');
    const outcome = visualFromSource({ subject, body: lines.join('\n') });
    expect(outcome).toEqual({ reason: expect.stringContaining('from line 18') });
  });

  it.each([
    ['markup inside a text block', (body: string) => body.replace('See you soon.', 'See you <b>soon</b>.')],
    [
      'a Liquid tag in a text block',
      (body: string) => body.replace('See you soon.', '{% if order.number %}x{% endif %}'),
    ],
    ['a changed attribute', (body: string) => body.replace('padding="16px 8px"', 'padding="0"')],
    ['a removed unsubscribe link', (body: string) => body.replace(/.*unsubscribe_url.*\n/, '')],
    ['anything that is not MJML', () => 'hello'],
  ])('opens in MJML with a reason when it finds %s', (_name, change) => {
    const { subject, body } = visualToSource(template());
    const outcome = visualFromSource({ subject, body: change(body) });
    expect('reason' in outcome && outcome.reason).toMatch(/^The visual editor is not available: /);
  });

  it('refuses a subject with Liquid beyond variables', () => {
    const { body } = visualToSource(template());
    const outcome = visualFromSource({ subject: '{% if customer.name %}Hi{% endif %}', body });
    expect('reason' in outcome && outcome.reason).toContain('the subject uses Liquid');
  });

  it('accepts Windows line endings and a final newline', () => {
    const { subject, body } = visualToSource(template());
    expect(visualFromSource({ subject, body: `${body.replace(/\n/g, '\r\n')}\r\n` })).toEqual({
      template: template(),
    });
  });
});

describe('checkVisualTemplate', () => {
  it('finds nothing wrong with a sound template', () => {
    expect(checkVisualTemplate(template())).toEqual([]);
  });

  it.each<[string, Partial<VisualTemplate>, string]>([
    ['an http logo', { logoUrl: 'http://cdn.example/logo.png' }, 'logoUrl'],
    ['a javascript logo', { logoUrl: 'javascript:alert(1)' }, 'logoUrl'],
    ['a logo address with a quote', { logoUrl: 'https://cdn.example/"onload=x' }, 'logoUrl'],
    ['a colour name', { brandColor: 'red' }, 'brandColor'],
    ['a short hex colour', { textColor: '#fff' }, 'textColor'],
    ['a colour with CSS after it', { brandColor: '#123456;background:url(x)' }, 'brandColor'],
    [
      'a button to an http page',
      { action: { kind: 'button', label: rich('Go'), url: 'http://x.example' } },
      'button.url',
    ],
    [
      'a button without words',
      { action: { kind: 'button', label: [], url: 'https://x.example' } },
      'button.label',
    ],
    ['an empty unsubscribe link', { unsubscribeLabel: [] }, 'unsubscribeLabel'],
    ['an empty subject', { subject: [] }, 'subject'],
    ['a paragraph too long', { paragraphs: [rich('x'.repeat(4001))] }, 'paragraphs[0]'],
    ['a NUL character', { greeting: rich('Hi\u0000') }, 'greeting'],
    ['a lone surrogate', { signature: [{ text: 'x\ud800' }] }, 'signature'],
    ['a fallback with a quote', { greeting: [{ variable: 'customer.name', fallback: 'a"b' }] }, 'greeting'],
  ])('names the field of %s', (_name, changes, field) => {
    expect(checkVisualTemplate(template(changes)).map((problem) => problem.field)).toContain(field);
  });
});

describe('isHttpsUrl', () => {
  it('takes https addresses only', () => {
    expect(isHttpsUrl('https://cdn.example/logo.png?v=2')).toBe(true);
    expect(isHttpsUrl('https://user:pw@cdn.example/logo.png')).toBe(false);
    expect(isHttpsUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isHttpsUrl('//cdn.example/logo.png')).toBe(false);
  });
});
