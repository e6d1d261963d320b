import { signal } from '@angular/core';
import type { Page } from '@rapport/domain';
import { NewestOnly } from './newest-only';

/** What a list page shows: rows, whether more are coming, and why the last load failed. */
export interface ListSource<T> {
  readonly items: () => readonly T[];
  readonly nextCursor: () => string | null;
  readonly isLoading: () => boolean;
  readonly error: () => string | null;
  more(): Promise<void>;
}

/**
 * The rows of a list page, loaded a page at a time by cursor: the first page again whenever the filters
 * change, the following one on "Show more". A response that arrives after a newer load has started is
 * dropped, so quick filter changes never end showing the rows of an older filter.
 */
export class KeysetList<T> implements ListSource<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly isLoading = signal(true);
  /** Why the last load failed, in words for the person at the screen. */
  readonly error = signal<string | null>(null);
  private readonly loads = new NewestOnly();

  /**
   * `fetchPage` reads the filters itself, so a reload always asks for what the screen shows now;
   * `describeError` puts a failure into words.
   */
  constructor(
    private readonly fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
    private readonly describeError: (error: unknown) => string,
  ) {}

  /** The first page, replacing the rows shown. */
  reload(): Promise<void> {
    return this.load(null);
  }

  /** The page after the rows shown; nothing when there is none. */
  async more(): Promise<void> {
    const cursor = this.nextCursor();
    if (cursor) await this.load(cursor);
  }

  private async load(cursor: string | null): Promise<void> {
    this.isLoading.set(true);
    this.error.set(null);
    const isNewest = await this.loads.run(
      () => this.fetchPage(cursor ?? undefined),
      (page) => {
        this.items.set(cursor ? [...this.items(), ...page.items] : page.items);
        this.nextCursor.set(page.nextCursor);
      },
      (error) => this.error.set(this.describeError(error)),
    );
    if (isNewest) this.isLoading.set(false);
  }
}
