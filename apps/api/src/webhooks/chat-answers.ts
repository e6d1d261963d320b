import type { EndpointFormat } from '@rapport/domain';
import type { PostOutcome } from './outgoing-post';

/**
 * What a channel's answer means for a delivery: delivered; worth trying again later (rate limits, the
 * service's own failures, no answer); refused for this message alone (its body was not accepted: trying
 * again sends the same body); or refused for good (the webhook was removed, its channel archived, posting
 * forbidden), which pauses the endpoint at once instead of failing for a day.
 */
export type ChatVerdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; error: string }
  | { kind: 'refused'; error: string }
  | { kind: 'gone'; error: string };

/** Slack's incoming-webhook error words that mean the webhook or its channel no longer takes messages. */
const SLACK_GONE = new Set([
  'no_service',
  'no_service_id',
  'no_team',
  'team_disabled',
  'invalid_token',
  'channel_not_found',
  'channel_is_archived',
  'action_prohibited',
  'posting_to_general_channel_denied',
]);

/** Reads a Slack or Teams answer; a JSON endpoint's answer is judged by its status alone, as before. */
export function judgeAnswer(format: EndpointFormat, outcome: PostOutcome): ChatVerdict {
  const status = outcome.status;
  if (outcome.error === null) return { kind: 'delivered' };
  if (format === 'json' || status === null || status === 429 || status >= 500 || status === 408)
    return { kind: 'retry', error: outcome.error };
  if (format === 'slack') {
    // Slack answers errors as one word in plain text: `channel_is_archived`.
    const word = /^[a-z_]{3,60}$/.exec(outcome.answer.trim())?.[0] ?? '';
    const said = word ? `Slack answered ${status} ${word}` : `Slack answered ${status}`;
    if (SLACK_GONE.has(word) || status === 404 || status === 410 || status === 403)
      return { kind: 'gone', error: said };
    return { kind: 'refused', error: said };
  }
  // Teams workflows answer errors as JSON: {"error":{"code":"...","message":"..."}}.
  const code = teamsErrorCode(outcome.answer);
  const said = code ? `Teams answered ${status} ${code}` : `Teams answered ${status}`;
  if (status === 401 || status === 403 || status === 404 || status === 410)
    return { kind: 'gone', error: said };
  return { kind: 'refused', error: said };
}

function teamsErrorCode(answer: string): string {
  try {
    const parsed = JSON.parse(answer) as { error?: { code?: unknown } };
    const code = parsed.error?.code;
    return typeof code === 'string' ? code.slice(0, 80) : '';
  } catch {
    return '';
  }
}
