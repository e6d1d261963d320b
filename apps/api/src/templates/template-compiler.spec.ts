import { BUYER_LOCALES, MESSAGE_KINDS } from '@rapport/domain';
import { defaultTemplate } from './default-templates';
import { htmlToText } from './html-to-text';
import { TemplateCompiler, TemplateProblemsError } from './template-compiler';

const context = {
  customer: { first_name: 'Ana <b>', name: 'Ana Ruiz' },
  order: { number: '#1042', total: '€ 42.00', products: ['Sourdough', 'Rye'] },
  business: {
    name: 'Northwind & Co',
    phone: '+34 600 000 000',
    email: 'hello@northwind.example',
    address: 'Calle Mayor 1, Madrid',
    logo_url: '',
    brand_color: '#00696b',
  },
  survey_url: '',
  unsubscribe_url: 'https://app.example/api/u/tok123',
};

const FOOTER =
  '<mj-text>{{ business.phone }} {{ business.email }} {{ business.address }} <a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>';
const wrap = (inner: string): string =>
  `<mjml><mj-body><mj-section><mj-column>\n${inner}\n${FOOTER}\n</mj-column></mj-section></mj-body></mjml>`;

describe('TemplateCompiler', () => {
  const compiler = new TemplateCompiler();

  it.each(MESSAGE_KINDS.flatMap((kind) => BUYER_LOCALES.map((locale) => [kind, locale] as const)))(
    'the built-in %s template in %s compiles and shows the footer',
    async (kind, locale) => {
      const source = defaultTemplate(kind, locale);
      expect(await compiler.check(source)).toEqual([]);
      const email = compiler.render(await compiler.compiled(`default:${kind}:${locale}`, source), context);
      expect(email.subject).not.toMatch(/\{|\}/);
      expect(email.html).toContain('Calle Mayor 1, Madrid');
      expect(email.html).toContain('href="https://app.example/api/u/tok123"');
      expect(email.text).toContain('https://app.example/api/u/tok123');
      expect(email.text).toContain('+34 600 000 000');
    },
  );

  it('escapes buyer data in the HTML and keeps the subject as plain text', async () => {
    const compiled = await compiler.compiled('escape', {
      subject: 'For {{ customer.first_name }} from {{ business.name }}',
      body: wrap('<mj-text>Hi {{ customer.first_name }}</mj-text>'),
    });
    const email = compiler.render(compiled, context);
    expect(email.subject).toBe('For Ana <b> from Northwind & Co');
    expect(email.html).toContain('Hi Ana &lt;b&gt;');
    expect(email.html).not.toContain('Ana <b>');
    expect(email.text).toContain('Hi Ana <b>');
  });

  it('switches the opinion request between the survey button and a reply with a score', async () => {
    const compiled = await compiler.compiled('opinion', defaultTemplate('opinion-request', 'en'));
    const withoutSurvey = compiler.render(compiled, context);
    expect(withoutSurvey.text).toContain('Reply to this email with a score from 0 to 10');
    expect(withoutSurvey.html).not.toContain('Give your opinion');
    const withSurvey = compiler.render(compiled, { ...context, survey_url: 'https://app.example/s/abc' });
    expect(withSurvey.html).toContain('href="https://app.example/s/abc"');
    expect(withSurvey.text).toContain('Give your opinion (https://app.example/s/abc)');
  });

  it('reports syntax errors with line and column', async () => {
    const problems = await compiler.check({
      subject: 'Thanks {{ customer.first_name ',
      body: wrap('<mj-text>\n  {% iff order %}x</mj-text>'),
    });
    expect(problems).toEqual([
      { field: 'subject', reason: expect.stringMatching(/^line 1, column 8: output .* not closed/) },
      { field: 'body', reason: expect.stringMatching(/^line 3, column 3: tag "iff" not found/) },
    ]);
  });

  it('reports unknown variables and filters where they are written', async () => {
    const problems = await compiler.check({
      subject: 'Hi {{ customer.frist_name }}',
      body: wrap('<mj-text>{{ tenant.secret }} {{ order.total | shout }}</mj-text>'),
    });
    expect(problems).toEqual([
      { field: 'subject', reason: 'line 1, column 7: unknown variable customer.frist_name' },
      { field: 'body', reason: expect.stringMatching(/^line 2, column 30: undefined filter: shout/) },
    ]);
    const unknown = await compiler.check({
      subject: 'Hi',
      body: wrap('<mj-text>{{ tenant.secret }}</mj-text>'),
    });
    expect(unknown).toEqual([{ field: 'body', reason: 'line 2, column 13: unknown variable tenant.secret' }]);
  });

  it('refuses a body without the contact details or the unsubscribe link', async () => {
    const problems = await compiler.check({
      subject: 'Hi',
      body: '<mjml><mj-body><mj-section><mj-column><mj-text>{{ business.phone }}</mj-text></mj-column></mj-section></mj-body></mjml>',
    });
    expect(problems.map((problem) => problem.reason)).toEqual([
      'must show {{ business.email }}: every email carries it',
      'must show {{ business.address }}: every email carries it',
      'must show {{ unsubscribe_url }}: every email carries it',
    ]);
  });

  it('reports MJML mistakes and Liquid tags that MJML would drop', async () => {
    const problems = await compiler.check({
      subject: 'Hi',
      body: wrap('<mj-colum>x</mj-colum>\n{% if order.number %}<mj-text>x</mj-text>{% endif %}'),
    });
    expect(problems).toEqual([
      { field: 'body', reason: expect.stringMatching(/^line 2: Element mj-colum doesn't exist/) },
      {
        field: 'body',
        reason:
          'line 3, column 1: {% if order.number %} sits between MJML elements and would be lost; put it inside <mj-raw> or <mj-text>',
      },
      {
        field: 'body',
        reason:
          'line 3, column 42: {% endif %} sits between MJML elements and would be lost; put it inside <mj-raw> or <mj-text>',
      },
    ]);
  });

  it('cannot read files or anything outside the context', async () => {
    const included = await compiler.check({
      subject: 'Hi',
      body: wrap('<mj-text>{% include "/etc/passwd" %}</mj-text>'),
    });
    expect(included).toEqual([
      {
        field: 'body',
        reason: expect.stringMatching(/^line 2, column 10: .*include.* not available in emails/),
      },
    ]);
    const compiled = await compiler
      .compiled('proto', {
        subject: '{{ customer.name.constructor }}{{ customer.name.size }}',
        body: wrap('<mj-text>x</mj-text>'),
      })
      .catch((error: unknown) => error);
    expect(compiled).toBeInstanceOf(TemplateProblemsError);
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs, line breaks and link addresses, and decodes entities', () => {
    expect(
      htmlToText(
        '<html><head><style>p{}</style><title>T</title></head><body><!--[if mso]>x<![endif]--><p>Tom &amp; Jerry</p><div>a<br>b</div><a href="https://x.example/?a=1&amp;b=2">Go</a></body></html>',
      ),
    ).toBe('Tom & Jerry\na\nb\nGo (https://x.example/?a=1&b=2)');
  });

  it('decodes numeric references once, and never into a lone surrogate', () => {
    expect(htmlToText('<p>&#123;&#x7D; &amp;#123; &#55296; &#39;</p>')).toBe("{} &#123; \ufffd '");
  });
});
