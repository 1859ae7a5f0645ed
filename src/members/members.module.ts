import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { UnitsService } from './units.service';

@Module({
  controllers: [MembersController],
  providers: [UnitsService, MembersService],
  exports: [UnitsService, MembersService],
})
export class MembersModule {}
