import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import {
  ANSWER_CHANNELS,
  type AnswerChannel,
  type AnswerListQuery,
  type AnswerResponse,
  NPS_BANDS,
  type NpsBand,
  type ProductRatingResponse,
  type SurveyResponse,
  type UnmatchedReplyResponse,
} from '@rapport/domain';
import { choicesOf, LIST_PAGE_PARTS, ScoreChipComponent } from '@rapport/ui';
import { debounceTime } from 'rxjs';
import { keysetList } from '../http/keyset-list';
import { SurveysApi } from '../surveys/surveys-api';
import { AnswersApi } from './answers-api';

/** Every answer from buyers, filtered and searchable, with the products' average ratings beside. */
@Component({
  selector: 'rp-answers-page',
  imports: [LIST_PAGE_PARTS, ReactiveFormsModule, DecimalPipe, ScoreChipComponent],
  template: `
    <rp-page-header title="Answers" subtitle="Every answer and reply from your buyers.">
      <a mat-stroked-button [href]="exportUrl()" download><mat-icon>download</mat-icon> Export CSV</a>
    </rp-page-header>
    <rp-list
      [list]="list"
      label="Answers"
      emptyIcon="forum"
      emptyTitle="No answers match"
      emptyMessage="Answers arrive when buyers answer an opinion request or reply to one."
    >
      <form class="filters" [formGroup]="filters" role="search">
        <rp-search-field label="Search the comments" [control]="filters.controls.q" />
        <rp-select-field label="Score" [control]="filters.controls.band" [choices]="bands" emptyLabel="Any" />
        <rp-select-field
          label="Survey"
          [control]="filters.controls.surveyId"
          [choices]="surveyChoices()"
          emptyLabel="Any"
        />
        <rp-select-field
          label="Product"
          [control]="filters.controls.product"
          [choices]="productChoices()"
          emptyLabel="Any"
        />
        <rp-select-field
          label="Comment"
          [control]="filters.controls.hasComment"
          [choices]="comments"
          emptyLabel="Any"
        />
        <rp-select-field
          label="Channel"
          [control]="filters.controls.channel"
          [choices]="channels"
          emptyLabel="Any"
        />
        <rp-text-field label="From" [control]="filters.controls.from" type="date" />
        <rp-text-field label="To" [control]="filters.controls.to" type="date" />
      </form>
      <ng-template rpColumn="Answered" let-answer>{{ answer.answeredAt | date: 'medium' }}</ng-template>
      <ng-template rpColumn="Buyer" let-answer>
        <a [routerLink]="['/customers', answer.customer.id]">{{
          answer.customer.name || answer.customer.email
        }}</a>
        @if (answer.order) {
          <div class="muted">{{ answer.order.number }}</div>
        }
      </ng-template>
      <ng-template rpColumn="Score" let-answer>
        @if (answer.score !== null) {
          <rp-score-chip [score]="answer.score" [scale]="answer.scoreType" [band]="answer.band" />
        }
        @for (rating of answer.ratings; track rating.product) {
          <div class="muted">{{ rating.product }}: {{ rating.rating }}★</div>
        }
      </ng-template>
      <ng-template rpColumn="Comment" let-answer>
        <div class="comment">{{ answer.comment ?? '' }}</div>
      </ng-template>
      <ng-template rpColumn="Via" let-answer>
        {{ answer.channel === 'web' ? 'Answer page' : 'Email reply' }}
      </ng-template>
      <ng-template rpColumn="Case" let-answer>
        @if (answer.caseId) {
          <a [routerLink]="['/cases', answer.caseId]">Open case</a>
        }
      </ng-template>
    </rp-list>
    @if (unmatched().length > 0) {
      <h2 class="section-title">Replies we could not match</h2>
      <p class="muted">
        Sent to your reply address but to no email of yours (an old or forwarded email). Nothing is lost: read
        them here and answer from your own mailbox.
      </p>
      <ul class="unmatched">
        @for (reply of unmatched(); track reply.id) {
          <li class="detail-card">
            <strong>{{ reply.from }}</strong> · {{ reply.subject }} · {{ reply.receivedAt | date: 'medium' }}
            <p>{{ reply.body }}</p>
          </li>
        }
      </ul>
    }
    @if (products().length > 0) {
      <h2 class="section-title">Products</h2>
      <div class="product-grid">
        @for (product of products(); track product.product) {
          <article class="detail-card">
            <h3>{{ product.product }}</h3>
            <p>
              <strong>{{ product.average | number: '1.1-1' }}★</strong> from {{ product.ratings }}
              {{ product.ratings === 1 ? 'rating' : 'ratings' }}
            </p>
            @for (comment of product.comments.slice(0, 3); track comment.answerId) {
              <blockquote>“{{ comment.comment }}” ({{ comment.rating }}★)</blockquote>
            }
          </article>
        }
      </div>
    }
  `,
  styleUrl: '../lists.scss',
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .comment {
      max-width: 420px;
      white-space: pre-line;
    }
    .section-title {
      font: var(--mat-sys-title-large);
      margin: 24px 0 12px;
    }
    .product-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 16px;
    }
    .product-grid h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .unmatched {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .unmatched p {
      white-space: pre-line;
      margin: 4px 0 0;
    }
    blockquote {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswersPage implements OnInit {
  private readonly api = inject(AnswersApi);
  private readonly surveysApi = inject(SurveysApi);
  readonly bands = choicesOf(NPS_BANDS, {
    promoter: 'Promoters (NPS 9-10, CSAT 4-5)',
    passive: 'Passives (NPS 7-8, CSAT 3)',
    detractor: 'Detractors (NPS 0-6, CSAT 1-2)',
  });
  readonly channels = choicesOf(ANSWER_CHANNELS, { web: 'Answer page', reply: 'Email reply' });
  readonly comments = choicesOf(['true', 'false'] as const, { true: 'With a comment', false: 'Without' });
  readonly products = signal<ProductRatingResponse[]>([]);
  readonly surveys = signal<SurveyResponse[]>([]);
  readonly productChoices = computed(() =>
    this.products().map(({ product }) => ({ value: product, label: product })),
  );
  readonly surveyChoices = computed(() => this.surveys().map(({ id, name }) => ({ value: id, label: name })));
  readonly unmatched = signal<UnmatchedReplyResponse[]>([]);
  readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    band: new FormControl<NpsBand | ''>('', { nonNullable: true }),
    surveyId: new FormControl('', { nonNullable: true }),
    product: new FormControl('', { nonNullable: true }),
    hasComment: new FormControl<'' | 'true' | 'false'>('', { nonNullable: true }),
    channel: new FormControl<AnswerChannel | ''>('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  private readonly filterValues = signal(this.filters.getRawValue());
  readonly exportUrl = computed(() => this.api.exportUrl(this.query(this.filterValues())));
  readonly list = keysetList<AnswerResponse>((cursor) =>
    this.api.list({ ...this.query(this.filters.getRawValue()), cursor }),
  );

  constructor() {
    this.filters.valueChanges.pipe(debounceTime(250), takeUntilDestroyed()).subscribe(() => {
      this.filterValues.set(this.filters.getRawValue());
      void this.list.reload();
    });
  }

  async ngOnInit(): Promise<void> {
    const [surveys, products] = await Promise.all([
      this.surveysApi.list(),
      this.api.products(),
      this.list.reload(),
    ]);
    this.surveys.set(surveys);
    this.products.set(products);
  }

  private query(values: ReturnType<typeof this.filters.getRawValue>): AnswerListQuery {
    // "To" is the whole day chosen: answers before the next midnight.
    const to = values.to
      ? new Date(new Date(values.to).getTime() + 86_400_000).toISOString().slice(0, 10)
      : '';
    return {
      q: values.q.trim() || undefined,
      band: values.band || undefined,
      surveyId: values.surveyId || undefined,
      product: values.product || undefined,
      hasComment: values.hasComment === '' ? undefined : values.hasComment === 'true',
      channel: values.channel || undefined,
      from: values.from || undefined,
      to: to || undefined,
    };
  }
}
