import type { InteractionEvent } from '@rapport/domain';
import { interactionEventWords, isOverdue } from './interaction-words';

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

  it('calls only an open enquiry past its due time overdue', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(isOverdue({ status: 'open', dueAt: '2026-12-02T11:59:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: '2026-12-02T12:01:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'answered', dueAt: '2026-12-01T00:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'sent', dueAt: null }, now)).toBe(false);
  });
});
