import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  INTERACTION_STATUS_WORDS,
  type InteractionResponse,
  type InteractionStatus,
  nextStatuses,
} from '@rapport/domain';
import { PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { apiProblemOf } from '../http/api-error';
import { Submission } from '../http/submission';
import { InteractionsApi } from './interactions-api';

/** The button that moves an enquiry on, in words. */
const MOVE_WORDS: Partial<Record<InteractionStatus, string>> = {
  answered: 'Mark answered',
  closed: 'Close',
};

/** One enquiry: who asked, what they asked, the answers sent, and a box to answer by email. */
@Component({
  selector: 'rp-enquiry-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
  ],
  templateUrl: './enquiry-detail-page.html',
  styleUrls: ['../lists.scss', './enquiry-detail-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnquiryDetailPage implements OnInit {
  private readonly api = inject(InteractionsApi);
  readonly canAnswer = inject(SessionStore).can('interactions:write');
  readonly statusWords = INTERACTION_STATUS_WORDS;
  readonly moveWords = MOVE_WORDS;
  /** From the route (withComponentInputBinding). */
  readonly enquiryId = input.required<string>();
  readonly enquiry = signal<InteractionResponse | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly answering = new Submission();
  readonly moving = new Submission();
  readonly answer = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  readonly moves = computed(() => {
    const enquiry = this.enquiry();
    return enquiry ? nextStatuses(enquiry.type, enquiry.status) : [];
  });
  readonly isOverdue = computed(() => {
    const enquiry = this.enquiry();
    return enquiry?.isOverdue ?? false;
  });

  async ngOnInit(): Promise<void> {
    try {
      const found = await this.api.get(this.enquiryId());
      // A quote's or an appointment's id typed into this address is not an enquiry to answer.
      if (found.type !== 'enquiry') this.loadError.set('This enquiry does not exist.');
      else this.enquiry.set(found);
    } catch (error) {
      const problem = apiProblemOf(error);
      this.loadError.set(problem.status === 404 ? 'This enquiry does not exist.' : problem.message);
    }
  }

  async sendAnswer(): Promise<void> {
    if (this.answer.value.trim() === '') this.answer.setValue('');
    await this.answering.run(
      this.answer,
      async () => {
        this.enquiry.set(await this.api.answer(this.enquiryId(), this.answer.value.trim()));
        this.answer.reset();
      },
      (problem) => {
        const reason = problem.fields['text'];
        if (reason) {
          this.answer.setErrors({ server: `The answer ${reason}` });
          this.answer.markAsTouched();
        }
        return reason !== undefined;
      },
    );
  }

  async move(status: InteractionStatus): Promise<void> {
    await this.moving.run(null, async () =>
      this.enquiry.set(await this.api.changeStatus(this.enquiryId(), status)),
    );
  }
}
