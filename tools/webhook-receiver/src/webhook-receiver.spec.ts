import { WebhookReceiver } from './webhook-receiver';

async function post(url: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return {
    status: response.status,
    text: await response.text(),
    retryAfter: response.headers.get('retry-after'),
  };
}

const SLACK_MESSAGE = JSON.stringify({ text: 'New case', blocks: [] });
const TEAMS_MESSAGE = JSON.stringify({
  type: 'message',
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } },
  ],
});

describe('the webhook receiver', () => {
  const receivers: WebhookReceiver[] = [];
  const started = async (flavour: 'json' | 'slack' | 'teams') => {
    const receiver = await new WebhookReceiver(flavour).start();
    receivers.push(receiver);
    return receiver;
  };
  afterAll(() => Promise.all(receivers.map((receiver) => receiver.stop())));

  it("answers as Slack does: ok, a missing text refused with Slack's word, failures in its words", async () => {
    const slack = await started('slack');
    expect(await post(slack.url, SLACK_MESSAGE)).toMatchObject({ status: 200, text: 'ok' });
    expect(await post(slack.url, JSON.stringify({ attachments: [] }))).toMatchObject({
      status: 400,
      text: 'no_text',
    });
    expect(await post(slack.url, 'not json')).toMatchObject({ status: 400, text: 'invalid_payload' });
    slack.failWith = 'archived';
    expect(await post(slack.url, SLACK_MESSAGE)).toMatchObject({ status: 410, text: 'channel_is_archived' });
    slack.failWith = 'rate-limited';
    expect(await post(slack.url, SLACK_MESSAGE)).toMatchObject({ status: 429, retryAfter: '1' });
    expect(slack.received.map((one) => one.status)).toEqual([200, 400, 400, 410, 429]);
  });

  it('answers as a Teams workflow does: 202 for a card, JSON errors otherwise', async () => {
    const teams = await started('teams');
    expect(await post(teams.url, TEAMS_MESSAGE)).toMatchObject({ status: 202, text: '' });
    const refused = await post(teams.url, SLACK_MESSAGE);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'TriggerInputSchemaMismatch' } });
    teams.failWith = 'removed';
    expect((await post(teams.url, TEAMS_MESSAGE)).status).toBe(404);
  });

  it('can answer slowly, answer any status, and be down', async () => {
    const json = await started('json');
    json.delayMs = 300;
    const began = Date.now();
    expect((await post(json.url, '{}')).status).toBe(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(250);
    json.delayMs = 0;
    json.statusOf = (n) => (n === 2 ? 503 : 200);
    expect((await post(json.url, '{}')).status).toBe(503);
    await json.stop();
    await expect(post(json.url, '{}')).rejects.toThrow();
    await json.restart();
    expect((await post(json.url, '{}')).status).toBe(200);
    await expect(json.waitFor(3)).resolves.toHaveLength(3);
  });
});
