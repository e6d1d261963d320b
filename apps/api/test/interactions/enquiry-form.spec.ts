import type { CustomerResponse, EnquiryFormResponse, InteractionResponse, Page } from '@rapport/domain';
import { FASTEST_HUMAN_MS } from '../../src/interactions/enquiry-form.service';
import { waitForMailTo } from '../support/factories';
import { appWithTenant } from '../support/spec-app';

/** The value of a hidden field on a page. */
function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} on the page`);
  return match[1];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the public enquiry form', () => {
  const spec = appWithTenant({ name: 'Snip Salon', timeZone: 'Europe/Madrid' });
  let form: EnquiryFormResponse;
  const path = () => new URL(form.url).pathname;

  async function post(fields: Record<string, string>, target = path()) {
    const response = await fetch(`${spec.testApp.baseUrl}${target}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, html: await response.text() };
  }

  async function enquiries(): Promise<InteractionResponse[]> {
    const result = await spec.owner.get<Page<InteractionResponse>>('/api/interactions?type=enquiry');
    return result.body.items;
  }

  beforeAll(async () => {
    form = (await spec.owner.get<EnquiryFormResponse>('/api/enquiry-form')).body;
  });

  it('gives the business a hosted page and a snippet that posts to it', () => {
    expect(form.isEnabled).toBe(true);
    expect(form.url).toMatch(/\/api\/f\/[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/);
    expect(form.snippet).toContain(`action="${form.url}"`);
    expect(form.snippet).toContain('name="website"');
    expect(form.snippet).not.toContain('<script');
  });

  it('records an enquiry and its person, and tells the team, when a person fills the page in', async () => {
    const page = await fetch(`${spec.testApp.baseUrl}${path()}?lang=es`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Envíanos un mensaje');
    expect(html).not.toContain('<script');
    await sleep(FASTEST_HUMAN_MS + 100);

    const sent = await post({
      name: 'Lucía Pérez',
      email: 'lucia@visitor.example',
      phone: '+34 600 111 222',
      message: '¿Tenéis hueco el sábado para un corte?',
      website: '',
      shown: hidden(html, 'shown'),
      lang: hidden(html, 'lang'),
    });

    expect(sent.status).toBe(200);
    expect(sent.html).toContain('Gracias, hemos recibido tu mensaje');
    const [enquiry] = await enquiries();
    expect(enquiry).toMatchObject({
      source: 'form',
      status: 'open',
      message: '¿Tenéis hueco el sábado para un corte?',
      contact: { email: 'lucia@visitor.example', name: 'Lucía Pérez' },
    });
    const notice = await waitForMailTo(spec.testApp, spec.tenant.owner.email, (mail) =>
      mail.subject.startsWith('New enquiry'),
    );
    expect(notice.subject).toBe('New enquiry from Lucía Pérez');
    expect(notice.text).toContain(`/enquiries/${enquiry?.id}`);
  });

  it('keeps nothing from a post that fills the trap, comes too fast, or carries a made-up stamp', async () => {
    const before = (await enquiries()).length;
    const page = await (await fetch(`${spec.testApp.baseUrl}${path()}`)).text();
    const fields = { email: 'bot@spam.example', message: 'Buy now', shown: hidden(page, 'shown') };

    const trapped = await post({ ...fields, website: 'http://spam.example' });
    expect(trapped.html).toContain('Thank you, we have your message');
    const tooFast = await post(fields);
    expect(tooFast.html).toContain('Please check your details and press Send again.');
    // Shown back with what was typed, so a real person only presses Send again.
    expect(tooFast.html).toContain('value="bot@spam.example"');
    const forged = await post({ ...fields, shown: `${Date.now() - 60_000}.forgedsignature` });
    expect(forged.html).toContain('Please check your details and press Send again.');
    const fromSnippet = await post({ email: 'snippet@visitor.example', message: 'Hello', website: '' });
    expect(fromSnippet.html).toContain('Please check your details and press Send again.');

    expect((await enquiries()).length).toBe(before);
  });

  it('names each field to fix, in the language of the page, and keeps what was typed', async () => {
    const result = await post({ email: 'not an email', message: '', name: '<b>Al</b>', lang: 'fr' });
    expect(result.status).toBe(400);
    expect(result.html).toContain('Cela ne ressemble pas à une adresse e-mail');
    expect(result.html).toContain('Écrivez votre message.');
    expect(result.html).toContain('aria-invalid="true"');
    expect(result.html).toContain('value="&lt;b&gt;Al&lt;/b&gt;"');
  });

  it('stops answering at an old address once it moves, and everywhere once it is turned off', async () => {
    const oldPath = path();
    const moved = await spec.owner.patch<EnquiryFormResponse>('/api/enquiry-form', { newAddress: true });
    expect(moved.status).toBe(200);
    expect(moved.body.url).not.toBe(form.url);
    expect((await fetch(`${spec.testApp.baseUrl}${oldPath}`)).status).toBe(404);
    form = moved.body;
    expect((await fetch(`${spec.testApp.baseUrl}${path()}`)).status).toBe(200);

    const off = await spec.owner.patch<EnquiryFormResponse>('/api/enquiry-form', { isEnabled: false });
    expect(off.body.isEnabled).toBe(false);
    const closed = await fetch(`${spec.testApp.baseUrl}${path()}`);
    expect(closed.status).toBe(404);
    expect(await closed.text()).toContain('This form is not taking messages');
    expect((await post({ email: 'x@visitor.example', message: 'Hi' })).status).toBe(404);
  });

  it('answers an address that names no form, or another business with the wrong key, with the closed page', async () => {
    for (const address of [
      'nothing',
      `${'0'.repeat(32)}.${'a'.repeat(22)}`,
      `${spec.tenant.id.replace(/-/g, '')}.${'b'.repeat(22)}`,
    ]) {
      const result = await fetch(`${spec.testApp.baseUrl}/api/f/${address}`);
      expect(result.status).toBe(404);
    }
  });

  it('takes a burst of posts without holding the app up, keeps one enquiry for the same words, and changes no customer', async () => {
    form = (await spec.owner.patch<EnquiryFormResponse>('/api/enquiry-form', { isEnabled: true })).body;
    await spec.owner.post('/api/orders', {
      externalId: '#KNOWN-1',
      customer: { email: 'known@visitor.example', name: 'Kim Known', phone: '+34 600 000 001', locale: 'es' },
      placedAt: '2026-11-02T10:00:00Z',
      total: '20.00',
      currency: 'EUR',
    });
    const page = await (await fetch(`${spec.testApp.baseUrl}${path()}`)).text();
    await sleep(FASTEST_HUMAN_MS + 100);
    const fields = {
      name: 'Someone Else',
      email: 'known@visitor.example',
      phone: '+1 900 000',
      message: 'Same words, sent again and again',
      shown: hidden(page, 'shown'),
      lang: 'de',
    };
    const before = (await enquiries()).length;
    const results = await Promise.all(Array.from({ length: 15 }, () => post(fields)));
    expect(results.map((result) => result.status)).toEqual(Array.from({ length: 15 }, () => 200));
    // Another business's console answers at once meanwhile.
    const other = await spec.owner.get('/api/business');
    expect(other.status).toBe(200);
    expect((await enquiries()).length).toBe(before + 1);
    const known = await spec.owner.get<Page<CustomerResponse>>('/api/customers?search=known%40visitor');
    expect(known.body.items[0]).toMatchObject({ name: 'Kim Known', phone: '+34 600 000 001', locale: 'es' });
  });

  it('refuses a name that holds an address, so the business never emails a stranger a link', async () => {
    const result = await post({
      name: 'www.win-a-prize.example/claim',
      email: 'x@visitor.example',
      message: 'Hi',
    });
    expect(result.status).toBe(400);
    expect(result.html).toContain('Write your name without web or email addresses.');
  });
});
