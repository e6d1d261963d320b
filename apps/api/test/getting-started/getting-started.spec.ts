import { createHmac, randomUUID } from 'node:crypto';
import type { GettingStartedResponse, GettingStartedStep } from '@rapport/domain';
import { signUpBusiness } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startedApp } from '../support/spec-app';

const SHOPIFY_SECRET = 'shpss_getting_started_1234';

describe('the getting-started checklist', () => {
  const spec = startedApp();

  async function doneSteps(client: HttpClient): Promise<GettingStartedStep[]> {
    const result = await client.get<GettingStartedResponse>('/api/getting-started');
    expect(result.status).toBe(200);
    return result.body.items.filter((item) => item.isDone).map((item) => item.step);
  }

  it('starts empty for a new business and ticks each step from what the business actually did', async () => {
    const { owner, id } = await signUpBusiness(spec.testApp, {
      name: 'Fresh Start Deli',
      timeZone: 'Europe/Madrid',
      country: 'ES',
    });
    const first = await owner.get<GettingStartedResponse>('/api/getting-started');
    expect(first.body.items.map((item) => item.step)).toEqual([
      'business-details',
      'sender',
      'first-buyers',
      'shop-or-api-key',
      'rules-reviewed',
      'test-email',
    ]);
    expect(first.body.isComplete).toBe(false);
    expect(await doneSteps(owner)).toEqual([]);

    // An address without a way to reach the business is not enough.
    await owner.patch('/api/business', { postalAddress: 'Calle Mayor 1, Madrid' });
    expect(await doneSteps(owner)).toEqual([]);
    await owner.patch('/api/business', { contactPhone: '+34 600 000 000' });
    expect(await doneSteps(owner)).toEqual(['business-details']);

    // With no email provider configured, any chosen sender address will do.
    await owner.patch('/api/business', {
      senderEmail: 'hola@fresh-start.example',
      senderName: 'Fresh Start',
    });
    expect(await doneSteps(owner)).toContain('sender');

    await owner.post('/api/customers', { email: 'ana@buyers.example', name: 'Ana López' });
    expect(await doneSteps(owner)).toContain('first-buyers');

    // A shop counts once a delivery of it has arrived, not when its secret is saved.
    expect((await owner.put('/api/integrations/shopify', { secret: SHOPIFY_SECRET })).status).toBe(204);
    expect(await doneSteps(owner)).not.toContain('shop-or-api-key');
    const body = JSON.stringify({ id: 1, name: '#1' });
    const delivery = await fetch(`${spec.testApp.baseUrl}/api/webhooks/shopify/${id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET).update(body).digest('base64'),
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': randomUUID(),
      },
      body,
    });
    expect(delivery.status).toBe(200);
    expect(await doneSteps(owner)).toContain('shop-or-api-key');

    // Only a change to a rule counts as having reviewed the rules; reading them does not.
    const rules = await owner.get<{ id: string; isEnabled: boolean }[]>('/api/automations');
    expect(await doneSteps(owner)).not.toContain('rules-reviewed');
    const rule = rules.body[0];
    expect((await owner.patch(`/api/automations/${rule?.id}`, { isEnabled: rule?.isEnabled })).status).toBe(
      200,
    );
    expect(await doneSteps(owner)).toContain('rules-reviewed');

    const template = await owner.get<{ subject: string; body: string }>('/api/templates/thank-you/en');
    const sent = await owner.post('/api/templates/thank-you/en/test', {
      subject: template.body.subject,
      body: template.body.body,
    });
    expect(sent.status).toBe(200);
    const last = await owner.get<GettingStartedResponse>('/api/getting-started');
    expect(last.body.items.every((item) => item.isDone)).toBe(true);
    expect(last.body.isComplete).toBe(true);
  });

  it('counts an API key as a way in, for businesses without a shop', async () => {
    const { owner } = await signUpBusiness(spec.testApp, {
      name: 'Key Cafe',
      timeZone: 'UTC',
      country: 'GB',
    });
    await owner.post('/api/api-keys', { name: 'Till', scopes: ['orders:write'] });
    expect(await doneSteps(owner)).toEqual(['shop-or-api-key']);
  });

  it("never shows one business's progress to another", async () => {
    const a = await signUpBusiness(spec.testApp, { name: 'Busy Bakery', timeZone: 'UTC', country: 'GB' });
    const b = await signUpBusiness(spec.testApp, { name: 'Quiet Bakery', timeZone: 'UTC', country: 'GB' });
    await a.owner.patch('/api/business', { postalAddress: '1 High St', contactEmail: 'hi@busy.example' });
    await a.owner.post('/api/customers', { email: 'kim@buyers.example', name: 'Kim' });
    await a.owner.post('/api/api-keys', { name: 'Till', scopes: ['orders:write'] });
    expect(await doneSteps(a.owner)).toEqual(['business-details', 'first-buyers', 'shop-or-api-key']);
    expect(await doneSteps(b.owner)).toEqual([]);
  });
});
