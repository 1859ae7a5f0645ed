import { Global, Module } from '@nestjs/common';
import { OutboundController } from './outbound.controller';
import { OutboundService } from './outbound.service';

@Global()
@Module({ controllers: [OutboundController], providers: [OutboundService], exports: [OutboundService] })
export class OutboundModule {}
