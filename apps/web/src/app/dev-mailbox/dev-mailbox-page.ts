import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatListModule } from '@angular/material/list';
import { DomSanitizer } from '@angular/platform-browser';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import type { DevMailboxMessageResponse, DevMailboxReplyResponse, ReplyOutcome } from '@rapport/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { apiProblemOf } from '../http/api-error';
import { DatePipe } from '@angular/common';

/**
 * The development mail catcher: the emails Rapport kept instead of sending, as the recipient would see
 * them. The API decides what shows: everything to this machine, a signed-in person's own and their
 * business's elsewhere (a 401 sends the person to sign in and back here).
 */
@Component({
  selector: 'rp-dev-mailbox-page',
  imports: [
    MatListModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    PageHeaderComponent,
    EmptyStateComponent,
    DatePipe,
  ],
  templateUrl: './dev-mailbox-page.html',
  styleUrl: './dev-mailbox-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevMailboxPage {
  private readonly sanitizer = inject(DomSanitizer);
  private readonly http = inject(HttpClient);
  readonly replyForm = new FormGroup({ text: new FormControl('', { nonNullable: true }) });
  readonly isReplying = signal(false);
  readonly replyResult = signal<ReplyResult | null>(null);
  readonly messages = toSignal(
    this.http.get<DevMailboxMessageResponse[]>('/api/dev/mailbox').pipe(catchError(() => of(null))),
  );
  readonly selectedId = signal<string | null>(null);
  readonly selected = computed(() => {
    const messages = this.messages() ?? [];
    return messages.find((message) => message.id === this.selectedId()) ?? messages[0] ?? null;
  });
  readonly selectedMessageId = computed(() => this.selected()?.id ?? null);
  /** Our own rendered emails, shown in a sandboxed frame without scripts. */
  readonly preview = computed(() => {
    const message = this.selected();
    return message ? this.sanitizer.bypassSecurityTrustHtml(message.html) : null;
  });

  select(id: string): void {
    this.selectedId.set(id);
    this.replyResult.set(null);
  }

  /** Sends the typed reply as the selected email's recipient and says where it landed. */
  async reply(message: DevMailboxMessageResponse): Promise<void> {
    const text = this.replyForm.controls.text.value.trim();
    if (!text) {
      this.replyResult.set({ isError: true, text: 'Write a reply first.', link: null });
      return;
    }
    this.isReplying.set(true);
    this.replyResult.set(null);
    try {
      const { stored } = await firstValueFrom(
        this.http.post<DevMailboxReplyResponse>(`/api/dev/mailbox/${message.id}/reply`, { text }),
      );
      this.replyResult.set(REPLY_RESULTS[stored]);
      this.replyForm.reset();
    } catch (error) {
      const problem = apiProblemOf(error);
      const reasons = problem.details.map((detail) => detail.reason).join('; ');
      this.replyResult.set({ isError: true, text: reasons || problem.message, link: null });
    } finally {
      this.isReplying.set(false);
    }
  }
}

interface ReplyResult {
  isError: boolean;
  text: string;
  link: { path: string; label: string } | null;
}

const REPLY_RESULTS: Record<ReplyOutcome, ReplyResult> = {
  answer: {
    isError: false,
    text: "Stored on the buyer's answer, as an emailed reply would be.",
    link: { path: '/answers', label: 'See it in Answers' },
  },
  case: {
    isError: false,
    text: 'Added to the case it answers, which is open for the team.',
    link: { path: '/cases', label: 'See it in Cases' },
  },
  unmatched: {
    isError: false,
    text: 'The business knows the address but not the email it answers: kept with its unmatched replies.',
    link: null,
  },
  unrouted: { isError: true, text: 'No business of this Rapport owns this reply address.', link: null },
};
