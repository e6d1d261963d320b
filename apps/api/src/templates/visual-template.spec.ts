import {
  BUYER_LOCALES,
  MESSAGE_KINDS,
  richTextFromEditable as rich,
  visualFromSource,
  type VisualTemplate,
  visualToSource,
} from '@rapport/domain';
import { defaultTemplate, defaultVisualTemplate } from './default-templates';
import { TemplateCompiler } from './template-compiler';

const context = {
  customer: { first_name: 'Ana', name: 'Ana Ruiz' },
  order: { number: '#1042', total: '€ 42.00', products: ['Sourdough'] },
  business: {
    name: 'Northwind & Co',
    phone: '+34 600 000 000',
    email: 'hello@northwind.example',
    address: 'Calle Mayor 1, Madrid',
    logo_url: '',
    brand_color: '#00696b',
  },
  survey_url: '',
  survey: { question: '', low_label: '', high_label: '', scale: [] },
  unsubscribe_url: 'https://app.example/api/u/tok123',
};

const HOSTILE =
  '</mj-text><mj-raw><script>alert("x")</script></mj-raw> {% raw %}{{ customer.name }}{% endraw %} {{ business.secret }} {% for i in (1..99) %}x{% endfor %} \'single\' "double" & 😀 مرحبا بكم';

describe('the visual template through the real compiler', () => {
  const compiler = new TemplateCompiler();

  it.each(MESSAGE_KINDS.flatMap((kind) => BUYER_LOCALES.map((locale) => [kind, locale] as const)))(
    'the built-in %s template in %s opens in the visual editor as its blocks',
    (kind, locale) => {
      expect(visualFromSource(defaultTemplate(kind, locale))).toEqual({
        template: defaultVisualTemplate(kind, locale),
      });
    },
  );

  it('greets the buyer by name, or with the words given for an unknown name', async () => {
    const compiled = await compiler.compiled('greeting', defaultTemplate('thank-you', 'es'));
    expect(compiler.render(compiled, context).text).toMatch(/^Hola, Ana:/m);
    const unnamed = { ...context, customer: { first_name: '', name: '' } };
    expect(compiler.render(compiled, unnamed).text).toMatch(/^Hola, buenos días:/m);
  });

  it('shows hostile text as the words typed, with no markup and no Liquid of its own', async () => {
    const template: VisualTemplate = {
      ...defaultVisualTemplate('thank-you', 'en'),
      subject: rich(`${HOSTILE} ⟦customer.first_name⟧`),
      greeting: rich(HOSTILE),
      paragraphs: [rich(`${HOSTILE}\nfor ⟦customer.first_name|you⟧`), rich('long '.repeat(800))],
      action: { kind: 'button', label: rich(HOSTILE.slice(0, 90)), url: 'https://shop.example/?a=1&b=2' },
      footerNote: rich(HOSTILE),
    };
    const source = visualToSource(template);
    expect(await compiler.check(source)).toEqual([]);
    const email = compiler.render(await compiler.compiled('hostile', source), context);
    expect(email.subject).toBe(`${HOSTILE} Ana`);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.text).toContain(HOSTILE);
    expect(email.text).toContain('for Ana');
    expect(email.text).not.toContain('Ana Ruiz');
    expect(email.html).toContain('href="https://shop.example/?a=1&amp;b=2"');
    expect(email.text).toContain('https://app.example/api/u/tok123');
    expect(email.text).toContain('+34 600 000 000');
  });

  it('uses its own colours and logo in place of the business settings', async () => {
    const template: VisualTemplate = {
      ...defaultVisualTemplate('manual', 'en'),
      brandColor: '#aa3300',
      textColor: '#202020',
      logoUrl: 'https://cdn.example/logo.png?v=1&s=2',
    };
    const email = compiler.render(await compiler.compiled('colours', visualToSource(template)), context);
    expect(email.html).toContain('#aa3300');
    expect(email.html).not.toContain('#00696b');
    expect(email.html).toContain('color:#202020');
    expect(email.html).toContain('src="https://cdn.example/logo.png?v=1&amp;s=2"');
  });
});
