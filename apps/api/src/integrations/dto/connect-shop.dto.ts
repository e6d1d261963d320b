import { IsOptionalNotNull } from '../../errors/validators';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ConnectShopRequest } from '@rapport/domain';
import { IsString, Length } from 'class-validator';

export class ConnectShopDto implements ConnectShopRequest {
  @ApiPropertyOptional({ description: 'The signing secret from the shop; leave out to get a new one' })
  @Length(8, 200)
  @IsString()
  @IsOptionalNotNull()
  secret?: string;
}
