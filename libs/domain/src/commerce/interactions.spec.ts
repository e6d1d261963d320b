import { interactionEvents, isSettled, nextStatuses } from './interactions';

describe('the steps of an interaction', () => {
  it('records the first step of a new one, and the steps it implies when first seen further on', () => {
    expect(interactionEvents('enquiry', null, 'open')).toEqual(['enquiry_received']);
    expect(interactionEvents('quote', null, 'accepted')).toEqual(['quote_sent', 'quote_accepted']);
    expect(interactionEvents('appointment', null, 'no_show')).toEqual([
      'appointment_booked',
      'appointment_no_show',
    ]);
  });

  it('moves along its own steps only, and refuses to go back', () => {
    expect(interactionEvents('enquiry', 'open', 'answered')).toEqual(['enquiry_answered']);
    expect(interactionEvents('enquiry', 'open', 'closed')).toEqual(['enquiry_closed']);
    expect(interactionEvents('enquiry', 'answered', 'closed')).toEqual(['enquiry_closed']);
    expect(interactionEvents('enquiry', 'closed', 'open')).toBeNull();
    expect(interactionEvents('quote', 'accepted', 'declined')).toBeNull();
    expect(interactionEvents('appointment', 'completed', 'booked')).toBeNull();
    expect(interactionEvents('appointment', 'booked', 'booked')).toEqual([]);
  });

  it('knows which statuses end it and what may come next', () => {
    expect(isSettled('quote', 'sent')).toBe(false);
    expect(isSettled('quote', 'expired')).toBe(true);
    expect(isSettled('appointment', 'cancelled')).toBe(true);
    expect(nextStatuses('appointment', 'booked')).toEqual(['completed', 'no_show', 'cancelled']);
    expect(nextStatuses('enquiry', 'closed')).toEqual([]);
  });
});
