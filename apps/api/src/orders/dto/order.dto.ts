import { IsOptionalNotNull, IsPlausibleInstant } from '../../errors/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangeOrderStatusRequest,
  type OrderLineRequest,
  type OrderListQuery,
  ORDER_STATUSES,
  type OrderStatus,
  type UpsertOrderRequest,
} from '@rapport/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { AMOUNT_RULE, isAmount } from '../money';
import { UpsertCustomerDto } from '../../customers/dto/customer.dto';
import { PageQueryDto } from '../../database/page-query.dto';

// class-validator runs the bottom decorator first: the basic type check stays last.
// Amounts arrive as strings or numbers.

/** A money amount, as `toAmount` reads it. */
function IsAmount(): PropertyDecorator {
  return ValidateBy({
    name: 'isAmount',
    validator: { validate: isAmount, defaultMessage: () => AMOUNT_RULE },
  });
}

export class OrderLineDto implements OrderLineRequest {
  @ApiPropertyOptional({ example: 'SOUR-800' })
  @Length(1, 100)
  @IsString()
  @IsOptional()
  sku?: string | null;

  @ApiProperty({ example: 'Sourdough loaf' })
  @Length(1, 200)
  @IsString()
  productName: string;

  @ApiProperty({ example: 2 })
  @Max(100_000)
  @Min(1)
  @IsInt()
  quantity: number;

  @ApiProperty({ example: '4.50', oneOf: [{ type: 'string' }, { type: 'number' }] })
  @IsAmount()
  unitPrice: string | number;
}

export class UpsertOrderDto implements UpsertOrderRequest {
  @ApiProperty({
    example: '#1042',
    description: "The order's id in your system: sending it again updates it",
  })
  @Length(1, 100)
  @IsString()
  externalId: string;

  @ApiProperty({ type: UpsertCustomerDto })
  @ValidateNested()
  @IsObject()
  @Type(() => UpsertCustomerDto)
  customer: UpsertCustomerDto;

  @ApiProperty({ example: '2026-11-20T10:15:00Z' })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  placedAt: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES, default: 'placed' })
  @IsIn(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: OrderStatus;

  @ApiProperty({ example: '13.50', oneOf: [{ type: 'string' }, { type: 'number' }] })
  @IsAmount()
  total: string | number;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be a three-letter currency code such as EUR' })
  @IsString()
  currency: string;

  @ApiPropertyOptional({ type: [OrderLineDto] })
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  @ArrayMaxSize(500)
  @IsArray()
  @IsOptionalNotNull()
  lines?: OrderLineDto[];

  @ApiPropertyOptional({
    example: 'K7M2Q9XA',
    description: 'The code of a customer who recommended the business; an unknown code is ignored',
  })
  @MaxLength(40)
  @IsString()
  @IsOptionalNotNull()
  referralCode?: string;
}

export class ChangeOrderStatusDto implements ChangeOrderStatusRequest {
  @ApiProperty({ enum: ORDER_STATUSES })
  @IsIn(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` })
  status: OrderStatus;

  @ApiPropertyOptional({ example: '2026-11-21T09:00:00Z' })
  @IsPlausibleInstant({ isDateTimeRequired: true })
  @IsOptionalNotNull()
  at?: string;
}

export class OrderListQueryDto extends PageQueryDto implements OrderListQuery {
  @ApiPropertyOptional({ description: 'Part of the order number, or of the buyer name or email' })
  @MaxLength(200)
  @IsString()
  @IsOptionalNotNull()
  search?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsIn(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` })
  @IsOptionalNotNull()
  status?: OrderStatus;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptionalNotNull()
  customerId?: string;

  @ApiPropertyOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @IsOptionalNotNull()
  productId?: string;
}
