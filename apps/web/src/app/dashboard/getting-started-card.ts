import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GettingStartedResponse, GettingStartedStep } from '@rapport/domain';

interface StepText {
  title: string;
  hint: string;
  link: string;
  linkLabel: string;
}

/** Each step in words, with the page where it is done. */
const STEPS: Record<GettingStartedStep, StepText> = {
  'business-details': {
    title: 'Add your address and a way to reach you',
    hint: 'Every follow-up shows your postal address and a phone or email in its footer.',
    link: '/settings/business',
    linkLabel: 'Business settings',
  },
  sender: {
    title: 'Choose the address your emails come from',
    hint: 'With SendGrid it must be a verified sender or on an authenticated domain.',
    link: '/settings/business',
    linkLabel: 'Sender settings',
  },
  'first-buyers': {
    title: 'Bring in your first buyers',
    hint: 'Import a CSV of customers or orders, or add an order by hand.',
    link: '/customers/import',
    linkLabel: 'Import buyers',
  },
  'shop-or-api-key': {
    title: 'Connect your shop or create an API key',
    hint: 'Done once a shop delivery has arrived, or once a key exists for your own systems.',
    link: '/settings/integrations',
    linkLabel: 'Shops',
  },
  'rules-reviewed': {
    title: 'Review your follow-up rules',
    hint: 'Done when you save, turn on or off, add or delete a rule, so the waits are ones you chose.',
    link: '/automations',
    linkLabel: 'Automations',
  },
  'test-email': {
    title: 'Send yourself a test email',
    hint: 'Open a template and use “Send a test to me” to see it in your own inbox.',
    link: '/templates',
    linkLabel: 'Templates',
  },
};

/** The steps a new business still has ahead, as the API computed them; gone once all are done. */
@Component({
  selector: 'rp-getting-started-card',
  imports: [RouterLink],
  template: `
    <section class="detail-card getting-started" aria-labelledby="getting-started-title">
      <div class="getting-started__head">
        <h2 id="getting-started-title">Getting started</h2>
        <span class="getting-started__count">{{ doneCount() }} of {{ items().length }} done</span>
      </div>
      <ol>
        @for (item of items(); track item.step) {
          <li [class.done]="item.isDone">
            <span class="mark" aria-hidden="true">{{ item.isDone ? '✓' : '' }}</span>
            <div>
              <strong>{{ item.title }}</strong>
              @if (item.isDone) {
                <span class="visually-hidden">(done)</span>
              } @else {
                <p>{{ item.hint }}</p>
                <a [routerLink]="item.link">{{ item.linkLabel }}</a>
              }
            </div>
          </li>
        }
      </ol>
      <button type="button" class="dismiss" (click)="dismissed.emit()">Hide this list</button>
    </section>
  `,
  styleUrl: './getting-started-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GettingStartedCardComponent {
  readonly checklist = input.required<GettingStartedResponse>();
  readonly dismissed = output<void>();

  readonly items = computed(() => this.checklist().items.map((item) => ({ ...item, ...STEPS[item.step] })));
  readonly doneCount = computed(() => this.checklist().items.filter((item) => item.isDone).length);
}
