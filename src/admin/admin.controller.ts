import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard';

/** The service's front door leads to the organiser console. */
@ApiExcludeController()
@Controller()
export class AdminController {
  @Get()
  @Public()
  @Redirect('/admin/', 302)
  home(): void {}
}
