import { IsOptionalNotNull } from '../../errors/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AcceptInvitationRequest,
  type ChangeRoleRequest,
  type InviteRequest,
  type Role,
  ROLES,
} from '@rapport/domain';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';

export class InviteDto implements InviteRequest {
  @ApiProperty({ example: 'sam@northwind.example' })
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an email address' })
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class ChangeRoleDto implements ChangeRoleRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiPropertyOptional({ description: 'Required for a new account' })
  @Length(1, 120)
  @IsString()
  @IsOptionalNotNull()
  name?: string;

  @ApiProperty({ description: "The new account's password, or the existing account's" })
  @MaxLength(256)
  @IsString()
  password: string;
}
