import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ConnectShopRequest } from '@rapport/domain';
import { IsOptional, IsString, Length } from 'class-validator';

export class ConnectShopDto implements ConnectShopRequest {
  @ApiPropertyOptional({ description: 'The signing secret from the shop; leave out to get a new one' })
  @Length(8, 200)
  @IsString()
  @IsOptional()
  secret?: string;
}
