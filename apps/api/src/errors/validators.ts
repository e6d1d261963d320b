import { isCountryCode, isTimeZone } from '@rapport/domain';
import { ValidateBy, ValidateIf } from 'class-validator';

/** An IANA time zone such as `Europe/Madrid`. */
export function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: isTimeZone,
      defaultMessage: () => 'must be an IANA time zone such as Europe/Madrid',
    },
  });
}

/** An ISO 3166-1 alpha-2 country code such as `ES`. */
export function IsCountryCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCountryCode',
    validator: {
      validate: isCountryCode,
      defaultMessage: () => 'must be a two-letter country code such as ES',
    },
  });
}

/** Names of other systems to the buyer's id there: text values only, a bounded number of them. */
export function IsExternalIds(): PropertyDecorator {
  return ValidateBy({
    name: 'isExternalIds',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 20 &&
        Object.entries(value).every(
          ([key, id]) => key.length >= 1 && key.length <= 50 && typeof id === 'string' && id.length <= 200,
        ),
      defaultMessage: () =>
        'must be an object of at most 20 system names (1-50 characters) to ids (text, at most 200 characters)',
    },
  });
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A real calendar date or date-time in ISO 8601 between 1970 and 2100: `2026-02-30` and `0000-01-01` pass
 * the format check but are no day anyone means, and the database would refuse them or read them as others.
 */
export function isPlausibleInstant(value: unknown, options: { isDateTimeRequired?: boolean } = {}): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match || (options.isDateTimeRequired && match[4] === undefined)) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const isRealDay =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  const time = Date.parse(value.replace(' ', 'T'));
  return isRealDay && Number.isFinite(time) && year >= 1970 && year <= 2100;
}

/** See `isPlausibleInstant`; `isDateTimeRequired` refuses a date without a time. */
export function IsPlausibleInstant(options: { isDateTimeRequired?: boolean } = {}): PropertyDecorator {
  return ValidateBy({
    name: 'isPlausibleInstant',
    validator: {
      validate: (value: unknown) => isPlausibleInstant(value, options),
      defaultMessage: () =>
        options.isDateTimeRequired
          ? 'must be an ISO 8601 date-time between 1970 and 2100'
          : 'must be a date or date-time (ISO 8601) between 1970 and 2100',
    },
  });
}

/**
 * The field may be left out, but `null` is checked like any other value (and so refused by a type check):
 * class-validator's IsOptional lets null through, and a field typed without null then reaches code that
 * reads it as text or a list. Fields that may really be cleared with null keep IsOptional.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}

/** Text with something in it besides spaces: what is stored trimmed must not end up empty. */
export function IsNotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.trim() !== '',
      defaultMessage: () => 'must not be blank',
    },
  });
}
