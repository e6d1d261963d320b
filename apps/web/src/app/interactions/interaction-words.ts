import {
  INTERACTION_TYPE_WORDS,
  type InteractionEvent,
  type InteractionResponse,
  type InteractionType,
} from '@rapport/domain';

/** An open enquiry whose answer was due before `now`; the others are never late. */
export function isOverdue(item: Pick<InteractionResponse, 'status' | 'dueAt'>, now: Date): boolean {
  return item.status === 'open' && item.dueAt !== null && Date.parse(item.dueAt) < now.getTime();
}

/** A step of an interaction in words: "Quote sent", "Appointment completed", "Enquiry received". */
export function interactionEventWords(event: InteractionEvent): string {
  const [type, ...rest] = event.split('_') as [InteractionType, ...string[]];
  const step = rest.join('_');
  const words = step === 'no_show' ? 'missed (no-show)' : step;
  return `${INTERACTION_TYPE_WORDS[type]} ${words}`;
}
