import { INTERACTION_TYPE_WORDS, type InteractionEvent, type InteractionType } from '@rapport/domain';

/** A step of an interaction in words: "Quote sent", "Appointment completed", "Enquiry received". */
export function interactionEventWords(event: InteractionEvent): string {
  const [type, ...rest] = event.split('_') as [InteractionType, ...string[]];
  const step = rest.join('_');
  const words = step === 'no_show' ? 'missed (no-show)' : step;
  return `${INTERACTION_TYPE_WORDS[type]} ${words}`;
}
