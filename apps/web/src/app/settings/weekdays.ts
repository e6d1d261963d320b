/** The days of a send window or of working hours, ISO-numbered as the API takes them. */
export const WEEKDAYS: readonly { day: number; label: string }[] = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
];

/** `days` with `day` switched on or off, in order. */
export function toggledDays(days: readonly number[], day: number, isOn: boolean): number[] {
  const chosen = new Set(days);
  if (isOn) chosen.add(day);
  else chosen.delete(day);
  return [...chosen].sort((a, b) => a - b);
}
