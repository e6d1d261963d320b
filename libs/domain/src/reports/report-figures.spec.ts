import { FUNNEL_STEPS } from '../contracts/reports';
import { changeWords, contactLines, deliverabilityWarning, formatShare, isQuietWeek } from './report-figures';

describe('report figures', () => {
  it('warns in plain words when complaints or bounces put delivery at risk', () => {
    expect(deliverabilityWarning({ complaintRate: 0.0005, bounceRate: 0.01 })).toBeNull();
    expect(deliverabilityWarning({ complaintRate: 0.0025, bounceRate: 0.08 })).toBe(
      'Delivery is at risk: 0.25% of your emails were reported as spam (keep it under 0.1%): check that buyers expect your emails and that the first one says why they get it; 8% of your emails bounced (keep it under 5%): check the addresses you import.',
    );
    expect(deliverabilityWarning({ complaintRate: null, bounceRate: null })).toBeNull();
  });

  it.each([
    [0.0015, '0.15%'],
    [0.002, '0.2%'],
    [0.123, '12%'],
    [0, '0%'],
  ])('writes the share %p as %p', (share, words) => {
    expect(formatShare(share)).toBe(words);
  });

  it('says how a step changed from the week before', () => {
    expect(changeWords(5, 2)).toBe('+3 on the week before');
    expect(changeWords(1, 4)).toBe('−3 on the week before');
    expect(changeWords(3, 3)).toBe('same as the week before');
    expect(changeWords(3, 0)).toBe('none the week before');
  });

  it('calls a week quiet only when nothing happened and no case is left open', () => {
    const empty = FUNNEL_STEPS.map((step) => ({ ...step, count: 0, previous: 4 }));
    expect(isQuietWeek(empty, 0)).toBe(true);
    expect(isQuietWeek(empty, 1)).toBe(false);
    expect(
      isQuietWeek(
        empty.map((step, index) => (index === 0 ? { ...step, count: 1 } : step)),
        0,
      ),
    ).toBe(false);
  });
});

describe('contactLines', () => {
  it('shows only the steps a business has, against the span before, with how fast enquiries were answered', () => {
    const steps = [
      { label: 'Enquiries received', count: 4, previous: 2 },
      { label: 'Quotes sent', count: 0, previous: 0 },
      { label: 'Quotes accepted', count: 0, previous: 1 },
    ];
    expect(contactLines(steps, 95)).toEqual([
      `Enquiries received: 4 (${changeWords(4, 2)})`,
      `Quotes accepted: 0 (${changeWords(0, 1)})`,
      'Enquiries were answered in 1 h 35 min (median).',
    ]);
    expect(contactLines(steps, null, 'the 30 days before')[0]).not.toContain('week');
    expect(contactLines([{ label: 'Quotes sent', count: 0, previous: 0 }], null)).toEqual([]);
  });
});
