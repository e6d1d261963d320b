import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  BUYER_LOCALE_NAMES,
  type CaseAssigneeResponse,
  type CaseDetailResponse,
  type CaseEntryKind,
  type CaseStatus,
} from '@rapport/domain';
import { PageHeaderComponent, ScoreChipComponent } from '@rapport/ui';
import { apiProblemOf } from '../http/api-error';
import { CasesApi } from './cases-api';

const ENTRY_WORDS: Record<CaseEntryKind, string> = {
  note: 'Note',
  reply: 'Reply to the buyer',
  'buyer-reply': 'The buyer wrote',
  status: 'Change',
};

/** A week: long enough for what put things right to have been felt. */
const ASK_AGAIN_DAYS = 7;

/** One unhappy buyer: what they said, their order, and the team's notes and replies until it is resolved. */
@Component({
  selector: 'rp-case-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatCheckboxModule,
    MatIconModule,
    PageHeaderComponent,
    ScoreChipComponent,
  ],
  templateUrl: './case-detail-page.html',
  styleUrls: ['../lists.scss', './case-detail-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseDetailPage implements OnInit {
  readonly localeNames = BUYER_LOCALE_NAMES;
  private readonly api = inject(CasesApi);
  readonly entryWords = ENTRY_WORDS;
  /** From the route (withComponentInputBinding). */
  readonly caseId = input.required<string>();
  readonly found = signal<CaseDetailResponse | null>(null);
  readonly assignees = signal<CaseAssigneeResponse[]>([]);
  readonly error = signal<string | null>(null);
  readonly isBusy = signal(false);
  readonly reply = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  readonly note = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  readonly resolution = new FormControl('', { nonNullable: true });
  /** When resolving: ask the buyer again in a week whether they would now recommend the business. */
  readonly askAgain = new FormControl(false, { nonNullable: true });

  async ngOnInit(): Promise<void> {
    try {
      const [found, assignees] = await Promise.all([this.api.get(this.caseId()), this.api.assignees()]);
      this.found.set(found);
      this.assignees.set(assignees);
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    }
  }

  async sendReply(): Promise<void> {
    if (this.reply.value.trim() === '') return this.reply.markAsTouched();
    const sent = await this.act(() => this.api.reply(this.caseId(), this.reply.value), this.reply);
    if (sent) this.reply.reset();
  }

  async addNote(): Promise<void> {
    if (this.note.value.trim() === '') return this.note.markAsTouched();
    const added = await this.act(() => this.api.addNote(this.caseId(), this.note.value), this.note);
    if (added) this.note.reset();
  }

  async setStatus(status: CaseStatus): Promise<void> {
    if (status === 'resolved' && this.resolution.value.trim() === '') {
      this.resolution.setErrors({ server: 'Say how the case was resolved' });
      this.resolution.markAsTouched();
      return;
    }
    const changed = await this.act(
      () =>
        this.api.update(this.caseId(), {
          status,
          resolution: this.resolution.value || undefined,
          ...(status === 'resolved' && this.askAgain.value ? { askAgainInDays: ASK_AGAIN_DAYS } : {}),
        }),
      this.resolution,
    );
    if (changed) {
      this.resolution.reset();
      this.askAgain.reset();
    }
  }

  async assign(assigneeId: string): Promise<void> {
    await this.act(() => this.api.update(this.caseId(), { assigneeId: assigneeId || null }), null);
  }

  private async act(
    work: () => Promise<CaseDetailResponse>,
    control: FormControl<string> | null,
  ): Promise<boolean> {
    this.isBusy.set(true);
    this.error.set(null);
    try {
      this.found.set(await work());
      return true;
    } catch (error) {
      const problem = apiProblemOf(error);
      const reason = Object.values(problem.fields)[0];
      if (control && reason) {
        control.setErrors({ server: `This ${reason}` });
        control.markAsTouched();
      } else this.error.set(problem.message);
      return false;
    } finally {
      this.isBusy.set(false);
    }
  }
}
