import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AnswerDetailResponse, AnswerResponse, Page, ProductRatingResponse } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { CurrentTenant, RequirePermission } from '../access/access.decorators';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { TenantDatabase } from '../tenancy/tenant-database';
import { csvLine } from '../csv/csv-line';
import { AnswersRepository } from './answers.repository';
import { AnswerListQueryDto } from './dto/answers.dto';

/** The most rows one export holds; narrow the filters for more. */
const EXPORT_LIMIT = 100_000;

@ApiTags('answers')
@Controller('answers')
export class AnswersInboxController {
  constructor(
    private readonly database: TenantDatabase,
    private readonly answers: AnswersRepository,
  ) {}

  /** Every answer, newest first, filtered by band, survey, product, dates, comment, channel or words. */
  @RequirePermission('answers:read')
  @Get()
  list(@CurrentTenant() tenantId: string, @Query() query: AnswerListQueryDto): Promise<Page<AnswerResponse>> {
    return this.database.transaction(tenantId, (manager) => this.answers.list(manager, query));
  }

  /** The same filters as a CSV file (up to 100,000 answers). */
  @RequirePermission('answers:read')
  @Get('export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async export(
    @CurrentTenant() tenantId: string,
    @Query() query: AnswerListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.header('content-disposition', 'attachment; filename="answers.csv"');
    const lines = [
      csvLine([
        'answered_at',
        'customer',
        'email',
        'order',
        'survey',
        'score',
        'type',
        'band',
        'ratings',
        'comment',
        'channel',
      ]),
    ];
    await this.database.transaction(tenantId, async (manager) => {
      let cursor: string | undefined;
      do {
        const page = await this.answers.list(manager, { ...query, cursor, limit: 200 });
        for (const answer of page.items) {
          lines.push(
            csvLine([
              answer.answeredAt,
              answer.customer.name,
              answer.customer.email,
              answer.order?.number,
              answer.survey?.name,
              answer.score,
              answer.scoreType,
              answer.band,
              answer.ratings.map((rating) => `${rating.product}: ${rating.rating}`).join('; '),
              answer.comment,
              answer.channel,
            ]),
          );
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && lines.length <= EXPORT_LIMIT);
    });
    return lines.join('');
  }

  /** Each rated product with its average and the comments that came with its ratings. */
  @RequirePermission('answers:read')
  @Get('products')
  products(@CurrentTenant() tenantId: string): Promise<ProductRatingResponse[]> {
    return this.database.transaction(tenantId, (manager) => this.answers.productRatings(manager));
  }

  @RequirePermission('answers:read')
  @Get(':id')
  async get(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
  ): Promise<AnswerDetailResponse> {
    const found = await this.database.transaction(tenantId, (manager) => this.answers.find(manager, id));
    if (!found) throw new NotFoundError('Answer');
    return found;
  }
}
