import { type AutomationConditions, describeConditions } from './automation-conditions';
import type { InteractionEvent, InteractionStatus } from '../commerce/interactions';
import type { MessageKind } from './message-kinds';

/** What starts an automation: a step of an order, or of an enquiry, a quote or an appointment. */
export const ORDER_TRIGGERS = ['order_placed', 'order_fulfilled', 'order_delivered'] as const;
export const INTERACTION_TRIGGERS = [
  'enquiry_received',
  'quote_sent',
  'appointment_completed',
  'appointment_no_show',
] as const satisfies readonly InteractionEvent[];
export const AUTOMATION_TRIGGERS = [...ORDER_TRIGGERS, ...INTERACTION_TRIGGERS] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];
export type OrderTrigger = (typeof ORDER_TRIGGERS)[number];
export type InteractionTrigger = (typeof INTERACTION_TRIGGERS)[number];

export function isOrderTrigger(trigger: AutomationTrigger): trigger is OrderTrigger {
  return (ORDER_TRIGGERS as readonly string[]).includes(trigger);
}

/**
 * What a follow-up started by an interaction is for: as long as the interaction still has this status the
 * follow-up goes; once it moved on (the quote was accepted, the appointment cancelled) it is pointless.
 */
export const TRIGGER_WAITS_WHILE: Readonly<Record<InteractionTrigger, InteractionStatus[] | null>> = {
  enquiry_received: null,
  quote_sent: ['sent'],
  appointment_completed: null,
  appointment_no_show: null,
};

export const DELAY_UNITS = ['minutes', 'hours', 'days'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

export interface AutomationRule {
  name: string;
  trigger: AutomationTrigger;
  delay: { amount: number; unit: DelayUnit };
  /** For an opinion request waiting on delivery: send this long after placement when delivery never comes. */
  fallbackAfterPlacedDays: number | null;
  /** Reminders, notes and the recommendation loop are not started by a rule of their own. */
  kind: Exclude<MessageKind, 'manual' | 'reminder' | 'referral-request' | 'referral-thanks'>;
  /** The email sent (a template name). */
  templateName: string;
  /** Which orders and buyers the rule is for; empty for all. */
  conditions: AutomationConditions;
  isEnabled: boolean;
  /**
   * For a prospect's moments (an enquiry, a quote): stop once the person becomes a customer (their first
   * order or completed job) after the moment. Off, the follow-up goes either way.
   */
  stopsWhenCustomer: boolean;
}

/** How each trigger reads in a sentence ("3 days after an order is fulfilled"). */
export const TRIGGER_WORDS: Record<AutomationTrigger, string> = {
  order_placed: 'an order is placed',
  order_fulfilled: 'an order is fulfilled',
  order_delivered: 'an order is delivered',
  enquiry_received: 'an enquiry arrives',
  quote_sent: 'a quote is sent',
  appointment_completed: 'an appointment is completed',
  appointment_no_show: 'someone misses an appointment',
};

/** Which triggers each kind of rule may start from: a thank-you for an order is no thanks for a visit. */
export const RULE_KIND_TRIGGERS: Readonly<Record<AutomationRule['kind'], readonly AutomationTrigger[]>> = {
  'thank-you': ORDER_TRIGGERS,
  'opinion-request': [...ORDER_TRIGGERS, 'appointment_completed'],
  'enquiry-thanks': ['enquiry_received'],
  'quote-follow-up': ['quote_sent'],
  'visit-thanks': ['appointment_completed'],
  'missed-you': ['appointment_no_show'],
};

/** Conditions that only an order has (its number for the buyer, its products). */
const ORDER_ONLY_CONDITIONS = ['orderNumber', 'productNames'] as const;

/** Each problem with a rule's kind, trigger and conditions taken together, by field; empty when fine. */
export function ruleProblems(
  kind: AutomationRule['kind'],
  trigger: AutomationTrigger,
  conditions: AutomationConditions,
): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (!RULE_KIND_TRIGGERS[kind].includes(trigger))
    problems.push({
      field: 'trigger',
      reason: `must be when ${RULE_KIND_TRIGGERS[kind].map((one) => TRIGGER_WORDS[one]).join(' or ')}, for "${RULE_TEMPLATE_NAMES[kind]}"`,
    });
  if (!isOrderTrigger(trigger))
    for (const key of ORDER_ONLY_CONDITIONS)
      if (conditions[key] !== undefined)
        problems.push({ field: `conditions.${key}`, reason: 'applies to orders only' });
  return problems;
}

/** The delay in milliseconds. */
export function delayMs(delay: AutomationRule['delay']): number {
  const unit = delay.unit === 'minutes' ? 60_000 : delay.unit === 'hours' ? 3_600_000 : 86_400_000;
  return delay.amount * unit;
}

