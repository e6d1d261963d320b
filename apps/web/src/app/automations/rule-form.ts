import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  type AutomationConditions,
  type AutomationResponse,
  type AutomationTrigger,
  BUYER_LOCALE_NAMES,
  BUYER_LOCALES,
  type BuyerLocale,
  DELAY_UNITS,
  type DelayUnit,
  INTERACTION_TRIGGERS,
  type InteractionTrigger,
  isOrderTrigger,
  ORDER_TRIGGERS,
  type SurveyResponse,
  TRIGGER_WORDS,
} from '@rapport/domain';
import { type Choice, choicesOf, SelectFieldComponent, TextFieldComponent } from '@rapport/ui';
import { Submission } from '../http/submission';
import { SurveysApi } from '../surveys/surveys-api';
import { AutomationsApi } from './automations-api';

/** The API's field names as the form labels them, for its error messages. */
const FIELD_LABELS: Record<string, string> = {
  name: 'The name',
  kind: 'What it sends',
  trigger: 'What it follows',
  delay: 'The wait',
  'delay.amount': 'The wait',
  'delay.unit': 'The unit',
  fallbackAfterPlacedDays: 'The days after the order',
  'conditions.productNames': 'The products',
  'conditions.minTotal': '"Total from"',
  'conditions.maxTotal': '"Total to"',
  'conditions.tags': 'The tags',
  'conditions.locales': 'The languages',
  surveyId: 'The survey',
  stopsWhenCustomer: '"Stop once the person becomes a customer"',
};

/** What a new rule may send, in the words of the "Sends" field. */
const KIND_WORDS: Readonly<Record<AutomationResponse['kind'], string>> = {
  'thank-you': 'A thank-you',
  'opinion-request': 'An opinion request',
  'enquiry-thanks': 'Thanks for an enquiry',
  'quote-follow-up': 'A follow-up on a quote',
  'visit-thanks': 'Thanks for a visit',
  'missed-you': 'A "we missed you"',
};

/** The triggers under their headings, the order's first. */
const TRIGGER_GROUPS: readonly { label: string; choices: Choice<AutomationTrigger>[] }[] = [
  { label: 'Orders', choices: choicesOf(ORDER_TRIGGERS, TRIGGER_WORDS) },
  ...(
    [
      ['Enquiries', 'enquiry_'],
      ['Quotes', 'quote_'],
      ['Appointments', 'appointment_'],
    ] as const
  ).map(([label, prefix]) => ({
    label,
    choices: choicesOf(
      INTERACTION_TRIGGERS.filter((trigger) => trigger.startsWith(prefix)),
      TRIGGER_WORDS,
    ),
  })),
];

/** A prospect's moments: a rule after one may stop once the person becomes a customer. */
const PROSPECT_TRIGGERS: readonly InteractionTrigger[] = ['enquiry_received', 'quote_sent'];

/**
 * A rule, new or under an existing one: its name, what it sends after what and how long, the fallback for a
 * rule waiting on delivery, the survey of an opinion request and the orders it is for. What a rule sends and
 * what it follows are chosen when it is made; after that they are what the rule is.
 */
