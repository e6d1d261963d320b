import { SendGridMock } from '@rapport/sendgrid-mock';
import { createUser, mailTo } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('choosing the mail transport', () => {
  const mock = new SendGridMock();
  let withSendGrid: TestApp;

  beforeAll(async () => {
    const baseUrl = await mock.start();
    withSendGrid = await startTestApp({ SENDGRID_API_KEY: 'SG.test', SENDGRID_BASE_URL: baseUrl });
  });
  afterAll(async () => {
    await withSendGrid.close();
    await mock.stop();
  });

  it('delivers through SendGrid when a key is configured, and keeps nothing in the development mailbox', async () => {
    const user = await createUser(withSendGrid);
    expect((await withSendGrid.http().post('/api/auth/password-reset', { email: user.email })).status).toBe(
      202,
    );
    expect(mock.received.map((mail) => mail.body.personalizations[0]?.to[0]?.email)).toEqual([user.email]);
    expect(mock.received[0]?.body).toMatchObject({
      subject: 'Reset your Rapport password',
      categories: ['account'],
    });
    expect(await mailTo(withSendGrid, user.email)).toEqual([]);
  });
});
