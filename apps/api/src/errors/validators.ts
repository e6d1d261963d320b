import { isCountryCode, isTimeZone } from '@rapport/domain';
import { ValidateBy } from 'class-validator';

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
