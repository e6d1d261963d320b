import type {
  ApiErrorBody,
  EmailTemplateResponse,
  OrderResponse,
  TemplatePreviewResponse,
} from '@rapport/domain';
import { MESSAGE_KINDS } from '@rapport/domain';
import { FollowUpDispatcher } from '../../src/automations/follow-up-dispatcher';
import { FollowUpPlanner } from '../../src/automations/follow-up-planner';
import { addMember, createUser, mailTo, signedIn } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { withClient } from '../support/test-database';
import { appWithTenant } from '../support/spec-app';

/** Tuesday 5 January 2027, 09:00 UTC: inside Madrid's send window a day later. */
const T0 = new Date('2027-01-05T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

const FOOTER =
  '<mj-text>{{ business.phone }} {{ business.email }} {{ business.address }} <a href="{{ unsubscribe_url }}">Stop these emails</a></mj-text>';
const body = (inner: string): string =>
  `<mjml><mj-body><mj-section><mj-column>\n${inner}\n${FOOTER}\n</mj-column></mj-section></mj-body></mjml>`;

describe('email templates', () => {
  const spec = appWithTenant({ name: 'Template Bakery' });
  let staff: HttpClient;
  let sequence = 0;

  beforeAll(async () => {
    const staffUser = await createUser(spec.testApp);
    await addMember(spec.testApp, spec.tenant.id, staffUser, 'staff');
    staff = await signedIn(spec.testApp, staffUser);
    await withClient(spec.testApp.ownerUrl, (db) =>
      db.query(
        `UPDATE tenants SET contact_phone = '+34 911 000 000', contact_email = 'hola@template.example',
                postal_address = 'Calle Horno 3, Madrid' WHERE id = $1`,
        [spec.tenant.id],
      ),
    );
  });

  async function orderAndSendThankYou(email: string, locale: string | null): Promise<void> {
    sequence += 1;
    const placed = await spec.owner.post<OrderResponse>('/api/orders', {
      externalId: `#T${sequence}`,
      customer: { email, name: 'Marta Käufer', locale },
      placedAt: T0.toISOString(),
      total: '18.40',
      currency: 'EUR',
      lines: [{ productName: 'Rye bread', quantity: 2, unitPrice: '9.20' }],
    });
    expect(placed.status).toBe(201);
    await spec.testApp.app.get(FollowUpPlanner).planPending(at(0.1));
    await spec.testApp.app.get(FollowUpDispatcher).dispatchDue(at(24));
  }

  it('lists every kind in every language, built-in until the business saves its own', async () => {
    const list = await staff.get<EmailTemplateResponse[]>('/api/templates');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(MESSAGE_KINDS.length * 4);
    expect(list.body.every((template) => !template.isCustom && template.version === 0)).toBe(true);
    const german = list.body.find((template) => template.kind === 'thank-you' && template.locale === 'de');
    expect(german?.subject).toBe('Danke für Ihre Bestellung bei {{ business.name }}');
    expect(german?.body).toContain('{{ unsubscribe_url }}');
  });

  it("sends in the buyer's language: German for a German buyer, with the order and the footer", async () => {
    await orderAndSendThankYou('marta@template.example', 'de');
    const [mail] = await mailTo(spec.testApp, 'marta@template.example');
    expect(mail?.subject).toBe('Danke für Ihre Bestellung bei Template Bakery');
    expect(mail?.text).toContain('Hallo Marta,');
    expect(mail?.text).toContain('Danke für Ihre Bestellung #T1.');
    expect(mail?.text).toContain('+34 911 000 000 · hola@template.example');
    expect(mail?.text).toContain('Calle Horno 3, Madrid');
    expect(mail?.text).toMatch(/Abmelden \(http:\/\/localhost:\d+\/api\/u\/[0-9a-f]{32}\.[\w-]{43}\)/);
    expect(mail?.html).not.toMatch(/<mj-|\{\{|\{%/);
  });

  it('refuses a broken template with every problem, line and column, and keeps the old one', async () => {
    const saved = await spec.owner.put<ApiErrorBody>('/api/templates/thank-you/en', {
      subject: 'Thanks {{ customer.frist_name }}',
      body: '<mjml><mj-body><mj-section><mj-column>\n<mj-text>{% if order.number %}x</mj-text>\n</mj-column></mj-section></mj-body></mjml>',
    });
    expect(saved.status).toBe(400);
    expect(saved.body.details).toEqual([
      { field: 'subject', reason: 'line 1, column 11: unknown variable customer.frist_name' },
      {
        field: 'body',
        reason: expect.stringMatching(/^line 2, column 10: tag \{% if order.number %\} not closed/),
      },
    ]);
    const missingFooter = await spec.owner.put<ApiErrorBody>('/api/templates/thank-you/en', {
      subject: 'Thanks',
      body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
    });
    expect(missingFooter.status).toBe(400);
    expect(missingFooter.body.details?.map((detail) => detail.reason)).toEqual([
      'must show {{ business.phone }}: every email carries it',
      'must show {{ business.email }}: every email carries it',
      'must show {{ business.address }}: every email carries it',
      'must show {{ unsubscribe_url }}: every email carries it',
    ]);
    const current = await spec.owner.get<EmailTemplateResponse>('/api/templates/thank-you/en');
    expect(current.body.isCustom).toBe(false);
  });

  it("saves versions, sends the business's own text, and goes back to the built-in one on reset", async () => {
    const source = {
      subject: 'Thanks, {{ customer.first_name | default: "friend" }}!',
      body: body(
        '<mj-text>Your {{ order.products | join: " and " }} ({{ order.total }}) left the oven.</mj-text>',
      ),
    };
    const first = await spec.owner.put<EmailTemplateResponse>('/api/templates/thank-you/en', source);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ isCustom: true, version: 1, subject: source.subject });
    const second = await spec.owner.put<EmailTemplateResponse>('/api/templates/thank-you/en', {
      ...source,
      subject: 'Thank you, {{ customer.first_name | default: "friend" }}!',
    });
    expect(second.body.version).toBe(2);

    await orderAndSendThankYou('lena@template.example', 'en');
    const [mail] = await mailTo(spec.testApp, 'lena@template.example');
    expect(mail?.subject).toBe('Thank you, Marta!');
    expect(mail?.text).toContain('Your Rye bread (€18.40) left the oven.');
    expect(mail?.text).toMatch(/Stop these emails \(http:\/\/localhost:\d+\/api\/u\//);

    const reset = await spec.owner.delete<EmailTemplateResponse>('/api/templates/thank-you/en');
    expect(reset.body).toMatchObject({ isCustom: false, version: 0 });
    await orderAndSendThankYou('omar@template.example', 'en');
    const [after] = await mailTo(spec.testApp, 'omar@template.example');
    expect(after?.subject).toBe('Thank you for your order from Template Bakery');
  });

  it("dresses emails in the business's colour and logo, and names a wrong colour or logo address", async () => {
    const wrong = await spec.owner.patch<ApiErrorBody>('/api/business', {
      brandColor: 'teal',
      logoUrl: 'http://x.example/a.png',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([
      { field: 'brandColor', reason: 'must be a colour like #00696b' },
      { field: 'logoUrl', reason: 'must be an https:// address' },
    ]);
    const saved = await spec.owner.patch('/api/business', {
      brandColor: '#8a2be2',
      logoUrl: 'https://cdn.template.example/logo.png',
    });
    expect(saved.status).toBe(200);
    const spanish = (await staff.get<EmailTemplateResponse>('/api/templates/thank-you/es')).body;
    const preview = await staff.post<TemplatePreviewResponse>('/api/templates/thank-you/es/preview', {
      subject: spanish.subject,
      body: spanish.body,
    });
    expect(preview.body.html).toContain('src="https://cdn.template.example/logo.png"');
    expect(preview.body.html).toMatch(/background(-color)?:#8a2be2/);
    expect(preview.body.subject).toBe('Gracias por tu pedido en Template Bakery');
  });

  it('previews unsaved text with the sample buyer or a real customer, and reports problems instead', async () => {
    const source = {
      subject: 'For {{ customer.name }}',
      body: body('<mj-text>{{ order.number }}</mj-text>'),
    };
    const sample = await staff.post<TemplatePreviewResponse>('/api/templates/thank-you/en/preview', source);
    expect(sample.status).toBe(200);
    expect(sample.body).toMatchObject({ subject: 'For Alex Sample', problems: [] });
    expect(sample.body.text).toContain('#1001');

    const customers = await spec.owner.get<{ items: { id: string }[] }>(
      '/api/customers?search=marta%40template',
    );
    const real = await staff.post<TemplatePreviewResponse>('/api/templates/thank-you/en/preview', {
      ...source,
      customerId: customers.body.items[0]?.id,
    });
    expect(real.body.subject).toBe('For Marta Käufer');
    expect(real.body.text).toContain('#T1');

    const broken = await staff.post<TemplatePreviewResponse>('/api/templates/thank-you/en/preview', {
      ...source,
      subject: '{{ nope }}',
    });
    expect(broken.body.problems).toEqual([
      { field: 'subject', reason: 'line 1, column 4: unknown variable nope' },
    ]);
  });

  it('sends a test to the signed-in person, marked as a test', async () => {
    const sent = await spec.owner.post<{ sentTo: string }>('/api/templates/opinion-request/fr/test', {
      subject: 'Votre avis, {{ customer.first_name }} ?',
      body: body('<mj-text>Bonjour</mj-text>'),
    });
    expect(sent.status).toBe(200);
    expect(sent.body.sentTo).toBe(spec.tenant.owner.email);
    const [mail] = await mailTo(spec.testApp, spec.tenant.owner.email);
    expect(mail?.subject).toBe('[Test] Votre avis, Alex ?');
  });

  it('lets staff read and preview but not change templates, and names a wrong kind or language', async () => {
    const source = { subject: 'x', body: body('<mj-text>x</mj-text>') };
    expect((await staff.put('/api/templates/thank-you/en', source)).status).toBe(403);
    expect((await staff.delete('/api/templates/thank-you/en')).status).toBe(403);
    expect((await staff.post('/api/templates/thank-you/en/test', source)).status).toBe(403);
    const wrongKind = await spec.owner.get<ApiErrorBody>('/api/templates/welcome/en');
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.details).toEqual([
      { field: 'kind', reason: `must be one of ${MESSAGE_KINDS.join(', ')}` },
    ]);
    const wrongLocale = await spec.owner.get<ApiErrorBody>('/api/templates/thank-you/pt');
    expect(wrongLocale.body.details).toEqual([{ field: 'locale', reason: 'must be one of en, es, fr, de' }]);
  });
});
