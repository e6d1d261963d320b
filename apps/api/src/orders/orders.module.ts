import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { ProductsController } from '../products/products.controller';
import { ProductsRepository } from '../products/products.repository';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

@Module({
  imports: [CustomersModule],
  controllers: [OrdersController, ProductsController],
  providers: [OrdersRepository, OrdersService, ProductsRepository],
  exports: [OrdersService, OrdersRepository, ProductsRepository],
})
export class OrdersModule {}
