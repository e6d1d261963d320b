import { ApiProperty } from '@nestjs/swagger';
import type { SwitchBusinessRequest } from '@rapport/domain';
import { IsUUID } from 'class-validator';

export class SwitchBusinessDto implements SwitchBusinessRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  tenantId: string;
}
