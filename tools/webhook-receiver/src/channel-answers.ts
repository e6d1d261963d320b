/**
 * How Slack's incoming webhooks and Microsoft Teams' workflow webhooks answer, as their documentation
 * describes them: Slack answers `200 ok` in plain text and an error as one word (`400 invalid_payload`,
 * `404 no_service`, `410 channel_is_archived`, `429` with `Retry-After`); a Teams workflow answers
 * `202 Accepted` with no body, and an error as JSON `{"error":{"code","message"}}`.
 */
export type ReceiverFlavour = 'json' | 'slack' | 'teams';

/** A failure the receiver can be told to answer with, in the words of the service it plays. */
export type ChannelFailure =
  'rate-limited' | 'server-error' | 'archived' | 'removed' | 'forbidden' | 'bad-payload';

export interface ChannelAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SLACK_FAILURES: Record<ChannelFailure, [number, string]> = {
  'rate-limited': [429, 'rate_limited'],
  'server-error': [500, 'rollup_error'],
  archived: [410, 'channel_is_archived'],
  removed: [404, 'no_service'],
  forbidden: [403, 'action_prohibited'],
  'bad-payload': [400, 'invalid_payload'],
};

const TEAMS_FAILURES: Record<ChannelFailure, [number, string, string]> = {
  'rate-limited': [429, 'WorkflowRequestsThrottled', 'The workflow is receiving too many requests.'],
  'server-error': [502, 'BadGateway', 'The workflow did not answer.'],
  archived: [404, 'WorkflowNotFound', 'The workflow was turned off or deleted.'],
  removed: [404, 'WorkflowNotFound', 'The workflow was turned off or deleted.'],
  forbidden: [401, 'DirectApiAuthorizationRequired', 'The signature in the address is not valid.'],
  'bad-payload': [400, 'TriggerInputSchemaMismatch', 'The body does not match the trigger’s schema.'],
};

/** What the service answers a well-formed message. */
export function acceptedAnswer(flavour: ReceiverFlavour): ChannelAnswer {
  if (flavour === 'teams') return { status: 202, headers: {}, body: '' };
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
}

/** What the service answers when told to fail this way. */
export function failureAnswer(flavour: ReceiverFlavour, failure: ChannelFailure): ChannelAnswer {
  const retryAfter: Record<string, string> = failure === 'rate-limited' ? { 'retry-after': '1' } : {};
  if (flavour === 'teams') {
    const [status, code, message] = TEAMS_FAILURES[failure];
    return {
      status,
      headers: { 'content-type': 'application/json', ...retryAfter },
      body: JSON.stringify({ error: { code, message } }),
    };
  }
  const [status, word] = SLACK_FAILURES[failure];
  return {
    status,
    headers: { 'content-type': 'text/plain', ...retryAfter },
    body: flavour === 'slack' ? word : 'failed',
  };
}

/**
 * Whether a body is a message the service would take: Slack wants JSON with `text` or `blocks`; Teams
 * wants a `message` whose attachments hold an Adaptive Card. Null when it is; else the error to answer.
 */
export function payloadProblem(flavour: ReceiverFlavour, body: string): ChannelAnswer | null {
  if (flavour === 'json') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return failureAnswer(flavour, 'bad-payload');
  }
  const message = (parsed ?? {}) as Record<string, unknown>;
  if (flavour === 'slack') {
    const hasText = typeof message['text'] === 'string' && message['text'] !== '';
    if (!hasText && !Array.isArray(message['blocks']))
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'no_text' };
    return null;
  }
  const attachments = message['attachments'];
  const isCard =
    message['type'] === 'message' &&
    Array.isArray(attachments) &&
    attachments.some(
      (attachment) =>
        (attachment as Record<string, unknown>)['contentType'] === 'application/vnd.microsoft.card.adaptive',
    );
  return isCard ? null : failureAnswer('teams', 'bad-payload');
}
