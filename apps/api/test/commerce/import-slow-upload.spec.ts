import { request as httpRequest } from 'node:http';
import { createApiKey, createTenant, signedIn } from '../support/factories';
import { startedApp } from '../support/spec-app';

/**
 * An upload arrives at the sender's pace. Reading it must not hold a database connection: with the file
 * read inside the import's transaction, as many slow uploads as the pool has connections left every other
 * request of every business waiting, then answered 503.
 */
describe('slow CSV uploads', () => {
  const POOL = 3;
  const spec = startedApp({ DB_POOL_SIZE: String(POOL) });

  it('leave the database to everyone else while their bytes trickle in, then import what they sent', async () => {
    const uploader = await createTenant(spec.testApp);
    const key = await createApiKey(spec.testApp, uploader, ['customers:write', 'customers:read']);
    const url = new URL('/api/imports/customers?fileName=slow.csv', spec.testApp.baseUrl);
    const answers: Promise<number>[] = [];
    const uploads = Array.from({ length: POOL * 2 }, () => {
      const upload = httpRequest(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'text/csv',
          'transfer-encoding': 'chunked',
        },
      });
      answers.push(
        new Promise((resolve, reject) => {
          upload.on('response', (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          });
          upload.on('error', reject);
        }),
      );
      upload.write('Email,Name\n');
      return upload;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const other = await createTenant(spec.testApp);
    const staff = await signedIn(spec.testApp, other.owner);
    const customers = await staff.get('/api/customers');
    expect(customers.status).toBe(200);

    for (const [index, upload] of uploads.entries())
      upload.end(`buyer${index}@slow.example,Buyer ${index}\n`);
    expect(await Promise.all(answers)).toEqual(uploads.map(() => 201));
  }, 30_000);
});
