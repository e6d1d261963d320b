/** Long passphrases beat complexity rules; 12 characters is the floor, 256 keeps hashing bounded. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why a password is refused, or null when it is acceptable. `isCommon` is supplied by the caller (the API
 * checks a list of tens of thousands of leaked passwords that does not belong in a browser bundle).
 */
export function passwordProblem(
  password: string,
  context: { email?: string; isCommon?: (password: string) => boolean } = {},
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (/^(.)\1*$/u.test(password)) return 'must not repeat one character';
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return `must not contain "${context.email?.split('@')[0]}", the part of your email address before the @`;
  }
  if (context.isCommon?.(password.toLowerCase()))
    return 'is too common: choose one that is not on lists of leaked passwords';
  return null;
}
