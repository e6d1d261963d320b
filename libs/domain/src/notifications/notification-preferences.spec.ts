import { ROLES } from '../accounts/roles';
import { defaultDelivery, deliveryFor, NOTIFICATION_KINDS, nextSummaryAt } from './notification-preferences';

describe('notification defaults', () => {
  it('tells the owner at once of what cannot wait and keeps the rest for the summary', () => {
    expect(defaultDelivery('owner', 'case.opened', false)).toBe('instant');
    expect(defaultDelivery('owner', 'case.overdue', false)).toBe('instant');
    expect(defaultDelivery('owner', 'delivery.at_risk', false)).toBe('instant');
    expect(defaultDelivery('owner', 'case.due_soon', false)).toBe('summary');
  });

  it('leaves staff who take no cases alone, and tells those who do of new enquiries', () => {
    for (const kind of NOTIFICATION_KINDS) expect(defaultDelivery('staff', kind, false)).toBe('none');
    expect(defaultDelivery('staff', 'enquiry.received', true)).toBe('instant');
    expect(defaultDelivery('staff', 'reply.received', true)).toBe('summary');
  });

  it('sends nobody "report ready" until asked: the report itself comes by email', () => {
    for (const role of ROLES) expect(defaultDelivery(role, 'report.ready', true)).toBe('none');
  });
});

describe('deliveryFor', () => {
  const staff = { role: 'staff' as const, takesCases: false, choices: {} };

  it("follows the member's choice over the role's default", () => {
    expect(
      deliveryFor({
        ...staff,
        choices: { 'case.opened': 'summary' },
        kind: 'case.opened',
        isAssignee: false,
      }),
    ).toBe('summary');
    expect(
      deliveryFor({
        role: 'owner',
        takesCases: false,
        choices: { 'case.opened': 'none' },
        kind: 'case.opened',
        isAssignee: false,
      }),
    ).toBe('none');
  });

  it('always tells the assignee of their case, in the summary if that is their choice', () => {
    expect(deliveryFor({ ...staff, kind: 'case.overdue', isAssignee: true })).toBe('instant');
    expect(
      deliveryFor({ ...staff, choices: { 'case.opened': 'none' }, kind: 'case.opened', isAssignee: true }),
    ).toBe('instant');
    expect(
      deliveryFor({
        ...staff,
        choices: { 'case.due_soon': 'summary' },
        kind: 'case.due_soon',
        isAssignee: true,
      }),
    ).toBe('summary');
  });

  it('makes nobody an assignee of what is not a case', () => {
    expect(deliveryFor({ ...staff, kind: 'delivery.at_risk', isAssignee: true })).toBe('none');
  });
});

describe('nextSummaryAt', () => {
  it('is later today when the hour has not struck yet, else tomorrow, on the clock of the zone', () => {
    const morning = new Date('2026-12-07T06:30:00Z'); // 07:30 in Paris
    expect(nextSummaryAt(morning, 8, 'Europe/Paris').toISOString()).toBe('2026-12-07T07:00:00.000Z');
    const after = new Date('2026-12-07T07:00:00Z'); // 08:00 in Paris: this one has gone
    expect(nextSummaryAt(after, 8, 'Europe/Paris').toISOString()).toBe('2026-12-08T07:00:00.000Z');
  });

  it('keeps the local hour across a change of daylight saving time', () => {
    const beforeChange = new Date('2027-03-27T10:00:00Z'); // Saturday; clocks go forward on Sunday
    expect(nextSummaryAt(beforeChange, 8, 'Europe/Berlin').toISOString()).toBe('2027-03-28T06:00:00.000Z');
  });
});
