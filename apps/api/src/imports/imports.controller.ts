import type { Readable } from 'node:stream';
import { csvLine } from '../csv/csv-line';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AcceptsFile } from '../request-policy/body-contract.decorators';
import {
  clipText,
  hasPermission,
  type ImportKind,
  type ImportProblemResponse,
  INTERACTION_IMPORT_KINDS,
  type InteractionImportKind,
  isInteractionImport,
  type ImportResponse,
  type Page,
  unsafeTextReason,
} from '@rapport/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { PageQueryDto } from '../database/page-query.dto';
import { StartImportDto } from './dto/start-import.dto';
import { ImportsService } from './imports.service';

/** What browsers and tools label a CSV file with (Excel on Windows says it is a spreadsheet). */
const CSV_MEDIA_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Upload a customers CSV as the raw request body (`Content-Type: text/csv`). */
  @RequirePermission('customers:write')
  @Post('customers')
  @HttpCode(201)
  @AcceptsFile(...CSV_MEDIA_TYPES)
  @ApiQuery({ name: 'fileName', required: false })
  uploadCustomers(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Query('fileName') fileName?: string,
  ): Promise<ImportResponse> {
    return this.upload(tenantId, principal, request, 'customers', fileName);
  }

  /** Upload an orders CSV (one row per order line) as the raw request body. */
  @RequirePermission('orders:write')
  @Post('orders')
  @HttpCode(201)
  @AcceptsFile(...CSV_MEDIA_TYPES)
  @ApiQuery({ name: 'fileName', required: false })
  uploadOrders(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Query('fileName') fileName?: string,
  ): Promise<ImportResponse> {
    return this.upload(tenantId, principal, request, 'orders', fileName);
  }

  /**
   * Upload enquiries, quotes or appointments (one per row) as the raw request body. Calendly and Acuity
   * Scheduling exports are recognised; column names in English, Spanish, French or German are guessed.
   * The people in the file are contacts: it takes `customers:write` (as every import) and `interactions:write`.
   */
  @RequirePermission('customers:write')
  @Post(':kind')
  @HttpCode(201)
  @AcceptsFile(...CSV_MEDIA_TYPES)
  @ApiParam({ name: 'kind', enum: INTERACTION_IMPORT_KINDS })
  @ApiQuery({ name: 'fileName', required: false })
  uploadInteractions(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Param('kind') kind: string,
    @Query('fileName') fileName?: string,
  ): Promise<ImportResponse> {
    if (!(INTERACTION_IMPORT_KINDS as readonly string[]).includes(kind))
      throw new NotFoundError('Import kind');
    assertPermission(principal, 'interactions:write');
    return this.upload(tenantId, principal, request, kind as InteractionImportKind, fileName);
  }

  @RequirePermission('customers:read')
  @Get()
  list(@CurrentTenant() tenantId: string): Promise<ImportResponse[]> {
    return this.imports.list(tenantId);
  }

  @RequirePermission('customers:read')
  @Get(':id')
  get(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<ImportResponse> {
    return this.imports.get(tenantId, id);
  }

  /** Runs the import (or a dry run) with the confirmed column mapping; progress shows on GET. */
  @RequirePermission('customers:write')
  @Post(':id/start')
  @HttpCode(202)
  async start(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: StartImportDto,
  ): Promise<ImportResponse> {
    const current = await this.imports.get(tenantId, id);
    if (current.kind === 'orders') assertPermission(principal, 'orders:write');
    if (isInteractionImport(current.kind)) assertPermission(principal, 'interactions:write');
    return this.imports.start(tenantId, id, body);
  }

  /** The refused rows, a page at a time in line order: line, column, value and reason. */
  @RequirePermission('customers:read')
  @Get(':id/problems')
  problemPage(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ImportProblemResponse>> {
    return this.imports.problemPage(tenantId, id, query);
  }

  /** Every refused row with its line number, column, value and reason, as a CSV file. */
  @RequirePermission('customers:read')
  @Get(':id/problems.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async problems(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { fileName, problems } = await this.imports.problems(tenantId, id);
    const safeName = fileName.replace(/[^\w.-]+/g, '_').replace(/\.csv$/i, '');
    void reply.header('content-disposition', `attachment; filename="${safeName}-problems.csv"`);
    return [
      'line,column,value,reason\r\n',
      ...problems.map((problem) => csvLine([problem.line, problem.column, problem.value, problem.reason])),
    ].join('');
  }

  private upload(
    tenantId: string,
    principal: Principal,
    request: FastifyRequest,
    kind: ImportKind,
    fileName: string | undefined,
  ): Promise<ImportResponse> {
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
      throw new ValidationFailedError([
        { field: 'file', reason: 'must be sent as the body with Content-Type: text/csv' },
      ]);
    }
    return this.imports.upload(
      tenantId,
      kind,
      storedFileName(kind, fileName),
      body,
      principal.kind === 'user' ? principal.userId : null,
    );
  }
}

/** The name to show for the upload: the one given (as text PostgreSQL can store), else a default. */
function storedFileName(kind: ImportKind, fileName: string | undefined): string {
  if (fileName === undefined) return `${kind}.csv`;
  const fault = unsafeTextReason(fileName);
  if (fault) throw new ValidationFailedError([{ field: 'fileName', reason: fault }]);
  return clipText(fileName.trim(), 200) || `${kind}.csv`;
}

function assertPermission(principal: Principal, permission: 'orders:write' | 'interactions:write'): void {
  const isAllowed =
    principal.kind === 'api-key'
      ? (principal.scopes as readonly string[]).includes(permission)
      : principal.role !== null && hasPermission(principal.role, permission);
  if (!isAllowed) throw new ForbiddenError();
}
