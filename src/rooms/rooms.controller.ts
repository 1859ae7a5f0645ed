import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@Controller('api/rooms')
export class RoomsController {
  constructor(@Inject(RoomsService) private readonly rooms: RoomsService) {}

  @Get()
  @RequireAccess('read')
  @ApiOperation({
    summary: 'The groups the bot accounts are in, as each bot last saw them',
    description: '`[{ account, roomId, topic, updatedAt }]`, by account and topic; empty until a bot has logged in.',
  })
  list() {
    return this.rooms.list();
  }
}
