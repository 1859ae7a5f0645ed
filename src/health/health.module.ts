import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { StatusService } from './status.service';

@Global()
@Module({ controllers: [HealthController], providers: [StatusService], exports: [StatusService] })
export class HealthModule {}
