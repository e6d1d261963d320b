import type { NotificationDelivery, NotificationKind } from '../notifications/notification-preferences';

/** One member's notification settings in the active business, with what each kind comes to now. */
export interface NotificationPreferencesResponse {
  /** For each kind: how it reaches them, and whether that is their choice or their role's default. */
  kinds: { kind: NotificationKind; delivery: NotificationDelivery; isChosen: boolean }[];
  /** The hour (0-23) of the daily summary, on the clock of `timeZone`. */
  summaryHour: number;
  /** Their own time zone, or null for the business's. */
  timeZone: string | null;
  businessTimeZone: string;
}

export interface UpdateNotificationPreferencesRequest {
  /** Only the kinds named change; null puts a kind back to the role's default. */
  choices?: Partial<Record<NotificationKind, NotificationDelivery | null>>;
  summaryHour?: number;
  timeZone?: string | null;
}
