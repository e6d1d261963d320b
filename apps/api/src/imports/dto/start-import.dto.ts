import { ApiProperty } from '@nestjs/swagger';
import type { ImportMapping, StartImportRequest } from '@rapport/domain';
import { IsBoolean, IsObject } from 'class-validator';

export class StartImportDto implements StartImportRequest {
  @ApiProperty({
    example: { Email: 'email', 'First Name': 'firstName' },
    description: 'Column header -> field',
  })
  @IsObject()
  mapping: ImportMapping;

  @ApiProperty({ description: 'Check every row without changing data' })
  @IsBoolean()
  dryRun: boolean;
}
