import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import type { SurveyResponse } from '@rapport/domain';
import { LIST_PAGE_PARTS } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { wholeList } from '../http/keyset-list';
import { SurveysApi } from './surveys-api';

@Component({
  selector: 'rp-surveys-page',
  imports: [LIST_PAGE_PARTS],
  template: `
    <rp-page-header title="Surveys" subtitle="The questions you ask your buyers.">
      @if (canEdit) {
        <a mat-flat-button routerLink="/surveys/new"><mat-icon>add</mat-icon> New survey</a>
      }
    </rp-page-header>
    <rp-list
      [list]="list"
      label="Surveys"
      emptyIcon="quiz"
      emptyTitle="No surveys"
      emptyMessage="Create one to ask your buyers what they think."
    >
      <ng-template rpColumn="Survey" let-survey
        ><a [routerLink]="['/surveys', survey.id]">{{ survey.name }}</a></ng-template
      >
      <ng-template rpColumn="Questions" let-survey>{{ survey.definition.questions.length }}</ng-template>
      <ng-template rpColumn="Sent by" let-survey>{{
        survey.usedBy.join(', ') || 'No automation yet'
      }}</ng-template>
      <ng-template rpColumn="Version" let-survey
        >{{ survey.version }} · {{ survey.updatedAt | date: 'mediumDate' }}</ng-template
      >
    </rp-list>
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveysPage implements OnInit {
  private readonly api = inject(SurveysApi);
  readonly canEdit = inject(SessionStore).can('surveys:write');
  readonly list = wholeList<SurveyResponse>(() => this.api.list());

  async ngOnInit(): Promise<void> {
    await this.list.reload();
  }
}
