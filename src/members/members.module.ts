import { Inject, Module } from '@nestjs/common';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { UnitsService } from './units.service';

@Module({
  controllers: [MembersController],
  providers: [UnitsService, MembersService],
  exports: [UnitsService, MembersService],
})
export class MembersModule {
  constructor(@Inject(UnitsService) units: UnitsService, @Inject(MembersService) members: MembersService) {
    // Cached senders carry their unit's name: a rename shows at once in this instance's replies.
    units.onRename(async () => members.forgetCached());
  }
}
