import { TestBed } from '@angular/core/testing';
import type { AutomationResponse, CreateAutomationRequest, UpdateAutomationRequest } from '@rapport/domain';
import { SurveysApi } from '../surveys/surveys-api';
import { AutomationsApi } from './automations-api';
import { RuleFormComponent } from './rule-form';

const RULE = {
  id: 'r1',
  name: 'Thank you',
  kind: 'thank-you',
  trigger: 'order_placed',
  delay: { amount: 1, unit: 'days' },
  fallbackAfterPlacedDays: null,
  conditions: { orderNumber: 'repeat' },
  survey: null,
  isEnabled: true,
  stopsWhenCustomer: false,
} as unknown as AutomationResponse;

const QUOTE_RULE = {
  ...RULE,
  id: 'r2',
  name: 'Following up on your quote',
  kind: 'quote-follow-up',
  trigger: 'quote_sent',
  conditions: { minTotal: '500' },
  stopsWhenCustomer: true,
} as unknown as AutomationResponse;

function open(rule: AutomationResponse | null) {
  const calls: { create: CreateAutomationRequest[]; update: [string, UpdateAutomationRequest][] } = {
    create: [],
    update: [],
  };
  TestBed.configureTestingModule({
    providers: [
      {
        provide: AutomationsApi,
        useValue: {
          create: async (body: CreateAutomationRequest) => (calls.create.push(body), RULE),
          update: async (id: string, body: UpdateAutomationRequest) => (calls.update.push([id, body]), RULE),
        },
      },
      { provide: SurveysApi, useValue: { list: async () => [] } },
    ],
  });
  const fixture = TestBed.createComponent(RuleFormComponent);
  fixture.componentRef.setInput('rule', rule);
  fixture.detectChanges();
  const saved: AutomationResponse[] = [];
  fixture.componentInstance.saved.subscribe((value) => saved.push(value));
  const element = fixture.nativeElement as HTMLElement;
  const labels = () => {
    fixture.detectChanges();
    return [...element.querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
  };
  return { fixture, form: fixture.componentInstance, element, calls, saved, labels };
}

describe('RuleFormComponent', () => {
  it('makes a new rule with what it sends, what it follows and the orders it is for', async () => {
    const { form, element, calls, saved } = open(null);
    expect(element.querySelector('form')?.getAttribute('aria-label')).toBe('New rule');
    expect(element.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Create rule');
    form.form.patchValue({
      name: ' After delivery ',
      kind: 'opinion-request',
      trigger: 'order_delivered',
      amount: 3,
      fallbackDays: 21,
      tags: 'vip, local',
    });
    await form.save();
    expect(calls.create).toEqual([
      {
        name: 'After delivery',
        kind: 'opinion-request',
        trigger: 'order_delivered',
        delay: { amount: 3, unit: 'days' },
        fallbackAfterPlacedDays: 21,
        conditions: { tags: ['vip', 'local'] },
        surveyId: null,
      },
    ]);
    expect(saved).toEqual([RULE]);
  });

  it("changes a rule's fields but never what it sends or follows", async () => {
    const { form, element, calls } = open(RULE);
    expect(element.querySelector('form')?.getAttribute('aria-label')).toBe('Edit Thank you');
    expect(element.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Save');
    form.form.patchValue({ amount: 2, unit: 'hours' });
    await form.save();
    expect(calls.update).toEqual([
      [
        'r1',
        {
          name: 'Thank you',
          delay: { amount: 2, unit: 'hours' },
          conditions: { orderNumber: 'repeat' },
        },
      ],
    ]);
  });

  it('says what is missing instead of sending a rule without a name', async () => {
    const { form, calls } = open(null);
    await form.save();
    expect(form.submission.error()).toBe('Give the rule a name and a wait of 0 or more.');
    expect(calls.create).toEqual([]);
  });

  it('offers the triggers under the headings of what they follow, and every kind a new rule may send', async () => {
    const { fixture, element } = open(null);
    const [sends, , after] = [...element.querySelectorAll('mat-select')] as HTMLElement[];
    sends?.click();
    fixture.detectChanges();
    const options = () =>
      [...document.querySelectorAll('.cdk-overlay-container mat-option')].map((item) =>
        item.textContent?.trim(),
      );
    expect(options()).toEqual([
      'A thank-you',
      'An opinion request',
      'Thanks for an enquiry',
      'A follow-up on a quote',
      'Thanks for a visit',
      'A "we missed you"',
    ]);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    (document.querySelector('.cdk-overlay-backdrop') as HTMLElement | null)?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    after?.click();
    fixture.detectChanges();
    const groups = [...document.querySelectorAll('.cdk-overlay-container mat-optgroup')].map((group) => [
      group.querySelector('.mat-mdc-optgroup-label')?.textContent?.trim(),
      [...group.querySelectorAll('mat-option')].map((item) => item.textContent?.trim()),
    ]);
    expect(groups).toEqual([
      ['Orders', ['an order is placed', 'an order is fulfilled', 'an order is delivered']],
      ['Enquiries', ['an enquiry arrives']],
      ['Quotes', ['a quote is sent']],
      ['Appointments', ['an appointment is completed', 'someone misses an appointment']],
    ]);
  });

  it('hides the order-only conditions after an enquiry, a quote or an appointment', () => {
    const { form, labels } = open(null);
    expect(labels()).toEqual(
      expect.arrayContaining(['Orders', 'Containing any of these products', 'Total from', 'Buyers tagged']),
    );
    form.form.controls.trigger.setValue('appointment_completed');
    expect(labels()).not.toContain('Orders');
    expect(labels()).not.toContain('Containing any of these products');
    expect(labels()).toEqual(
      expect.arrayContaining(['Total from', 'Total to', 'People tagged', 'Languages']),
    );
    form.form.controls.trigger.setValue('quote_sent');
    expect(labels()).toEqual(expect.arrayContaining(['Amount from', 'Amount to']));
  });

  it('asks for the fallback after placement only for a rule waiting on delivery', () => {
    const { form, labels } = open(null);
    expect(labels()).not.toContain('Else, days after the order');
    form.form.controls.trigger.setValue('order_delivered');
    expect(labels()).toContain('Else, days after the order');
    form.form.controls.trigger.setValue('enquiry_received');
    expect(labels()).not.toContain('Else, days after the order');
  });

  it('offers to stop once the person becomes a customer after an enquiry or a quote only', () => {
    const { fixture, form, element } = open(null);
    const checkbox = () => {
      fixture.detectChanges();
      return element.querySelector('mat-checkbox')?.textContent?.trim() ?? null;
    };
    expect(checkbox()).toBeNull();
    form.form.controls.trigger.setValue('enquiry_received');
    expect(checkbox()).toBe('Stop once the person becomes a customer');
    form.form.controls.trigger.setValue('quote_sent');
    expect(checkbox()).toBe('Stop once the person becomes a customer');
    form.form.controls.trigger.setValue('appointment_no_show');
    expect(checkbox()).toBeNull();
  });

  it('makes a rule after a quote that stops for customers, leaving out the order-only conditions', async () => {
    const { form, calls } = open(null);
    form.form.patchValue({
      name: 'Quote chaser',
      kind: 'quote-follow-up',
      trigger: 'quote_sent',
      amount: 3,
      orderNumber: 'first',
      productNames: 'Rye',
      minTotal: '500',
      stopsWhenCustomer: true,
    });
    await form.save();
    expect(calls.create).toEqual([
      {
        name: 'Quote chaser',
        kind: 'quote-follow-up',
        trigger: 'quote_sent',
        delay: { amount: 3, unit: 'days' },
        conditions: { minTotal: '500' },
        stopsWhenCustomer: true,
      },
    ]);
  });

  it("changes whether a quote's rule stops for customers", async () => {
    const { form, calls, element } = open(QUOTE_RULE);
    expect(element.querySelector('mat-checkbox input')).toHaveProperty('checked', true);
    form.form.controls.stopsWhenCustomer.setValue(false);
    await form.save();
    expect(calls.update).toEqual([
      [
        'r2',
        {
          name: 'Following up on your quote',
          delay: { amount: 1, unit: 'days' },
          conditions: { minTotal: '500' },
          stopsWhenCustomer: false,
        },
      ],
    ]);
  });
});
