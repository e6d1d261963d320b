// `npm run bench` bundles and runs this next to the app: a bare Fastify server that does the same work as
// three of the app's routes (the same services, so the same SQL through the same kind of pool) without
// the framework around them: no session lookup, access checks, validation, interceptors or logging. The
// difference between the two is what Rapport's request handling costs.
import Fastify from 'fastify';
import { DataSource } from 'typeorm';
import { AnswersService } from '../../../apps/api/src/answers/answers.service';
import { BusinessEventsRepository } from '../../../apps/api/src/events/business-events.repository';
import { EventLog } from '../../../apps/api/src/events/event-log';
import { JobQueue } from '../../../apps/api/src/jobs/job-queue';
import { CaseDeadlines } from '../../../apps/api/src/cases/case-deadlines';
import { CaseOpener } from '../../../apps/api/src/cases/case-opener';
import type { AppConfig } from '../../../apps/api/src/config/app-config';
import { CustomersRepository } from '../../../apps/api/src/customers/customers.repository';
import { CustomersService } from '../../../apps/api/src/customers/customers.service';
import { APP_ROLE } from '../../../apps/api/src/database/database-roles';
import { DashboardController } from '../../../apps/api/src/reports/dashboard.controller';
import { WeeklyReportBuilder } from '../../../apps/api/src/reports/weekly-report-builder';
import { TenantDatabase } from '../../../apps/api/src/tenancy/tenant-database';
import { CasesRepository } from '../../../apps/api/src/cases/cases.repository';
import { DashboardRepository } from '../../../apps/api/src/reports/dashboard.repository';
import { OutboxRepository } from '../../../apps/api/src/outbox/outbox.repository';
import { CustomerTimelineRepository } from '../../../apps/api/src/customers/customer-timeline.repository';
import { AnswersRepository } from '../../../apps/api/src/answers/answers.repository';
import { BusinessSettingsRepository } from '../../../apps/api/src/accounts/business-settings.repository';
import { ReferralsRepository } from '../../../apps/api/src/referrals/referrals.repository';
import { ReferralsService } from '../../../apps/api/src/referrals/referrals.service';

async function main(): Promise<void> {
  const [ownerUrl = '', port = '0', poolSize = '10', publicUrl = 'http://127.0.0.1'] = process.argv.slice(2);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: ownerUrl,
    extra: { max: Number(poolSize), options: `-c role=${APP_ROLE}` },
  }).initialize();
  const database = new TenantDatabase(dataSource);
  const config = {
    publicUrl,
    mail: { from: 'Rapport <no-reply@bench.example>' },
    jobs: { pollingSeconds: 2, maintenanceSeconds: 3600 },
  } as AppConfig;
  // The same work per answer as the app: the event and its job are written with the answer.
  const jobs = new JobQueue({ url: ownerUrl, setRole: APP_ROLE }, config);
  const events = new EventLog(new BusinessEventsRepository(), jobs);
  const customers = new CustomersService(
    database,
    new CustomersRepository(),
    new CustomerTimelineRepository(),
  );
  const dashboard = new DashboardController(database, new DashboardRepository(new WeeklyReportBuilder()));
  const answers = new AnswersService(
    new OutboxRepository(),
    database,
    new CaseOpener(
      new CasesRepository(),
      events,
      new CaseDeadlines(database, jobs, new CasesRepository(), events, new BusinessEventsRepository()),
    ),
    new ReferralsService(
      database,
      new ReferralsRepository(),
      new CustomersRepository(),
      new BusinessSettingsRepository(),
      new OutboxRepository(),
    ),
    new AnswersRepository(),
    events,
    config,
  );

  const server = Fastify({ logger: false });
  server.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  server.get<{ Querystring: { tenant: string } }>('/customers', (request) =>
    customers.list(request.query.tenant, {}),
  );
  server.get<{ Querystring: { tenant: string } }>('/dashboard', (request) =>
    dashboard.dashboard(request.query.tenant),
  );
  server.post<{ Params: { token: string }; Body: Record<string, string> }>(
    '/a/:token',
    async (request, reply) => {
      const page = await answers.submit(request.params.token, request.body, new Date());
      return reply.status(page.status).type('text/html; charset=utf-8').send(page.html);
    },
  );
  const address = await server.listen({ port: Number(port), host: '127.0.0.1' });
  process.stdout.write(`listening ${address}\n`);
}

void main();
