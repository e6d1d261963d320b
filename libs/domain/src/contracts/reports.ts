import type { ResponseTimeFigures } from './surveys';

/** The steps of the week's funnel, in order, with the words the report uses. */
export const FUNNEL_STEPS = [
  { key: 'orders', label: 'Orders' },
  { key: 'thankYous', label: 'Thank-yous sent' },
  { key: 'requests', label: 'Opinion requests sent' },
  { key: 'delivered', label: 'Requests delivered' },
  { key: 'answered', label: 'Answers' },
  { key: 'casesOpened', label: 'Cases opened' },
  { key: 'casesResolved', label: 'Cases resolved' },
  { key: 'reviews', label: 'Review invitations accepted' },
] as const;
export type FunnelKey = (typeof FUNNEL_STEPS)[number]['key'];

/** What the week did with people besides orders: enquiries, quotes, appointments, recommendations. */
export const CONTACT_STEPS = [
  { key: 'enquiries', label: 'Enquiries received' },
  { key: 'enquiriesAnswered', label: 'Enquiries answered' },
  { key: 'quotesSent', label: 'Quotes sent' },
  { key: 'quotesFollowedUp', label: 'Quotes followed up' },
  { key: 'quotesAccepted', label: 'Quotes accepted' },
  { key: 'appointmentsCompleted', label: 'Appointments completed' },
  { key: 'visitsThanked', label: 'Visits thanked' },
  { key: 'referralsAsked', label: 'Asked to recommend you' },
  { key: 'referralsUsed', label: 'People who came recommended' },
  { key: 'referralsConverted', label: 'Recommended people who became customers' },
] as const;
export type ContactStepKey = (typeof CONTACT_STEPS)[number]['key'];

export interface ContactStep {
  key: ContactStepKey;
  label: string;
  count: number;
  previous: number;
}

export interface FunnelStep {
  key: FunnelKey;
  label: string;
  count: number;
  /** The same step the week before. */
  previous: number;
}

export interface ReportComment {
  firstName: string;
  product: string | null;
  comment: string;
  score: number | null;
  scoreType: 'nps' | 'csat' | null;
}

export interface WeeklyReportContent {
  business: { name: string; timeZone: string };
  /** Monday and Sunday of the week, YYYY-MM-DD, in the business's time zone. */
  week: { start: string; end: string };
  generatedAt: string;
  /** Nothing happened: no order, no email, no answer, no open case. The report says so in one line. */
  isQuiet: boolean;
  funnel: FunnelStep[];
  nps: { score: number | null; responses: number; previousScore: number | null };
  /** CSAT: the average (1-5) and the share of 4s and 5s. */
  csat: { average: number | null; satisfiedShare: number | null; responses: number };
  /** Twelve weeks ending with this one. */
  npsTrend: { weekStart: string; score: number | null; responses: number }[];
  /** Monday to Sunday. */
  answersPerDay: { date: string; count: number }[];
  /** Rated this week, best average first. */
  products: { name: string; average: number; ratings: number }[];
  bestComments: ReportComment[];
  worstComments: ReportComment[];
  cases: {
    open: number;
    overdue: number;
    items: { id: string; buyer: string; reasons: string; dueAt: string; isOverdue: boolean }[];
  };
  responseTimes: ResponseTimeFigures;
  /** Enquiries, quotes, appointments and recommendations, against the week before (absent in reports stored before they were counted). */
  contacts?: ContactStep[];
  /** Median minutes from an enquiry arriving to its first answer, for those answered this week; null for none. */
  medianEnquiryAnswerMinutes?: number | null;
  deliverability: {
    sent: number;
    delivered: number;
    bounced: number;
    complained: number;
    unsubscribed: number;
    bounceRate: number | null;
    complaintRate: number | null;
    /** Plain words when deliverability is at risk; null when it is fine. */
    warning: string | null;
  };
}

/** One week of the archive. */
export interface WeeklyReportSummary {
  weekStart: string;
  /** Whether the report was stored (and when it was emailed); weeks not stored are computed when opened. */
  isStored: boolean;
  emailedAt: string | null;
}

export interface WeeklyReportResponse {
  weekStart: string;
  /** The week's first and last instants (Monday 00:00 local, next Monday 00:00 local): for the answers export. */
  from: string;
  to: string;
  emailedAt: string | null;
  content: WeeklyReportContent;
}

/** When the weekly report goes out, and whether the signed-in member receives it. */
export interface ReportSettings {
  weekday: number;
  hour: number;
  /** Owners always receive it; admins choose. */
  receivesReport: boolean;
  isOwner: boolean;
}

/** What one span of days counts. */
export interface DashboardFigures {
  /** Emails sent to buyers, every kind (thank-yous, opinion requests, reminders, notes, replies from cases). */
  sent: number;
  /** Opinion requests sent. */
  requests: number;
  answers: number;
  /** Answers over opinion requests sent in the period; null when none was sent. */
  responseRate: number | null;
  nps: number | null;
  /** Average satisfaction, 1 to 5. */
  csat: number | null;
}

/** The key figures of one period (the last 7 or 30 local days, today included) and of the one before. */
export interface DashboardPeriod extends DashboardFigures {
  days: number;
  /** The same figures for the equally long span just before, for the change each tile shows. */
  previous: DashboardFigures;
}

export interface DashboardResponse {
  periods: DashboardPeriod[];
  /** Enquiries, quotes, appointments and recommendations of the last 30 days, against the 30 before. */
  contacts: ContactStep[];
  openCases: number;
  overdueCases: number;
  npsTrend: WeeklyReportContent['npsTrend'];
  /** The last 30 days, oldest first. */
  answersPerDay: WeeklyReportContent['answersPerDay'];
  latestComments: {
    answerId: string;
    customerName: string;
    comment: string;
    score: number | null;
    scoreType: 'nps' | 'csat' | null;
    band: 'promoter' | 'passive' | 'detractor' | null;
    answeredAt: string;
  }[];
}