@Component({
  selector: 'rp-rule-form',
  imports: [
    TextFieldComponent,
    SelectFieldComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatCheckboxModule,
  ],
  templateUrl: './rule-form.html',
  styleUrl: './rule-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleFormComponent implements OnInit {
  private readonly api = inject(AutomationsApi);
  /** The rule to change; none for a new one. */
  readonly rule = input<AutomationResponse | null>(null);
  readonly saved = output<AutomationResponse>();
  readonly closed = output();
  readonly units = choicesOf(DELAY_UNITS);
  readonly triggerGroups = TRIGGER_GROUPS;
  readonly kinds = choicesOf(Object.keys(KIND_WORDS) as AutomationResponse['kind'][], KIND_WORDS);
  readonly orderNumbers = choicesOf(['first', 'repeat'] as const, {
    first: 'First orders',
    repeat: 'Repeat orders',
  });
  readonly submission = new Submission();
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    kind: new FormControl<AutomationResponse['kind']>('thank-you', { nonNullable: true }),
    trigger: new FormControl<AutomationTrigger>('order_placed', { nonNullable: true }),
    amount: new FormControl(1, { nonNullable: true, validators: [Validators.required, Validators.min(0)] }),
    unit: new FormControl<DelayUnit>('days', { nonNullable: true }),
    fallbackDays: new FormControl<number | null>(null),
    orderNumber: new FormControl<'' | 'first' | 'repeat'>('', { nonNullable: true }),
    productNames: new FormControl('', { nonNullable: true }),
    minTotal: new FormControl('', { nonNullable: true }),
    maxTotal: new FormControl('', { nonNullable: true }),
    tags: new FormControl('', { nonNullable: true }),
    locales: new FormControl<BuyerLocale[]>([], { nonNullable: true }),
    surveyId: new FormControl('', { nonNullable: true }),
    stopsWhenCustomer: new FormControl(false, { nonNullable: true }),
  });
  private readonly trigger = toSignal(this.form.controls.trigger.valueChanges, {
    initialValue: this.form.controls.trigger.value,
  });
  /** Order-only conditions (first or repeat order, products) and the fallback apply to order rules only. */
  readonly isOrderRule = computed(() => isOrderTrigger(this.trigger()));
  /** A quote's rule compares the quote's amount; the others an order's total. */
  readonly totalWord = computed(() => (this.trigger() === 'quote_sent' ? 'Amount' : 'Total'));
  readonly canStopWhenCustomer = computed(() =>
    (PROSPECT_TRIGGERS as readonly AutomationTrigger[]).includes(this.trigger()),
  );
  private readonly surveysApi = inject(SurveysApi);
  readonly surveys = signal<SurveyResponse[]>([]);
  readonly surveyChoices = computed(() => this.surveys().map(({ id, name }) => ({ value: id, label: name })));
  readonly locales = BUYER_LOCALES;
  readonly localeNames = BUYER_LOCALE_NAMES;

  ngOnInit(): void {
    void this.surveysApi.list().then((surveys) => this.surveys.set(surveys));
    const rule = this.rule();
    if (!rule) return;
    this.form.setValue({
      name: rule.name,
      kind: rule.kind,
      trigger: rule.trigger,
      amount: rule.delay.amount,
      unit: rule.delay.unit,
      fallbackDays: rule.fallbackAfterPlacedDays,
      orderNumber: rule.conditions.orderNumber ?? '',
      productNames: (rule.conditions.productNames ?? []).join(', '),
      minTotal: rule.conditions.minTotal ?? '',
      maxTotal: rule.conditions.maxTotal ?? '',
      tags: (rule.conditions.tags ?? []).join(', '),
      locales: rule.conditions.locales ?? [],
      surveyId: rule.survey?.id ?? '',
      stopsWhenCustomer: rule.stopsWhenCustomer,
    });
  }

  async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.submission.error.set('Give the rule a name and a wait of 0 or more.');
      return;
    }
    const { name, kind, trigger, amount, unit, fallbackDays, surveyId, stopsWhenCustomer, ...conditions } =
      this.form.getRawValue();
    const fields = {
      name: name.trim(),
      delay: { amount: Number(amount), unit },
      conditions: conditionsOf(
        isOrderTrigger(trigger) ? conditions : { ...conditions, orderNumber: '', productNames: '' },
      ),
      ...(trigger === 'order_delivered'
        ? { fallbackAfterPlacedDays: fallbackDays ? Number(fallbackDays) : null }
        : {}),
      ...(kind === 'opinion-request' ? { surveyId: surveyId || null } : {}),
      ...(this.canStopWhenCustomer() ? { stopsWhenCustomer } : {}),
    };
    const rule = this.rule();
    await this.submission.run(
      null,
      async () =>
        this.saved.emit(
          rule ? await this.api.update(rule.id, fields) : await this.api.create({ ...fields, kind, trigger }),
        ),
      (problem) => {
        // The first field the API names, in the form's words.
        const [field, reason] = Object.entries(problem.fields)[0] ?? [];
        if (field) this.submission.error.set(`${FIELD_LABELS[field] ?? field} ${reason}`);
        return field !== undefined;
      },
    );
  }
}

/** The form's condition fields as the API takes them: blank fields left out, lists split on commas. */
function conditionsOf(fields: {
  orderNumber: '' | 'first' | 'repeat';
  productNames: string;
  minTotal: string;
  maxTotal: string;
  tags: string;
  locales: BuyerLocale[];
}): AutomationConditions {
  const list = (text: string) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const conditions: AutomationConditions = {};
  if (fields.orderNumber) conditions.orderNumber = fields.orderNumber;
  if (list(fields.productNames).length > 0) conditions.productNames = list(fields.productNames);
  if (fields.minTotal.trim()) conditions.minTotal = fields.minTotal.trim();
  if (fields.maxTotal.trim()) conditions.maxTotal = fields.maxTotal.trim();
  if (list(fields.tags).length > 0) conditions.tags = list(fields.tags);
  if (fields.locales.length > 0) conditions.locales = fields.locales;
  return conditions;
}
