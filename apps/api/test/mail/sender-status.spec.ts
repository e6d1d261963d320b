import type { SenderStatusResponse } from '@rapport/domain';
import { SendGridMock } from '@rapport/sendgrid-mock';
import { createTenant, signedIn } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe("the state of a business's sender address in SendGrid", () => {
  const mock = new SendGridMock();
  let withSendGrid: TestApp;
  let withoutProvider: TestApp;

  beforeAll(async () => {
    const baseUrl = await mock.start();
    withSendGrid = await startTestApp({ SENDGRID_API_KEY: 'SG.test', SENDGRID_BASE_URL: baseUrl });
    withoutProvider = await startTestApp();
  });
  afterAll(async () => {
    await withSendGrid.close();
    await withoutProvider.close();
    await mock.stop();
  });

  async function statusFor(testApp: TestApp, senderEmail: string): Promise<SenderStatusResponse> {
    const tenant = await createTenant(testApp, { name: `Sender ${Date.now()}` });
    const owner = await signedIn(testApp, tenant.owner);
    await owner.patch('/api/business', { senderEmail });
    return (await owner.get<SenderStatusResponse>('/api/business/sender-status')).body;
  }

  it('tells a verified sender, an authenticated domain and an address SendGrid would refuse apart', async () => {
    mock.setSenders({ verifiedSenders: ['olga@gmail.example'], authenticatedDomains: ['bakery.example'] });
    expect(await statusFor(withSendGrid, 'Olga@gmail.example')).toMatchObject({
      senderEmail: 'olga@gmail.example',
      state: 'verified-sender',
    });
    expect(await statusFor(withSendGrid, 'hello@shop.bakery.example')).toMatchObject({
      state: 'authenticated-domain',
    });
    const refused = await statusFor(withSendGrid, 'hello@elsewhere.example');
    expect(refused.state).toBe('not-verified');
    expect(refused.explanation).toContain('authenticate elsewhere.example');
  });

  it('needs nothing while emails stay in the development mailbox', async () => {
    expect((await statusFor(withoutProvider, 'hello@elsewhere.example')).state).toBe('not-needed');
  });
});
