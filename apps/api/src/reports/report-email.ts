import {
  changeWords,
  contactLines,
  durationWords,
  formatShare,
  type WeeklyReportContent,
} from '@rapport/domain';
import { escapeHtml } from '../mail/html';
import type { InlineImage } from '../mail/mail-transport';
import { answersPerDayChart, npsTrendChart } from './report-charts';

export interface ReportEmail {
  subject: string;
  html: string;
  text: string;
  images: InlineImage[];
}

const INK = '#1a1c1c';
const MUTED = '#4a5454';
const ACCENT = '#006a6a';

/** "8 to 14 March 2027", in the business's words. */
export function weekWords(report: WeeklyReportContent): string {
  const format = (date: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  return `${format(report.week.start, { day: 'numeric', month: 'long' })} to ${format(report.week.end, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })}`;
}

const section = (title: string, body: string) =>
  `<tr><td style="padding:20px 24px 4px"><h2 style="margin:0 0 8px;font-size:17px;color:${INK}">${escapeHtml(title)}</h2>${body}</td></tr>`;
const paragraph = (text: string, color = INK) =>
  `<p style="margin:0 0 8px;font-size:15px;line-height:22px;color:${color}">${text}</p>`;

function quote(comment: WeeklyReportContent['bestComments'][number]): string {
  const who = [comment.firstName, comment.product].filter(Boolean).join(', ');
  const score =
    comment.score === null ? '' : ` · ${comment.scoreType === 'csat' ? 'CSAT' : 'NPS'} ${comment.score}`;
  return `<blockquote style="margin:0 0 10px;padding:8px 12px;border-left:4px solid ${ACCENT};background:#f4f7f7;font-size:15px;line-height:22px;color:${INK}">“${escapeHtml(comment.comment)}”<br><span style="font-size:13px;color:${MUTED}">${escapeHtml(who)}${score}</span></blockquote>`;
}

function chartTag(id: string, chart: { width: number; height: number; description: string }): string {
  return `<img src="cid:${id}" width="${chart.width}" height="${chart.height}" alt="${escapeHtml(chart.description)}" style="display:block;width:100%;max-width:${chart.width}px;height:auto;border:0">`;
}

/**
 * The weekly report as an email: what needs the owner first (open and overdue cases, a delivery warning),
 * then the scores, the funnel against the week before, the two charts (PNG, inline by Content-ID, so Gmail
 * and Outlook show them without fetching anything), products, comments, response times and delivery. Tables
 * and inline styles only, as email clients expect; a plain-text part says the same.
 */
export function renderReportEmail(
  report: WeeklyReportContent,
  links: { report: string; cases: string },
): ReportEmail {
  const subject = `${report.business.name}: your week, ${weekWords(report)}`;
  const header = `<tr><td style="background:${ACCENT};padding:16px 24px;color:#ffffff"><div style="font-size:20px;font-weight:600">${escapeHtml(report.business.name)}</div><div style="font-size:14px">Your week, ${escapeHtml(weekWords(report))}</div></td></tr>`;
  const footer = `<tr><td style="padding:16px 24px 24px;font-size:13px;line-height:19px;color:${MUTED}"><a href="${escapeHtml(links.report)}" style="color:${ACCENT}">Open this report in Rapport</a> for interactive charts, the answers as CSV and a PDF. Change the day and hour it arrives on the Reports page.</td></tr>`;
  const wrap = (rows: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="margin:0;background:#eef2f2;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#eef2f2"><tr><td align="center" style="padding:16px 8px"><table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px">${rows}</table></td></tr></table></body></html>`;

  if (report.isQuiet) {
    const line = 'A quiet week: no orders, no emails and no answers, and no case waiting for you. Enjoy it.';
    return {
      subject,
      html: wrap(`${header}${section('All quiet', paragraph(escapeHtml(line)))}${footer}`),
      text: `${report.business.name}: your week, ${weekWords(report)}\n\n${line}\n\nOpen the report in Rapport: ${links.report}\n`,
      images: [],
    };
  }

  const nps = npsTrendChart(report.npsTrend);
  const perDay = answersPerDayChart(report.answersPerDay);
  const text: string[] = [`${report.business.name}: your week, ${weekWords(report)}`, ''];
  const rows: string[] = [header];

  // What needs the owner comes first.
  const needs: string[] = [];
  if (report.cases.open > 0) {
    const items = report.cases.items
      .map(
        (item) =>
          `<li style="margin:0 0 4px"><a href="${escapeHtml(`${links.cases}/${item.id}`)}" style="color:${ACCENT}">${escapeHtml(item.buyer || 'A buyer')}</a>: ${escapeHtml(item.reasons)}${item.isOverdue ? ' <strong style="color:#b3261e">overdue</strong>' : ''}</li>`,
      )
      .join('');
    needs.push(
      paragraph(
        `<strong>${report.cases.open}</strong> open ${report.cases.open === 1 ? 'case' : 'cases'}${report.cases.overdue ? `, <strong style="color:#b3261e">${report.cases.overdue} overdue</strong>` : ''}:`,
      ) +
        `<ul style="margin:0 0 8px;padding-left:20px;font-size:15px;line-height:22px;color:${INK}">${items}</ul>`,
    );
    text.push(`Open cases: ${report.cases.open} (${report.cases.overdue} overdue)`);
    for (const item of report.cases.items)
      text.push(
        `- ${item.buyer || 'A buyer'}: ${item.reasons}${item.isOverdue ? ' (overdue)' : ''} ${links.cases}/${item.id}`,
      );
  }
  if (report.deliverability.warning) {
    needs.push(
      paragraph(`<strong style="color:#b3261e">${escapeHtml(report.deliverability.warning)}</strong>`),
    );
    text.push(report.deliverability.warning);
  }
  if (needs.length > 0) {
    rows.push(section('What needs you', needs.join('')));
    text.push('');
  }

  const npsWords =
    report.nps.score === null
      ? 'No NPS answers this week.'
      : `NPS <strong style="font-size:22px">${report.nps.score}</strong> from ${report.nps.responses} ${report.nps.responses === 1 ? 'answer' : 'answers'}${report.nps.previousScore === null ? '' : ` (the week before: ${report.nps.previousScore})`}.`;
  const csatWords =
    report.csat.average === null
      ? ''
      : paragraph(
          `Satisfaction ${report.csat.average.toFixed(1)} of 5; ${formatShare(report.csat.satisfiedShare ?? 0)} satisfied (${report.csat.responses} answers).`,
        );
  rows.push(section('Scores', paragraph(npsWords) + csatWords));
  text.push(npsWords.replace(/<[^>]+>/g, ''));
  if (report.csat.average !== null) text.push(csatWords.replace(/<[^>]+>/g, ''));

  const funnelRows = report.funnel
    .map(
      (step) =>
        `<tr><td style="padding:4px 0;font-size:15px;color:${INK}">${escapeHtml(step.label)}</td><td align="right" style="padding:4px 8px;font-size:15px;font-weight:600;color:${INK}">${step.count}</td><td style="padding:4px 0;font-size:13px;color:${MUTED}">${escapeHtml(changeWords(step.count, step.previous))}</td></tr>`,
    )
    .join('');
  rows.push(
    section(
      'The week',
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${funnelRows}</table>`,
    ),
  );
  text.push('', 'The week:');
  for (const step of report.funnel)
    text.push(`- ${step.label}: ${step.count} (${changeWords(step.count, step.previous)})`);

  const contacts = contactLines(report.contacts ?? [], report.medianEnquiryAnswerMinutes ?? null);
  if (contacts.length > 0) {
    rows.push(
      section(
        'Enquiries, quotes, visits and recommendations',
        contacts.map((line) => paragraph(escapeHtml(line))).join(''),
      ),
    );
    text.push('', 'Enquiries, quotes, visits and recommendations:', ...contacts.map((line) => `- ${line}`));
  }

  rows.push(section('NPS, last twelve weeks', chartTag('nps-trend', nps)));
  rows.push(
    section(
      'Answers per day',
      chartTag('answers-per-day', perDay) +
        paragraph(
          report.answersPerDay
            .map(
              (day) =>
                `${new Date(`${day.date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })} ${day.count}`,
            )
            .join(' · '),
          MUTED,
        ),
    ),
  );
  text.push('', `NPS by week: ${report.npsTrend.map((week) => week.score ?? '-').join(', ')}`);
  text.push(`Answers per day: ${report.answersPerDay.map((day) => `${day.date} ${day.count}`).join(', ')}`);

  if (report.products.length > 0) {
    const best = report.products.slice(0, 3);
    const worst = report.products.length > 3 ? report.products.slice(-3).reverse() : [];
    const list = (items: typeof best) =>
      items
        .map((item) => `${escapeHtml(item.name)} ${item.average.toFixed(1)}★ (${item.ratings})`)
        .join(' · ');
    rows.push(
      section(
        'Products',
        paragraph(`Best rated: ${list(best)}`) +
          (worst.length > 0 ? paragraph(`Lowest rated: ${list(worst)}`) : ''),
      ),
    );
    text.push('', `Products: ${report.products.map((item) => `${item.name} ${item.average}`).join(', ')}`);
  }

  if (report.bestComments.length + report.worstComments.length > 0) {
    rows.push(
      section(
        'What buyers said',
        (report.bestComments.length > 0
          ? paragraph('<strong>Best</strong>') + report.bestComments.map(quote).join('')
          : '') +
          (report.worstComments.length > 0
            ? paragraph('<strong>Worst</strong>') + report.worstComments.map(quote).join('')
            : ''),
      ),
    );
    text.push('', 'What buyers said:');
    for (const comment of [...report.bestComments, ...report.worstComments])
      text.push(
        `- "${comment.comment}" (${[comment.firstName, comment.product].filter(Boolean).join(', ')})`,
      );
  }

  const times = report.responseTimes;
  if (times.opened + times.replied + times.resolved > 0) {
    const words = `Cases opened this week: ${times.opened}; first reply after ${durationWords(times.medianFirstReplyMinutes)} (median), resolved after ${durationWords(times.medianResolveMinutes)}.`;
    rows.push(section('Response times', paragraph(escapeHtml(words))));
    text.push('', words);
  }

  const delivery = report.deliverability;
  const deliveryWords = `${delivery.sent} emails sent, ${delivery.delivered} delivered; ${delivery.unsubscribed} unsubscribed, ${delivery.bounced} bounced, complaint rate ${formatShare(delivery.complaintRate ?? 0)}.`;
  rows.push(section('Delivery', paragraph(escapeHtml(deliveryWords))));
  text.push('', deliveryWords, '', `Open the report in Rapport: ${links.report}`);
  rows.push(footer);

  return {
    subject,
    html: wrap(rows.join('')),
    text: `${text.join('\n')}\n`,
    images: [
      { contentId: 'nps-trend', filename: 'nps-trend.png', type: 'image/png', content: nps.png },
      {
        contentId: 'answers-per-day',
        filename: 'answers-per-day.png',
        type: 'image/png',
        content: perDay.png,
      },
    ],
  };
}
