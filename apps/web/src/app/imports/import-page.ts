import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  fieldLabel,
  fieldsOf,
  IMPORT_KINDS,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ImportProblemResponse,
  type ImportResponse,
  IMPORT_PRESETS,
  mappingProblem,
} from '@rapport/domain';
import { PageHeaderComponent } from '@rapport/ui';
import { apiProblemOf } from '../http/api-error';
import { ImportProblemsComponent } from './import-problems';
import { ImportsApi } from './imports-api';

const POLL_MS = 1000;

const KIND_LABELS: Record<ImportKind, string> = {
  customers: 'Customers',
  orders: 'Orders',
  enquiries: 'Enquiries',
  quotes: 'Quotes',
  appointments: 'Appointments',
};

/** What a file of each kind holds, one row at a time. */
const KIND_HINTS: Record<ImportKind, string> = {
  customers: 'One person per row, found by email: new ones are added, known ones updated.',
  orders: 'One order line per row; the rows of one order are next to each other.',
  enquiries: 'One enquiry per row: the person, when it came and what they asked.',
  quotes: 'One quote per row: its number, the person, when it was sent, the amount and currency.',
  appointments:
    'One booking per row: the person and when it starts. A past booking that was not cancelled or missed counts as a visit that took place; times are your business’s.',
};
const PROBLEM_PAGE = 50;
/** The page lists at most this many refused rows; the download has every one. */
export const PROBLEMS_SHOWN = 500;

const ENCODING_NAMES: Record<ImportResponse['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};

/**
 * The import wizard: upload, check the column mapping against a preview, dry-run, import, follow the
 * progress. The URL holds the import id, so a reload comes back to the same import.
 */
@Component({
  selector: 'rp-import-page',
  imports: [
    RouterLink,
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    PageHeaderComponent,
    ImportProblemsComponent,
  ],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage implements OnInit {
  private readonly api = inject(ImportsApi);
  private readonly router = inject(Router);
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  /** Route parameter: an import already uploaded. */
  readonly importId = input<string>();
  /** Query parameter: `orders` to start with an orders file. */
  readonly kind = input<ImportKind>();
  readonly kinds = IMPORT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
  readonly kindHint = computed(() => KIND_HINTS[this.chosenKind()]);
  readonly chosenKind = signal<ImportKind>('customers');
  readonly job = signal<ImportResponse | null>(null);
  readonly mapping = signal<ImportMapping>({});
  readonly history = signal<ImportResponse[]>([]);
  readonly isBusy = signal(false);
  readonly error = signal<string | null>(null);
  readonly fields = computed(() => fieldsOf(this.job()?.kind ?? this.chosenKind()));
  readonly mappingIssue = computed(() => {
    const job = this.job();
    return job ? mappingProblem(job.kind, this.mapping()) : null;
  });
  readonly presetLabel = computed(
    () => IMPORT_PRESETS.find((preset) => preset.id === this.job()?.preset)?.label ?? null,
  );
  readonly isWorking = computed(() => ['queued', 'running'].includes(this.job()?.status ?? ''));
  readonly problems = signal<ImportProblemResponse[]>([]);
  readonly isLoadingProblems = signal(false);
  readonly hasMoreProblems = signal(false);
  readonly canShowMoreProblems = computed(
    () => this.hasMoreProblems() && this.problems().length < PROBLEMS_SHOWN,
  );
  /** How the file was read, in words: its encoding and how a date like 03/04/2026 is taken. */
  readonly fileFacts = computed(() => {
    const job = this.job();
    if (!job) return '';
    const dates =
      job.dateOrder === 'dmy'
        ? '03/04/2026 read as 3 April'
        : job.dateOrder === 'mdy'
          ? '03/04/2026 read as March 4'
          : 'dates like 03/04/2026 refused as unclear';
    return `${ENCODING_NAMES[job.encoding]} · ${dates} · decimal mark "${job.decimalMark}"`;
  });
  private problemsCursor: string | null = null;
  /** The run whose refused rows are listed: the import and when it finished. */
  private problemsOfRun: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.pollTimer));
  }

  async ngOnInit(): Promise<void> {
    const kind = this.kind();
    if (kind && IMPORT_KINDS.includes(kind)) this.chosenKind.set(kind);
    const id = this.importId();
    if (id) await this.refresh(id);
    else this.history.set(await this.api.list());
  }

  kindLabel(kind: ImportKind): string {
    return KIND_LABELS[kind] ?? kind;
  }

  labelOf(kind: ImportKind, field: ImportField): string {
    return fieldLabel(kind, field);
  }

  async upload(files: FileList | null): Promise<void> {
    const file = files?.item(0);
    if (!file) return;
    this.isBusy.set(true);
    this.error.set(null);
    try {
      const job = await this.api.upload(this.chosenKind(), file);
      await this.router.navigate(['/customers/import', job.id]);
      this.show(job);
    } catch (error) {
      this.error.set(
        apiProblemOf(error).fields['file']
          ? `The file ${apiProblemOf(error).fields['file']}`
          : apiProblemOf(error).message,
      );
    } finally {
      this.isBusy.set(false);
    }
  }

  fieldOf(header: string): ImportField | '' {
    return Object.hasOwn(this.mapping(), header) ? (this.mapping()[header] as ImportField) : '';
  }

  mapColumn(header: string, field: ImportField | ''): void {
    const next = { ...this.mapping() };
    if (field) next[header] = field;
    else delete next[header];
    this.mapping.set(next);
  }

  async start(dryRun: boolean): Promise<void> {
    const job = this.job();
    if (!job || this.mappingIssue()) return;
    this.error.set(null);
    try {
      this.show(await this.api.start(job.id, { mapping: this.mapping(), dryRun }));
    } catch (error) {
      this.error.set(apiProblemOf(error).fields['mapping'] ?? apiProblemOf(error).message);
    }
  }

  async showMoreProblems(): Promise<void> {
    const job = this.job();
    if (!job || this.isLoadingProblems() || !this.canShowMoreProblems()) return;
    this.isLoadingProblems.set(true);
    try {
      const limit = Math.min(PROBLEM_PAGE, PROBLEMS_SHOWN - this.problems().length);
      const page = await this.api.problems(job.id, this.problemsCursor, limit);
      this.problems.update((shown) => [...shown, ...page.items]);
      this.problemsCursor = page.nextCursor;
      this.hasMoreProblems.set(page.nextCursor !== null);
    } catch (error) {
      this.error.set(apiProblemOf(error).message);
    } finally {
      this.isLoadingProblems.set(false);
    }
  }

  private async refresh(id: string): Promise<void> {
    try {
      this.show(await this.api.get(id));
    } catch (error) {
      this.error.set(
        apiProblemOf(error).status === 404 ? 'This import does not exist.' : apiProblemOf(error).message,
      );
    }
  }

  private show(job: ImportResponse): void {
    const isFirstLook = this.job()?.id !== job.id;
    this.job.set(job);
    if (isFirstLook) this.mapping.set({ ...job.mapping });
    clearTimeout(this.pollTimer);
    if (job.status === 'queued' || job.status === 'running') {
      this.pollTimer = setTimeout(() => void this.refresh(job.id), POLL_MS);
    }
    const run = job.rowsFailed > 0 && job.finishedAt ? `${job.id}@${job.finishedAt}` : null;
    if (run !== this.problemsOfRun) {
      this.problemsOfRun = run;
      this.problems.set([]);
      this.problemsCursor = null;
      this.hasMoreProblems.set(run !== null);
      if (run) void this.showMoreProblems();
    }
  }
}
