import type { RateLimit } from './rate-limiter';

/** Every limit in one place, so they can be reviewed together. */
export const RATE_LIMITS = {
  loginPerIp: { name: 'login:ip', limit: 30, windowSeconds: 300 },
  signUpPerIp: { name: 'signup:ip', limit: 10, windowSeconds: 3600 },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: 3600 },
  resetPerEmail: { name: 'reset:email', limit: 3, windowSeconds: 3600 },
  invitePerUser: { name: 'invite:user', limit: 30, windowSeconds: 3600 },
  invitePerIp: { name: 'invite:ip', limit: 60, windowSeconds: 3600 },
  acceptPerIp: { name: 'accept:ip', limit: 20, windowSeconds: 600 },
} as const satisfies Record<string, RateLimit>;
