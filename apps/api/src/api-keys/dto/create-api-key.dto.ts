import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES, type ApiKeyScope, type CreateApiKeyRequest } from '@rapport/domain';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'Shopify sync' })
  @Length(1, 80)
  @IsString()
  name: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['orders:write', 'customers:write'] })
  @IsIn(API_KEY_SCOPES, { each: true, message: `each must be one of ${API_KEY_SCOPES.join(', ')}` })
  @ArrayUnique()
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @ArrayMinSize(1, { message: 'must name at least one scope' })
  @IsArray()
  scopes: ApiKeyScope[];
}
