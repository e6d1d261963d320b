import { escapeHtml } from '../mail/html';

export interface FollowUpContext {
  kind: 'thank-you' | 'opinion-request' | 'reminder' | 'manual';
  business: { name: string; phone: string | null; email: string | null; address: string | null };
  buyerFirstName: string | null;
  orderNumber: string | null;
  products: string[];
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * The built-in English follow-ups, used until a business edits its templates. Every email names the
 * business with its contact details and carries a visible unsubscribe link.
 */
export function renderFollowUp(context: FollowUpContext): RenderedEmail {
  const hello = context.buyerFirstName ? `Hi ${context.buyerFirstName},` : 'Hello,';
  const items = context.products.length > 0 ? ` (${context.products.slice(0, 3).join(', ')})` : '';
  const order = context.orderNumber ? `your order ${context.orderNumber}${items}` : 'your order';
  const { subject, lines } =
    context.kind === 'thank-you'
      ? {
          subject: `Thank you for your order from ${context.business.name}`,
          lines: [
            hello,
            `Thank you for ${order}. We are glad you chose us.`,
            'If anything is not right, just reply to this email.',
          ],
        }
      : {
          subject: `How did we do, ${context.buyerFirstName ?? 'there'}?`,
          lines: [
            hello,
            `How was ${order}? Reply to this email with a score from 0 to 10 and a word on why: we read every answer.`,
          ],
        };
  const contact = [context.business.phone, context.business.email, context.business.address].filter(
    Boolean,
  ) as string[];
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f4f7f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1c1c">
<div style="max-width:560px;margin:0 auto;padding:24px"><div style="background:#fff;border-radius:12px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(context.business.name)}</h1>
${lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`).join('')}
<p style="margin:16px 0 0">${escapeHtml(context.business.name)}</p></div>
<p style="font-size:12px;color:#555;text-align:center;margin:16px 0 4px">${contact.map(escapeHtml).join(' · ')}</p>
<p style="font-size:12px;color:#555;text-align:center;margin:0"><a href="${escapeHtml(context.unsubscribeUrl)}" style="color:#555">Unsubscribe</a> from emails of ${escapeHtml(context.business.name)}</p>
</div></body></html>`;
  const text = [
    ...lines,
    '',
    context.business.name,
    contact.join(' · '),
    '',
    `Unsubscribe: ${context.unsubscribeUrl}`,
  ].join('\n');
  return { subject, html, text };
}
