import type { InteractionEvent } from '@rapport/domain';
import { interactionEventWords } from './interaction-words';

describe('interaction words', () => {
  it.each<[InteractionEvent, string]>([
    ['enquiry_received', 'Enquiry received'],
    ['enquiry_answered', 'Enquiry answered'],
    ['quote_sent', 'Quote sent'],
    ['quote_expired', 'Quote expired'],
    ['appointment_completed', 'Appointment completed'],
    ['appointment_no_show', 'Appointment missed (no-show)'],
  ])('says %s as "%s"', (event, words) => {
    expect(interactionEventWords(event)).toBe(words);
  });
});
