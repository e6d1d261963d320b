import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { SurveyResponse } from '@rapport/domain';
import { EmptyStateComponent, PageHeaderComponent } from '@rapport/ui';
import { SessionStore } from '../auth/session-store';
import { SurveysApi } from './surveys-api';

@Component({
  selector: 'rp-surveys-page',
  imports: [
    RouterLink,
    DatePipe,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
    EmptyStateComponent,
  ],
  template: `
    <rp-page-header title="Surveys" subtitle="The questions you ask your buyers.">
      @if (canEdit) {
        <a mat-flat-button routerLink="/surveys/new"><mat-icon>add</mat-icon> New survey</a>
      }
    </rp-page-header>
    @if (surveys().length === 0) {
      <rp-empty-state
        icon="quiz"
        title="No surveys"
        message="Create one to ask your buyers what they think."
      />
    } @else {
      <table mat-table [dataSource]="surveys()" aria-label="Surveys" class="list-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Survey</th>
          <td mat-cell data-label="Survey" *matCellDef="let survey">
            <a [routerLink]="['/surveys', survey.id]">{{ survey.name }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="questions">
          <th mat-header-cell *matHeaderCellDef>Questions</th>
          <td mat-cell data-label="Questions" *matCellDef="let survey">
            {{ survey.definition.questions.length }}
          </td>
        </ng-container>
        <ng-container matColumnDef="usedBy">
          <th mat-header-cell *matHeaderCellDef>Sent by</th>
          <td mat-cell data-label="Sent by" *matCellDef="let survey">
            {{ survey.usedBy.join(', ') || 'No automation yet' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th mat-header-cell *matHeaderCellDef>Version</th>
          <td mat-cell data-label="Version" *matCellDef="let survey">
            {{ survey.version }} · {{ survey.updatedAt | date: 'mediumDate' }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    }
  `,
  styleUrl: '../lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveysPage implements OnInit {
  private readonly api = inject(SurveysApi);
  readonly canEdit = inject(SessionStore).can('surveys:write');
  readonly columns = ['name', 'questions', 'usedBy', 'version'];
  readonly surveys = signal<SurveyResponse[]>([]);

  async ngOnInit(): Promise<void> {
    this.surveys.set(await this.api.list());
  }
}
