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
  return { form: fixture.componentInstance, element: fixture.nativeElement as HTMLElement, calls, saved };
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
});
