import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { InteractionResponse, InteractionSource, InteractionType, Page } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ParseId } from '../errors/parse-id.pipe';
import { IdempotencyKey, IdempotencyService } from '../idempotency/idempotency.service';
import {
  AnswerEnquiryDto,
  ChangeInteractionStatusDto,
  InteractionListQueryDto,
  UpsertAppointmentDto,
  UpsertEnquiryDto,
  UpsertQuoteDto,
} from './dto/interaction.dto';
import { type InteractionInput, InteractionsService } from './interactions.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key gets the first answer',
};

/**
 * Enquiries, quotes and appointments: each is created (201) or updated by its external id (200) with its
 * person, and moves along its statuses. Sent from the console they are the console's, with an API key the
 * API's: each source has its own external ids.
 */
@ApiTags('enquiries, quotes and appointments')
@Controller()
export class InteractionsController {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @RequirePermission('interactions:read')
  @Get('interactions')
  list(
    @CurrentTenant() tenantId: string,
    @Query() query: InteractionListQueryDto,
  ): Promise<Page<InteractionResponse>> {
    return this.interactions.list(tenantId, query);
  }

  @RequirePermission('interactions:read')
  @Get('interactions/:id')
  get(@CurrentTenant() tenantId: string, @Param('id', ParseId()) id: string): Promise<InteractionResponse> {
    return this.interactions.get(tenantId, id);
  }

  /** Someone asked a question or for a quote. */
  @RequirePermission('interactions:write')
  @Post('enquiries')
  @ApiHeader(IDEMPOTENCY_HEADER)
  upsertEnquiry(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpsertEnquiryDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionResponse> {
    return this.upsert(tenantId, principal, 'enquiry', body, key, reply);
  }

  /** A quote was sent (or, sent again, accepted, declined or expired). */
  @RequirePermission('interactions:write')
  @Post('quotes')
  @ApiHeader(IDEMPOTENCY_HEADER)
  upsertQuote(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpsertQuoteDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionResponse> {
    return this.upsert(tenantId, principal, 'quote', body, key, reply);
  }

  /** An appointment or job was booked (or completed, missed, cancelled). */
  @RequirePermission('interactions:write')
  @Post('appointments')
  @ApiHeader(IDEMPOTENCY_HEADER)
  upsertAppointment(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpsertAppointmentDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionResponse> {
    return this.upsert(tenantId, principal, 'appointment', body, key, reply);
  }

  /** Moves it along: a quote accepted, an appointment completed, an enquiry closed. */
  @RequirePermission('interactions:write')
  @Post('interactions/:id/status')
  changeStatus(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Body() body: ChangeInteractionStatusDto,
  ): Promise<InteractionResponse> {
    return this.interactions.changeStatus(
      tenantId,
      id,
      body.status,
      body.at ? new Date(body.at) : new Date(),
      sourceOf(principal),
    );
  }

  /** Answers an enquiry: the text goes by email from the business, and the enquiry is answered. */
  @RequirePermission('interactions:write')
  @Post('interactions/:id/answers')
  answer(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseId()) id: string,
    @Body() body: AnswerEnquiryDto,
  ): Promise<InteractionResponse> {
    return this.interactions.answer(tenantId, id, body.text);
  }

  private async upsert(
    tenantId: string,
    principal: Principal,
    type: InteractionType,
    body: InteractionInput,
    key: string | undefined,
    reply: FastifyReply,
  ): Promise<InteractionResponse> {
    const result = await this.idempotency.run(
      tenantId,
      key,
      { route: `POST /api/${type === 'enquiry' ? 'enquiries' : `${type}s`}`, body },
      async (manager) => {
        const { interaction, isNew } = await this.interactions.upsertWithin(
          manager,
          sourceOf(principal),
          type,
          body,
        );
        return { statusCode: isNew ? 201 : 200, body: interaction };
      },
    );
    void reply.status(result.statusCode);
    return result.body;
  }
}

/** Entered by a person in the console they are the console's; sent with an API key, the API's. */
function sourceOf(principal: Principal): InteractionSource {
  return principal.kind === 'user' ? 'console' : 'api';
}
