import type { EventNotice } from '../events/event-notice';

/** Slack's incoming webhook: `text` for notifications, Block Kit for the channel. */
export function slackMessage(notice: EventNotice): Record<string, unknown> {
  return {
    text: [notice.title, notice.text].filter(Boolean).join(' · '),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(notice.title)}*` } },
      ...(notice.text ? [{ type: 'section', text: { type: 'plain_text', text: notice.text } }] : []),
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: notice.action }, url: notice.link }],
      },
    ],
  };
}

/** A Teams workflow or incoming webhook: one Adaptive Card. */
export function teamsMessage(notice: EventNotice): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: notice.title, weight: 'Bolder', size: 'Medium', wrap: true },
            ...(notice.text ? [{ type: 'TextBlock', text: notice.text, wrap: true }] : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: notice.action, url: notice.link }],
        },
      },
    ],
  };
}

/** Slack's mrkdwn reads `&`, `<` and `>` as markup: a business name is shown as written. */
function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
