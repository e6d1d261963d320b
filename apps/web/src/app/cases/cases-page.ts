import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { CaseAssigneeResponse, CaseListQuery, CaseResponse } from '@rapport/domain';
import { LIST_PAGE_PARTS, ScoreChipComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { keysetList } from '../http/keyset-list';
import { CasesApi } from './cases-api';

type CaseView = 'mine' | 'open' | 'overdue' | 'resolved';

const QUERIES: Record<CaseView, CaseListQuery> = {
  mine: { mine: true, unresolved: true },
  open: { unresolved: true },
  overdue: { overdue: true },
  resolved: { status: 'resolved' },
};

const STATUS_WORDS: Record<CaseResponse['status'], string> = {
  open: 'Open',
  waiting: 'Waiting for the customer',
  resolved: 'Resolved',
};

/** The queue of unhappy buyers: mine first, soonest due first, overdue ones marked. */
@Component({
  selector: 'rp-cases-page',
  imports: [LIST_PAGE_PARTS, MatButtonToggleModule, MatSlideToggleModule, ScoreChipComponent],
  template: `
    <rp-page-header title="Cases" subtitle="Unhappy buyers to get back to, with an owner and a due time.">
      <mat-slide-toggle [checked]="takesCases()" (change)="setTakesCases($event.checked)">
        New cases come to me in turn
      </mat-slide-toggle>
    </rp-page-header>
    <mat-button-toggle-group [value]="view()" (change)="show($event.value)" aria-label="Which cases">
      <mat-button-toggle value="mine">My cases</mat-button-toggle>
      <mat-button-toggle value="open">All open</mat-button-toggle>
      <mat-button-toggle value="overdue">Overdue</mat-button-toggle>
      <mat-button-toggle value="resolved">Resolved</mat-button-toggle>
    </mat-button-toggle-group>
    <rp-list
      [list]="list"
      label="Cases"
      emptyIcon="support_agent"
      emptyTitle="No cases here"
      emptyMessage="A case opens when a buyer gives a low score. Nothing is waiting in this view."
      [flagged]="isOverdue"
    >
      <ng-template rpColumn="Due" let-item>
        {{ item.dueAt | date: 'medium' }}
        @if (item.isOverdue) {
          <span class="overdue-tag">Overdue</span>
        }
      </ng-template>
      <ng-template rpColumn="Buyer" let-item>
        <a [routerLink]="['/cases', item.id]">{{ item.customer.name || item.customer.email }}</a>
      </ng-template>
      <ng-template rpColumn="Why" let-item>
        @if (item.score !== null) {
          <rp-score-chip [score]="item.score" [scale]="item.scoreType" band="detractor" />
        }
        {{ item.reasons.join(', ') }}
        @if (item.comment) {
          <div class="muted">“{{ item.comment }}”</div>
        }
      </ng-template>
      <ng-template rpColumn="Assigned to" let-item>{{ item.assignee?.name ?? 'Nobody' }}</ng-template>
      <ng-template rpColumn="Status" let-item>{{ statusWord(item) }}</ng-template>
    </rp-list>
  `,
  styleUrl: '../lists.scss',
  styles: `
    mat-button-toggle-group {
      margin-bottom: 16px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasesPage implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly session = inject(SessionStore);
  readonly isOverdue = (item: CaseResponse): boolean => item.isOverdue;
  readonly view = signal<CaseView>('mine');
  readonly takesCases = signal(false);
  /** The person moved the switch: what they chose stands over what the page read when it opened. */
  private hasChosen = false;
  readonly list = keysetList<CaseResponse>((cursor) => this.api.list({ ...QUERIES[this.view()], cursor }));

  async ngOnInit(): Promise<void> {
    const assignees = await this.api.assignees();
    if (this.hasChosen) return this.list.reload();
    const takesCases = this.mine(assignees)?.takesCases ?? false;
    this.takesCases.set(takesCases);
    // Someone who takes no cases (an owner who lets the team work them) starts on all the open ones.
    if (!takesCases) this.view.set('open');
    await this.list.reload();
  }

  statusWord(item: CaseResponse): string {
    return STATUS_WORDS[item.status];
  }

  async show(view: CaseView): Promise<void> {
    this.view.set(view);
    await this.list.reload();
  }

  async setTakesCases(takesCases: boolean): Promise<void> {
    this.hasChosen = true;
    const assignees = await this.api.takeCases(takesCases);
    this.takesCases.set(this.mine(assignees)?.takesCases ?? false);
  }

  private mine(assignees: CaseAssigneeResponse[]): CaseAssigneeResponse | undefined {
    const userId = this.session.me()?.user.id;
    return assignees.find((assignee) => assignee.id === userId);
  }
}
