import { ApiProperty } from '@nestjs/swagger';
import type { DevMailboxReplyRequest } from '@rapport/domain';
import { IsString, Matches, MaxLength } from 'class-validator';

export class DevMailboxReplyDto implements DevMailboxReplyRequest {
  @ApiProperty({ example: 'The bread was lovely, but it came a day late.', minLength: 1, maxLength: 10000 })
  @MaxLength(10000)
  @Matches(/\S/, { message: 'must not be empty' })
  @IsString()
  text: string;
}
