import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ApiErrorBody, LoginRequest, MeResponse, Permission } from '@rapport/domain';
import { ApiClient } from '../http/api-client';

/** Set by the API beside the session cookie, readable here; it grants nothing. */
export const SIGNED_IN_HINT_COOKIE = 'rapport_signed_in';

function hasSignedInHint(document: Document): boolean {
  return document.cookie.split(';').some((pair) => pair.trim() === `${SIGNED_IN_HINT_COOKIE}=1`);
}

/** Who is signed in, loaded once from /api/me and updated on sign-in and sign-out. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(ApiClient);
  private readonly document = inject(DOCUMENT);
  private readonly state = signal<MeResponse | null>(null);
  private loading: Promise<MeResponse | null> | null = null;

  readonly me = this.state.asReadonly();
  readonly isSignedIn = computed(() => this.state() !== null);
  readonly businessName = computed(() => this.state()?.business?.name ?? null);

  /**
   * Loads the session once; later calls reuse the answer. Without the API's signed-in hint cookie there is
   * no session to load, and asking would only log a 401 in the browser's console.
   */
  load(): Promise<MeResponse | null> {
    if (!this.loading && !hasSignedInHint(this.document)) this.loading = Promise.resolve(this.set(null));
    this.loading ??= this.api.get<MeResponse>('/api/me').then(
      (me) => this.set(me),
      (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) {
          // The session ended on the server (expired, or signed out elsewhere): the hint is stale.
          this.document.cookie = `${SIGNED_IN_HINT_COOKIE}=; Max-Age=0; path=/`;
          return this.set(null);
        }
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  /** Resolves with the profile, or rejects with the API's message ("Email or password is incorrect"). */
  async signIn(credentials: LoginRequest): Promise<MeResponse> {
    try {
      const me = await this.api.post<MeResponse>('/api/auth/login', credentials);
      this.loading = Promise.resolve(me);
      return this.set(me) as MeResponse;
    } catch (error) {
      throw new Error(messageOf(error));
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.api.post<void>('/api/auth/logout', {});
    } finally {
      this.forget();
    }
  }

  /** Takes the profile a sign-up, accepted invitation or business switch returned. */
  replace(me: MeResponse): void {
    this.loading = Promise.resolve(me);
    this.state.set(me);
  }

  /** Ends the active business's pause for complaints. */
  async resumeSending(): Promise<void> {
    this.replace(await this.api.post<MeResponse>('/api/business/resume-sending', {}));
  }

  /** Works in another of the user's businesses from now on. */
  async switchBusiness(tenantId: string): Promise<MeResponse> {
    const me = await this.api.put<MeResponse>('/api/me/business', { tenantId });
    this.replace(me);
    return me;
  }

  /** Drops the local copy, e.g. when the API says the session has ended. */
  forget(): void {
    this.loading = Promise.resolve(null);
    this.state.set(null);
  }

  can(permission: Permission): boolean {
    return this.state()?.permissions.includes(permission) ?? false;
  }

  private set(me: MeResponse | null): MeResponse | null {
    this.state.set(me);
    return me;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    if (body?.message) return body.message;
    if (error.status === 0) return 'Rapport cannot be reached. Check your connection and try again.';
  }
  return 'Something went wrong. Please try again.';
}
