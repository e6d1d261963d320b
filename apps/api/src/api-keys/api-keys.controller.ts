import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ApiKeyResponse, CreatedApiKeyResponse } from '@rapport/domain';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import { auditActorOf, type Principal } from '../access/principal';
import { ParseId } from '../errors/parse-id.pipe';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @RequirePermission('api-keys:manage')
  @Get()
  list(@CurrentTenant() tenantId: string): Promise<ApiKeyResponse[]> {
    return this.keys.list(tenantId);
  }

  /** The answer holds the whole key; it is never shown again. */
  @RequirePermission('api-keys:manage')
  @Post()
  create(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyResponse> {
    return this.keys.create(tenantId, auditActorOf(principal), body);
  }

  @RequirePermission('api-keys:manage')
  @Delete(':id')
  @HttpCode(204)
  revoke(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseId()) id: string,
  ): Promise<void> {
    return this.keys.revoke(tenantId, auditActorOf(principal), id);
  }
}
