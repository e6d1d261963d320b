export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  migrations: { current: boolean; pending: string[] };
  version: string;
}
