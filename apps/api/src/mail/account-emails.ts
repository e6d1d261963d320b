import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@rapport/domain';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { escapeHtml } from './html';
import { MailTransport } from './mail-transport';

interface Link {
  label: string;
  url: string;
}

interface Paragraphs {
  heading: string;
  lines: string[];
  action?: Link;
  /** A second, quieter way on, under the button. */
  otherAction?: Link;
  footnote: string;
}

/**
 * Rapport's own emails to people who use the console (not the businesses' emails to buyers).
 * Links carry their token after `#`, so it never reaches server logs or a Referer header.
 */
@Injectable()
export class AccountEmails {
  constructor(
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendInvitation(input: {
    to: string;
    businessName: string;
    invitedBy: string;
    role: Role;
    token: string;
  }): Promise<void> {
    await this.send(input.to, `${input.invitedBy} invited you to ${input.businessName} on Rapport`, {
      heading: `Join ${input.businessName} on Rapport`,
      lines: [
        `${input.invitedBy} invited you to work with ${input.businessName} as ${ROLE_PHRASES[input.role]}.`,
        'Rapport thanks your buyers, asks for their opinion and helps you answer the unhappy ones quickly.',
      ],
      action: { label: 'Open the invitation', url: `${this.config.publicUrl}/invite#token=${input.token}` },
      footnote:
        'The invitation is valid for 7 days and can be used once. If you did not expect it, ignore this email.',
    });
  }

  async sendPasswordReset(input: { to: string; token: string }): Promise<void> {
    await this.send(input.to, 'Reset your Rapport password', {
      heading: 'Reset your password',
      lines: [
        'Someone asked to reset the password of your Rapport account. If it was you, choose a new one:',
      ],
      action: {
        label: 'Choose a new password',
        url: `${this.config.publicUrl}/reset-password#token=${input.token}`,
      },
      footnote:
        'The link works once, for one hour. If you did not ask for it, ignore this email: your password stays as it is.',
    });
  }

  /** The link that creates the account and the business; nothing exists until it is opened. */
  async sendSignUpConfirmation(input: {
    to: string;
    businessName: string;
    token: string;
    validHours: number;
  }): Promise<void> {
    await this.send(input.to, 'Confirm your email to start with Rapport', {
      heading: 'Confirm your email',
      lines: [`Open this link to create ${input.businessName} on Rapport and sign in.`],
      action: {
        label: `Create ${input.businessName}`,
        url: `${this.config.publicUrl}/confirm-signup#token=${input.token}`,
      },
      footnote: `The link works once, for ${input.validHours} hours. If you did not sign up, ignore this email: nothing is created without it.`,
    });
  }

  /** Sent instead of a confirmation when the address already has an account: the sign-up answer is the same. */
  async sendSignUpAttempt(input: { to: string }): Promise<void> {
    await this.send(input.to, 'Someone tried to sign up with your address', {
      heading: 'You already have a Rapport account',
      lines: [
        'Someone, perhaps you, tried to create a Rapport account with this email address. It already has one, so nothing was created or changed.',
        'Sign in to it; to add another business, use the business menu once signed in. If you have forgotten your password, choose a new one.',
      ],
      action: { label: 'Sign in', url: `${this.config.publicUrl}/login` },
      otherAction: { label: 'Reset your password', url: `${this.config.publicUrl}/forgot-password` },
      footnote: 'If it was not you, you can ignore this email: your account stays as it is.',
    });
  }

  async sendLockoutNotice(input: { to: string; lockedMinutes: number; ip: string | null }): Promise<void> {
    await this.send(input.to, 'Sign-ins to your Rapport account are paused', {
      heading: 'Too many wrong passwords',
      lines: [
        `Someone entered a wrong password for your account many times${input.ip ? ` (from ${input.ip})` : ''}.`,
        `To protect it, sign-ins are paused for ${input.lockedMinutes} minutes.`,
        'If it was not you, reset your password once the pause ends.',
      ],
      action: { label: 'Reset your password', url: `${this.config.publicUrl}/forgot-password` },
      footnote: 'You get this email because your address is the account’s sign-in.',
    });
  }

  /** Tells an owner their webhook endpoint stopped receiving events after failing again and again. */
  async sendEndpointPaused(input: {
    to: string;
    businessName: string;
    url: string;
    failures: number;
    lastError: string;
    /** The channel refused an event for good (removed, archived): paused at the first refusal. */
    isRefusedForGood?: boolean;
  }): Promise<void> {
    await this.send(input.to, `Webhook deliveries to ${hostOf(input.url)} are paused`, {
      heading: input.isRefusedForGood
        ? `An endpoint of ${input.businessName} no longer takes messages`
        : `An endpoint of ${input.businessName} keeps failing`,
      lines: [
        input.isRefusedForGood
          ? `${input.url} refused an event in a way that will not change by trying again (${input.lastError}): the webhook may have been removed, or its channel archived.`
          : `The last ${input.failures} events could not be delivered to ${input.url}, each after all its retries (last: ${input.lastError}).`,
        'Rapport paused the endpoint: new events are not sent to it. Fix the receiver, then resume it; failed deliveries can be sent again from its log.',
      ],
      action: { label: 'Open the webhook settings', url: `${this.config.publicUrl}/settings/webhooks` },
      footnote: 'You get this email because you own this business in Rapport.',
    });
  }

  /** Tells a member a case for an unhappy buyer is theirs, and by when it is due. */
  async sendCaseAssigned(input: {
    to: string;
    businessName: string;
    buyerName: string;
    reasons: string[];
    comment: string | null;
    dueAt: string;
    caseId: string;
  }): Promise<void> {
    const buyer = input.buyerName || 'A buyer';
    await this.send(input.to, `${buyer} needs an answer: ${input.reasons.join(', ')}`, {
      heading: `A case for you at ${input.businessName}`,
      lines: [
        `${buyer} answered with ${input.reasons.join(', ')}.`,
        ...(input.comment ? [`They wrote: “${input.comment}”`] : []),
        `The case is yours and due by ${input.dueAt}. A quick, personal answer often wins the buyer back.`,
      ],
      action: { label: 'Open the case', url: `${this.config.publicUrl}/cases/${input.caseId}` },
      footnote: 'You get this email because you work the cases of this business in Rapport.',
    });
  }

  /** Tells a member a new enquiry came in through the business's form, and by when it wants an answer. */
  async sendEnquiryReceived(input: {
    to: string;
    businessName: string;
    personName: string;
    subject: string;
    message: string;
    dueAt: string;
    interactionId: string;
  }): Promise<void> {
    // One line: a name or subject typed into a public form may hold line breaks.
    const person = input.personName.replace(/\s+/g, ' ').trim() || 'Someone';
    const subject = input.subject.replace(/\s+/g, ' ').trim();
    await this.send(input.to, `New enquiry from ${person}${subject ? `: ${subject}` : ''}`, {
      heading: `A new enquiry for ${input.businessName}`,
      lines: [
        `${person} wrote through your enquiry form:`,
        `“${input.message.length > 600 ? `${input.message.slice(0, 600)}…` : input.message}”`,
        `An answer is due by ${input.dueAt}.`,
      ],
      action: { label: 'Answer it', url: `${this.config.publicUrl}/enquiries/${input.interactionId}` },
      footnote: 'You get this email because you answer the enquiries and cases of this business in Rapport.',
    });
  }

  /** Tells the member a buyer's reply reached the business (it is in the console too). */
  async sendBuyerReplied(input: {
    to: string;
    businessName: string;
    buyerName: string;
    body: string;
    link: string;
  }): Promise<void> {
    const buyer = input.buyerName || 'A buyer';
    await this.send(input.to, `${buyer} replied to ${input.businessName}`, {
      heading: `${buyer} replied`,
      lines: [input.body || '(The reply had no text of its own.)'],
      action: { label: 'Read it in Rapport', url: `${this.config.publicUrl}${input.link}` },
      footnote: 'Replies to your follow-ups come back to Rapport; answer the buyer from the console.',
    });
  }

  /** One thing that happened in the business, as the member chose to hear of it at once. */
  async sendNotice(input: {
    to: string;
    businessName: string;
    notice: { title: string; text: string; link: string; action: string };
  }): Promise<void> {
    await this.send(input.to, input.notice.title, {
      heading: input.notice.title,
      lines: input.notice.text ? [input.notice.text] : [],
      action: { label: input.notice.action, url: input.notice.link },
      otherAction: {
        label: 'Choose what you hear of',
        url: `${this.config.publicUrl}/settings/notifications`,
      },
      footnote: `You get this email because of your notification settings at ${input.businessName} in Rapport.`,
    });
  }

  /** What happened since the member's last summary, one line each, in one email at their chosen hour. */
  async sendDailySummary(input: {
    to: string;
    businessName: string;
    items: { title: string; text: string; link: string; at: string }[];
  }): Promise<void> {
    const count = input.items.length;
    await this.send(
      input.to,
      `${input.businessName}: ${count} ${count === 1 ? 'thing' : 'things'} since your last summary`,
      {
        heading: `Your daily summary for ${input.businessName}`,
        lines: input.items.map(
          (item) => `${item.at} · ${item.title}${item.text ? `: ${item.text}` : ''} (${item.link})`,
        ),
        action: { label: 'Open Rapport', url: `${this.config.publicUrl}/dashboard` },
        otherAction: {
          label: 'Choose what you hear of',
          url: `${this.config.publicUrl}/settings/notifications`,
        },
        footnote: 'You get this summary once a day at the hour you chose, only on days something happened.',
      },
    );
  }

  private async send(to: string, subject: string, content: Paragraphs): Promise<void> {
    await this.transport.send({
      to,
      from: this.config.mail.from,
      subject,
      html: renderHtml(content),
      text: renderText(content),
      category: 'account',
    });
  }
}

const ROLE_PHRASES: Record<Role, string> = { owner: 'an owner', admin: 'an admin', staff: 'a staff member' };

function renderHtml({ heading, lines, action, otherAction, footnote }: Paragraphs): string {
  const paragraphs = lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`).join('');
  const button = action
    ? `<p style="margin:20px 0"><a href="${escapeHtml(action.url)}" style="background:#006a6a;color:#fff;padding:12px 20px;border-radius:20px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>
       <p style="margin:0 0 12px;font-size:13px;color:#555">Or paste this address into your browser: <span style="word-break:break-all;overflow-wrap:anywhere">${escapeHtml(action.url)}</span></p>`
    : '';
  const other = otherAction
    ? `<p style="margin:0 0 12px"><a href="${escapeHtml(otherAction.url)}" style="color:#006a6a">${escapeHtml(otherAction.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;background:#f4f7f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1c1c">
<div style="max-width:520px;margin:0 auto;padding:24px">
<div style="background:#fff;border-radius:12px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>${paragraphs}${button}${other}
<p style="margin:16px 0 0;font-size:13px;color:#555">${escapeHtml(footnote)}</p>
</div><p style="font-size:12px;color:#777;text-align:center">Rapport</p></div></body></html>`;
}

function renderText({ heading, lines, action, otherAction, footnote }: Paragraphs): string {
  return [
    heading,
    '',
    ...lines,
    ...(action ? ['', `${action.label}: ${action.url}`] : []),
    ...(otherAction ? [`${otherAction.label}: ${otherAction.url}`] : []),
    '',
    footnote,
    '',
    'Rapport',
  ].join('\n');
}

/** The host of a URL, for a subject line; the URL itself when it has none. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
