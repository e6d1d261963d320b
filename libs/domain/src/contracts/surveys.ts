import type { CaseSettings } from '../cases/case-due';
import type { BuyerLocale } from '../commerce/customers';
import type { NpsBand } from '../scores/nps';
import type { JourneyCap } from '../automations/journey-cap';
import type { CaseThresholds } from '../surveys/survey-answers';
import type { SurveyAnswers } from '../surveys/survey-answers';
import type { HeadlineType, SurveyDefinition } from '../surveys/survey-schema';
import type { ReviewPlatform, ReviewPlatformName } from '../surveys/review-platforms';

export interface SurveyResponse {
  id: string;
  name: string;
  /** The version new opinion requests carry; earlier answers keep theirs. */
  version: number;
  definition: SurveyDefinition;
  /** The automations that attach this survey. */
  usedBy: string[];
  updatedAt: string;
}

export interface SaveSurveyRequest {
  name: string;
  definition: SurveyDefinition;
}

/** A survey as the buyer would meet it: the opinion request's inline question and the answer page. */
export interface SurveyPreviewResponse {
  emailHtml: string;
  pageHtml: string;
}

export const ANSWER_CHANNELS = ['web', 'reply'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

export interface AnswerQuestionView {
  id: string;
  prompt: string;
  /** The answer as words: "3", "Late delivery", "Web, Friend", "Sourdough: 2 of 5". */
  answer: string;
}

export interface AnswerResponse {
  id: string;
  customer: { id: string; name: string; email: string };
  order: { id: string; number: string } | null;
  survey: { id: string; name: string; version: number } | null;
  score: number | null;
  scoreType: HeadlineType | null;
  band: NpsBand | null;
  comment: string | null;
  ratings: { product: string; rating: number }[];
  channel: AnswerChannel;
  isComplete: boolean;
  answeredAt: string;
  caseId: string | null;
}

export interface AnswerDetailResponse extends AnswerResponse {
  /** The language the buyer was asked in; the questions read as they saw them. */
  locale: BuyerLocale;
  questions: AnswerQuestionView[];
  answers: SurveyAnswers;
  replies: { id: string; body: string; receivedAt: string }[];
}

export interface AnswerListQuery {
  band?: NpsBand;
  surveyId?: string;
  product?: string;
  from?: string;
  to?: string;
  hasComment?: boolean;
  channel?: AnswerChannel;
  q?: string;
  customerId?: string;
  cursor?: string;
  limit?: number;
}

export interface ProductRatingResponse {
  product: string;
  average: number;
  ratings: number;
  comments: { answerId: string; comment: string; rating: number; answeredAt: string }[];
}

export const CASE_STATUSES = ['open', 'waiting', 'resolved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseResponse {
  id: string;
  status: CaseStatus;
  reasons: string[];
  customer: { id: string; name: string; email: string };
  assignee: { id: string; name: string } | null;
  score: number | null;
  scoreType: HeadlineType | null;
  comment: string | null;
  dueAt: string;
  isOverdue: boolean;
  createdAt: string;
  firstReplyAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export const CASE_ENTRY_KINDS = ['note', 'reply', 'buyer-reply', 'status'] as const;
export type CaseEntryKind = (typeof CASE_ENTRY_KINDS)[number];

export interface CaseEntryResponse {
  id: string;
  kind: CaseEntryKind;
  author: string | null;
  body: string;
  /** For a reply to the buyer: what became of the email. */
  delivery: string | null;
  createdAt: string;
}

export interface CaseDetailResponse extends CaseResponse {
  answer: AnswerDetailResponse;
  order: {
    id: string;
    number: string;
    placedAt: string;
    total: string;
    currency: string;
    products: string[];
  } | null;
  entries: CaseEntryResponse[];
}

export interface CaseListQuery {
  status?: CaseStatus;
  /** Only cases still to work: open or waiting for the customer. */
  unresolved?: boolean;
  mine?: boolean;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

export interface UpdateCaseRequest {
  status?: CaseStatus;
  /** Required when resolving. */
  resolution?: string;
  assigneeId?: string | null;
  /**
   * When resolving: ask the buyer again, this many days later, whether they would now recommend the
   * business (the survey their answer was to).
   */
  askAgainInDays?: number | null;
}

export interface CaseNoteRequest {
  body: string;
}

/** A member who can be given a case. */
export interface CaseAssigneeResponse {
  /** The member's user id (what a case's assignee names). */
  id: string;
  name: string;
  isOwner: boolean;
  /** New cases go round robin among the members who take them; to the owner when nobody does. */
  takesCases: boolean;
}

/** A reply that reached the business's reply address but matches none of its messages. */
export interface UnmatchedReplyResponse {
  id: string;
  from: string;
  subject: string;
  body: string;
  receivedAt: string;
}

/**
 * How a business handles answers: how often it asks and reminds, review invitations, and when a score
 * opens a case.
 */
export interface FeedbackSettings {
  /** Where the business asks for public reviews: Google, Trustpilot, Facebook, any https page. */
  reviewPlatforms: ReviewPlatform[];
  /** Offer the review page to every buyer after they answer (never only to happy ones). */
  reviewInvitations: boolean;
  /**
   * Up to three reminders of an unanswered opinion request, each as days after the request, in order
   * (e.g. `[4, 9]`); empty sends none. Each is skipped once the buyer answered.
   */
  reminders: number[];
  /** How often one buyer may hear from the business, across all its rules. */
  journeyCap: JourneyCap;
  caseThresholds: CaseThresholds;
  caseSettings: CaseSettings;
  /**
   * Ask a buyer who answered as a promoter (NPS 9-10, or 5 of 5), once, to recommend the business with a
   * personal link; and thank them when someone they recommended becomes a customer.
   */
  referralRequests: boolean;
}

/** How fast a team (or one member) answered and closed cases opened in a period. */
export interface ResponseTimeFigures {
  opened: number;
  replied: number;
  resolved: number;
  /** Median minutes from the case opening to the first reply to the buyer; null when none was replied to. */
  medianFirstReplyMinutes: number | null;
  /** Median minutes from opening to resolution; null when none was resolved. */
  medianResolveMinutes: number | null;
  overdue: number;
}

export interface ResponseTimesResponse {
  from: string;
  to: string;
  business: ResponseTimeFigures;
  members: (ResponseTimeFigures & { id: string; name: string })[];
}

/** Clicks from the thank-you page to each review platform since a day; counts only. */
export interface ReviewClicksResponse {
  since: string;
  platforms: { platform: ReviewPlatformName; clicks: number }[];
}
