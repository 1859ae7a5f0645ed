import { Module } from '@nestjs/common';
import { WebLinksService } from './web-links.service';

/** The signed links alone, so the chat side can hand them out without depending on the web pages. */
@Module({
  providers: [WebLinksService],
  exports: [WebLinksService],
})
export class WebLinksModule {}
