import {
  changeWords,
  contactLines,
  durationWords,
  formatShare,
  type WeeklyReportContent,
} from '@rapport/domain';
import PDFDocument from 'pdfkit';
import { weekWords } from './report-email';

const ACCENT = '#006a6a';
const INK = '#1a1c1c';
const MUTED = '#4a5454';
const GOOD = '#1b6e35';
const BAD = '#b3261e';

/**
 * PDF's standard fonts cover Latin-1 and a few more (WinAnsi); the report writes other characters in their
 * nearest plain form, and a character it cannot write as "?". Buyers' comments in other scripts show as
 * "?" in the PDF (the email and the console show them as written).
 */
export function pdfText(text: string): string {
  return text
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/\u2605/g, ' stars')
    .replace(/[^\n\u0020-\u00ff\u201c\u201d\u2018\u2019\u2014\u2026\u20ac]/g, '?');
}

/** The weekly report as an A4 PDF: the same sections as the email, with the charts drawn as vectors. */
export function renderReportPdf(report: WeeklyReportContent): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${report.business.name}: ${weekWords(report)}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const heading = (text: string) => {
    if (document.y > 720) document.addPage();
    document.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(pdfText(text));
    document.moveDown(0.3).font('Helvetica').fontSize(10.5).fillColor(INK);
  };
  const line = (text: string, color = INK) => document.fillColor(color).text(pdfText(text));

  document.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT).text(pdfText(report.business.name));
  document
    .font('Helvetica')
    .fontSize(12)
    .fillColor(MUTED)
    .text(pdfText(`Your week, ${weekWords(report)}`));

  if (report.isQuiet) {
    heading('All quiet');
    line('A quiet week: no orders, no emails and no answers, and no case waiting for you.');
    document.end();
    return done;
  }

  if (report.cases.open > 0 || report.deliverability.warning) {
    heading('What needs you');
    if (report.cases.open > 0)
      line(
        `${report.cases.open} open ${report.cases.open === 1 ? 'case' : 'cases'}, ${report.cases.overdue} overdue.`,
      );
    for (const item of report.cases.items)
      line(
        `- ${item.buyer || 'A buyer'}: ${item.reasons}${item.isOverdue ? ' (overdue)' : ''}`,
        item.isOverdue ? BAD : INK,
      );
    if (report.deliverability.warning) line(report.deliverability.warning, BAD);
  }

  heading('Scores');
  line(
    report.nps.score === null
      ? 'No NPS answers this week.'
      : `NPS ${report.nps.score} from ${report.nps.responses} ${report.nps.responses === 1 ? 'answer' : 'answers'}${report.nps.previousScore === null ? '' : ` (the week before: ${report.nps.previousScore})`}.`,
  );
  if (report.csat.average !== null)
    line(
      `Satisfaction ${report.csat.average.toFixed(1)} of 5; ${formatShare(report.csat.satisfiedShare ?? 0)} satisfied.`,
    );

  heading('The week');
  for (const step of report.funnel)
    line(`${step.label}: ${step.count} (${changeWords(step.count, step.previous)})`);

  const contacts = contactLines(report.contacts ?? [], report.medianEnquiryAnswerMinutes ?? null);
  if (contacts.length > 0) {
    heading('Enquiries, quotes, visits and recommendations');
    for (const text of contacts) line(text);
  }

  heading('NPS, last twelve weeks');
  bars(
    document,
    report.npsTrend.map((week) => ({ label: week.weekStart.slice(5), value: week.score })),
    { min: -100, max: 100 },
  );
  heading('Answers per day');
  bars(
    document,
    report.answersPerDay.map((day) => ({ label: day.date.slice(5), value: day.count })),
    { min: 0, max: Math.max(1, ...report.answersPerDay.map((day) => day.count)) },
  );

  if (report.products.length > 0) {
    heading('Products');
    for (const product of report.products)
      line(`${product.name}: ${product.average.toFixed(1)} stars (${product.ratings} ratings)`);
  }
  if (report.bestComments.length + report.worstComments.length > 0) {
    heading('What buyers said');
    for (const comment of [...report.bestComments, ...report.worstComments])
      line(`“${comment.comment}” - ${[comment.firstName, comment.product].filter(Boolean).join(', ')}`);
  }
  heading('Response times');
  line(
    `First reply after ${durationWords(report.responseTimes.medianFirstReplyMinutes)}, resolved after ${durationWords(report.responseTimes.medianResolveMinutes)} (medians of ${report.responseTimes.opened} cases opened this week).`,
  );
  heading('Delivery');
  const delivery = report.deliverability;
  line(
    `${delivery.sent} emails sent, ${delivery.delivered} delivered; ${delivery.unsubscribed} unsubscribed, ${delivery.bounced} bounced, complaint rate ${formatShare(delivery.complaintRate ?? 0)}.`,
  );
  document.end();
  return done;
}

/** A bar chart drawn where the text stands: one bar per value, a zero line, the labels under it. */
function bars(
  document: PDFKit.PDFDocument,
  values: { label: string; value: number | null }[],
  range: { min: number; max: number },
): void {
  const height = 110;
  if (document.y + height + 30 > 780) document.addPage();
  const top = document.y + 6;
  const left = 48;
  const width = 499;
  const slot = width / values.length;
  const scale = height / (range.max - range.min);
  const zero = top + range.max * scale;
  document
    .moveTo(left, zero)
    .lineTo(left + width, zero)
    .lineWidth(0.5)
    .strokeColor('#c5cbcb')
    .stroke();
  values.forEach((item, index) => {
    const x = left + slot * index + slot * 0.2;
    if (item.value !== null && item.value !== 0) {
      const barHeight = Math.abs(item.value) * scale;
      document
        .rect(x, item.value > 0 ? zero - barHeight : zero, slot * 0.6, barHeight)
        .fill(range.min < 0 ? (item.value > 0 ? GOOD : BAD) : ACCENT);
    }
    document
      .fillColor(INK)
      .fontSize(8)
      .text(item.value === null ? '-' : String(item.value), x - slot * 0.2, top + height + 2, {
        width: slot,
        align: 'center',
      })
      .fillColor(MUTED)
      .text(item.label, x - slot * 0.2, top + height + 12, { width: slot, align: 'center' });
  });
  document.x = left;
  document.y = top + height + 28;
  document.fontSize(10.5);
}