/** The rule in plain words: `1 day after an order is placed, send "Thank you"`. */
export function describeRule(rule: AutomationRule): string {
  const unit = rule.delay.amount === 1 ? rule.delay.unit.replace(/s$/, '') : rule.delay.unit;
  const when =
    rule.delay.amount === 0
      ? `When ${TRIGGER_WORDS[rule.trigger]}`
      : `${rule.delay.amount} ${unit} after ${TRIGGER_WORDS[rule.trigger]}`;
  const fallback = rule.fallbackAfterPlacedDays
    ? ` (or ${rule.fallbackAfterPlacedDays} days after it is placed when delivery is unknown)`
    : '';
  return `${when}${fallback}${describeConditions(rule.conditions)}, send "${rule.templateName}"`;
}

/** The email a rule of each kind sends: its kind's template, in the buyer's language. */
export const RULE_TEMPLATE_NAMES: Readonly<Record<AutomationRule['kind'], string>> = {
  'thank-you': 'Thank you',
  'opinion-request': 'How did we do?',
  'enquiry-thanks': 'Thank you for your enquiry',
  'quote-follow-up': 'Following up on your quote',
  'visit-thanks': 'Thanks for visiting',
  'missed-you': 'We missed you',
};

const BUILT_IN_DEFAULTS = { fallbackAfterPlacedDays: null, conditions: {}, stopsWhenCustomer: false };

/**
 * The rules every new business starts with: a shop's two, on, and one for each moment of an enquiry, a
 * quote or an appointment, off until the business turns it on.
 */
export const DEFAULT_AUTOMATIONS: readonly AutomationRule[] = [
  {
    name: 'Thank you',
    trigger: 'order_placed',
    delay: { amount: 1, unit: 'days' },
    fallbackAfterPlacedDays: null,
    kind: 'thank-you',
    templateName: 'Thank you',
    conditions: {},
    stopsWhenCustomer: false,
    isEnabled: true,
  },
  {
    name: 'How did we do?',
    trigger: 'order_delivered',
    delay: { amount: 7, unit: 'days' },
    fallbackAfterPlacedDays: 10,
    kind: 'opinion-request',
    templateName: 'How did we do?',
    conditions: {},
    stopsWhenCustomer: false,
    isEnabled: true,
  },
  {
    ...BUILT_IN_DEFAULTS,
    name: 'Thank you for your enquiry',
    trigger: 'enquiry_received',
    delay: { amount: 5, unit: 'minutes' },
    kind: 'enquiry-thanks',
    templateName: 'Thank you for your enquiry',
    stopsWhenCustomer: true,
    isEnabled: false,
  },
  {
    ...BUILT_IN_DEFAULTS,
    name: 'Following up on your quote',
    trigger: 'quote_sent',
    delay: { amount: 3, unit: 'days' },
    kind: 'quote-follow-up',
    templateName: 'Following up on your quote',
    stopsWhenCustomer: true,
    isEnabled: false,
  },
  {
    ...BUILT_IN_DEFAULTS,
    name: 'Thanks for visiting',
    trigger: 'appointment_completed',
    delay: { amount: 2, unit: 'hours' },
    kind: 'visit-thanks',
    templateName: 'Thanks for visiting',
    isEnabled: false,
  },
  {
    ...BUILT_IN_DEFAULTS,
    name: 'How was your visit?',
    trigger: 'appointment_completed',
    delay: { amount: 3, unit: 'days' },
    kind: 'opinion-request',
    templateName: 'How did we do?',
    isEnabled: false,
  },
  {
    ...BUILT_IN_DEFAULTS,
    name: 'We missed you',
    trigger: 'appointment_no_show',
    delay: { amount: 1, unit: 'hours' },
    kind: 'missed-you',
    templateName: 'We missed you',
    isEnabled: false,
  },
];

/** What decides whether a follow-up of an enquiry, a quote or an appointment still makes sense. */
export interface InteractionFollowUp {
  trigger: AutomationTrigger | null;
  interactionStatus: InteractionStatus | null;
  /** When the enquiry arrived, the quote was sent, the appointment was booked. */
  interactionAt: Date | null;
  stopsWhenCustomer: boolean;
  becameCustomerAt: Date | null;
}

/**
 * Why a follow-up of an interaction is pointless now, in words for the console, or null when it still
 * goes: the quote was answered meanwhile, or the prospect became a customer after the moment it follows.
 */
export function interactionStopReason(followUp: InteractionFollowUp): string | null {
  const { trigger, interactionStatus: status } = followUp;
  if (!trigger || isOrderTrigger(trigger) || !status) return null;
  const waitsWhile = TRIGGER_WAITS_WHILE[trigger];
  if (waitsWhile && !waitsWhile.includes(status)) return `it is ${status.replace('_', ' ')} now`;
  if (
    followUp.stopsWhenCustomer &&
    followUp.becameCustomerAt &&
    followUp.interactionAt &&
    followUp.becameCustomerAt.getTime() > followUp.interactionAt.getTime()
  )
    return 'they became a customer';
  return null;
}
