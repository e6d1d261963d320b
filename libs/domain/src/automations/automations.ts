import { type AutomationConditions, describeConditions } from './automation-conditions';
import type { MessageKind } from './message-kinds';

/** What starts an automation. */
export const AUTOMATION_TRIGGERS = ['order_placed', 'order_fulfilled', 'order_delivered'] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export const DELAY_UNITS = ['minutes', 'hours', 'days'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

export interface AutomationRule {
  name: string;
  trigger: AutomationTrigger;
  delay: { amount: number; unit: DelayUnit };
  /** For an opinion request waiting on delivery: send this long after placement when delivery never comes. */
  fallbackAfterPlacedDays: number | null;
  kind: Exclude<MessageKind, 'manual' | 'reminder'>;
  /** The email sent (a template name). */
  templateName: string;
  /** Which orders and buyers the rule is for; empty for all. */
  conditions: AutomationConditions;
  isEnabled: boolean;
}

/** How each trigger reads in a sentence ("3 days after an order is fulfilled"). */
export const TRIGGER_WORDS: Record<AutomationTrigger, string> = {
  order_placed: 'an order is placed',
  order_fulfilled: 'an order is fulfilled',
  order_delivered: 'an order is delivered',
};

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
};

/** The two rules every new business starts with. */
export const DEFAULT_AUTOMATIONS: readonly AutomationRule[] = [
  {
    name: 'Thank you',
    trigger: 'order_placed',
    delay: { amount: 1, unit: 'days' },
    fallbackAfterPlacedDays: null,
    kind: 'thank-you',
    templateName: 'Thank you',
    conditions: {},
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
    isEnabled: true,
  },
];
