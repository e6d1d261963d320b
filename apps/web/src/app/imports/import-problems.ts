import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { ImportProblemResponse } from '@rapport/domain';

/** The refused rows of an import as a table: where each is in the file, and why it was refused. */
@Component({
  selector: 'rp-import-problems',
  imports: [DecimalPipe, MatButtonModule, MatIconModule],
  templateUrl: './import-problems.html',
  styleUrl: './import-problems.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportProblemsComponent {
  readonly problems = input.required<readonly ImportProblemResponse[]>();
  /** How many rows were refused in all; more than the table may hold. */
  readonly total = input.required<number>();
  readonly canShowMore = input(false);
  readonly isLoading = input(false);
  /** Where the whole list can be downloaded. */
  readonly downloadUrl = input.required<string>();
  readonly showMore = output<void>();
}
