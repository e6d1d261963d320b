import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EnquiryFormResponse } from '@rapport/domain';
import { CurrentPrincipal, CurrentTenant, RequirePermission } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { UpdateEnquiryFormDto } from './dto/interaction.dto';
import { EnquiryFormService } from './enquiry-form.service';

/** Where the business's enquiry form lives, the snippet for its site, and turning it off or moving it. */
@ApiTags('enquiry form')
@Controller('enquiry-form')
export class EnquiryFormSettingsController {
  constructor(private readonly forms: EnquiryFormService) {}

  @RequirePermission('interactions:read')
  @Get()
  get(@CurrentTenant() tenantId: string): Promise<EnquiryFormResponse> {
    return this.forms.settingsOf(tenantId);
  }

  @RequirePermission('business:manage')
  @Patch()
  update(
    @CurrentTenant() tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateEnquiryFormDto,
  ): Promise<EnquiryFormResponse> {
    return this.forms.update(tenantId, principal, body);
  }
}
