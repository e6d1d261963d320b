import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import {
  type AutomationResponse,
  journeyWords,
  sendWindowWords,
  type UpcomingMessageResponse,
} from '@rapport/domain';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { RuleFormComponent } from './rule-form';
import { AutomationsApi } from './automations-api';
import { Confirmation } from '../dialogs/confirm-dialog';

@Component({
  selector: 'rp-automations-page',
  imports: [
    DatePipe,
    RouterLink,
    RuleFormComponent,
    MatSlideToggleModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    EmptyStateComponent,
  ],
  template: `
    <rp-page-header title="Automations" subtitle="When each thank-you and opinion request goes out.">
      <a mat-button routerLink="/automations/messages"><mat-icon>outbox</mat-icon> Messages</a>
      <a mat-button routerLink="/automations/mailbox"><mat-icon>inbox</mat-icon> Mailbox</a>
      @if (canEdit) {
        <button mat-stroked-button type="button" (click)="isCreating.set(!isCreating())">
          <mat-icon>add</mat-icon> New rule
        </button>
      }
    </rp-page-header>
    @if (isCreating()) {
      <rp-rule-form (saved)="added($event)" (closed)="isCreating.set(false)" />
    }
    @if (error(); as message) {
      <p class="automations__error" role="alert">{{ message }}</p>
    }
    @for (rule of rules(); track rule.id) {
      <article class="automation" [class.automation--off]="!rule.isEnabled">
        <div>
          <h2 class="automation__name">{{ rule.name }}</h2>
          <p class="automation__description">{{ rule.description }}</p>
          @if (rule.survey; as survey) {
            <p class="automation__survey">
              With the survey <a [routerLink]="['/surveys', survey.id]">{{ survey.name }}</a>: its first
              question in the email, one click per score.
            </p>
          }
        </div>
        <div class="automation__buttons">
          <button
            mat-button
            type="button"
            (click)="toggleUpcoming(rule)"
            [attr.aria-expanded]="upcomingFor() === rule.id"
          >
            Next 7 days
          </button>
          @if (canEdit) {
            <button mat-button type="button" (click)="editing.set(editing() === rule.id ? null : rule.id)">
              Edit
            </button>
            <button mat-button type="button" (click)="remove(rule)" [attr.aria-label]="'Delete ' + rule.name">
              Delete
            </button>
          }
        </div>
        <mat-slide-toggle
          [checked]="rule.isEnabled"
          [disabled]="!canEdit"
          (change)="toggle(rule, $event.checked)"
          [aria-label]="(rule.isEnabled ? 'Turn off ' : 'Turn on ') + rule.name"
        >
          {{ rule.isEnabled ? 'On' : 'Off' }}
        </mat-slide-toggle>
        @if (editing() === rule.id) {
          <rp-rule-form
            class="automation__wide"
            [rule]="rule"
            (saved)="replace($event)"
            (closed)="editing.set(null)"
          />
        }
        @if (upcomingFor() === rule.id) {
          <div class="automation__wide" [attr.aria-label]="'Next 7 days of ' + rule.name" role="region">
            @for (message of upcoming(); track message.messageId) {
              <p class="automation__upcoming">
                {{ message.dueAt | date: 'EEE d MMM, HH:mm' }} ·
                <a [routerLink]="['/customers', message.customer.id]">{{
                  message.customer.name || message.customer.email
                }}</a>
                @if (message.orderNumber) {
                  · {{ message.orderNumber }}
                }
              </p>
            } @empty {
              <p class="automation__upcoming">Nobody in the next 7 days.</p>
            }
          </div>
        }
      </article>
    } @empty {
      <rp-empty-state
        icon="bolt"
        title="No automations"
        message="A new business starts with a thank-you and an opinion request."
      />
    }
    @if (journey(); as lines) {
      <div class="automations__note" aria-label="How often buyers hear from you" role="note">
        @for (line of lines; track line) {
          <p>{{ line }}</p>
        }
        <p>
          <a routerLink="/settings/feedback">Change the reminders and gaps</a> ·
          <a routerLink="/settings/business">Change the send window</a>
        </p>
      </div>
    }
  `,
  styles: `
    .automation {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 16px;
      padding: 16px;
      margin-bottom: 12px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
    }
    /* At least this wide, so on a phone the buttons go under the description instead of squeezing it. */
    .automation > div:first-child {
      flex: 1 1 260px;
    }
    .automation__buttons {
      display: flex;
      gap: 4px;
    }
    .automation__wide {
      flex-basis: 100%;
    }
    .automation__upcoming {
      margin: 4px 0;
    }
    /* A rule that is off reads as set aside by its dashed edge and tinted card, never by fading its text
       (faded text fails the contrast a reader needs). */
    .automation--off {
      background: var(--mat-sys-surface);
      outline: 1px dashed var(--mat-sys-outline);
      outline-offset: -1px;
    }
    .automation__name {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .automation__description {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .automations__note {
      color: var(--mat-sys-on-surface-variant);
      max-width: 70ch;
    }
    .automations__error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AutomationsPage implements OnInit {
  private readonly api = inject(AutomationsApi);
  readonly canEdit = inject(SessionStore).can('automations:write');
  readonly rules = signal<AutomationResponse[]>([]);
  readonly error = signal<string | null>(null);
  readonly editing = signal<string | null>(null);
  readonly isCreating = signal(false);
  private readonly confirmation = inject(Confirmation);
  readonly upcomingFor = signal<string | null>(null);
  readonly upcoming = signal<UpcomingMessageResponse[]>([]);

  /** The journey in plain words: reminders, the gaps between emails, and the send window. */
  readonly journey = signal<string[] | null>(null);

  async ngOnInit(): Promise<void> {
    const [rules, settings, business] = await Promise.all([
      this.api.list(),
      this.api.feedbackSettings(),
      this.api.business(),
    ]);
    this.rules.set(rules);
    this.journey.set([
      ...journeyWords(settings.journeyCap, settings.reminders),
      `Emails go out ${sendWindowWords(business.sendWindow)}, in the buyer's time zone when it is known, else the business's (${business.timeZone}).`,
    ]);
  }

  replace(updated: AutomationResponse): void {
    this.rules.set(this.rules().map((item) => (item.id === updated.id ? updated : item)));
    this.editing.set(null);
  }

  added(rule: AutomationResponse): void {
    this.rules.set([...this.rules(), rule]);
    this.isCreating.set(false);
  }

  async remove(rule: AutomationResponse): Promise<void> {
    const isSure = await this.confirmation.ask({
      title: `Delete "${rule.name}"?`,
      message: 'What it planned and did not send yet is cancelled. Emails already sent stay in the history.',
      confirmLabel: 'Delete rule',
      isDestructive: true,
    });
    if (!isSure) return;
    this.error.set(null);
    try {
      await this.api.remove(rule.id);
      this.rules.set(this.rules().filter((item) => item.id !== rule.id));
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  async toggleUpcoming(rule: AutomationResponse): Promise<void> {
    if (this.upcomingFor() === rule.id) return this.upcomingFor.set(null);
    this.upcoming.set(await this.api.upcoming(rule.id));
    this.upcomingFor.set(rule.id);
  }

  async toggle(rule: AutomationResponse, isEnabled: boolean): Promise<void> {
    this.error.set(null);
    try {
      this.replace(await this.api.setEnabled(rule.id, isEnabled));
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
      this.rules.set(await this.api.list());
    }
  }
}
