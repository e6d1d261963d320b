/** The steps a new business takes before Rapport works for it, in the order the console lists them. */
export const GETTING_STARTED_STEPS = [
  'business-details',
  'sender',
  'first-buyers',
  'shop-or-api-key',
  'rules-reviewed',
  'test-email',
] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

export interface GettingStartedItem {
  step: GettingStartedStep;
  /** Computed from the business's rows at the time of asking; nothing stores a tick. */
  isDone: boolean;
}

export interface GettingStartedResponse {
  items: GettingStartedItem[];
  isComplete: boolean;
}
