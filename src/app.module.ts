import { DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { PublicThrottlerGuard } from './auth/public-throttler.guard';
import { WindowThrottlerStorage } from './auth/throttler-storage';
import { AuthGuard } from './auth/auth.guard';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DbModule } from './db/db.module';
import { HealthModule } from './health/health.module';
import { MembersModule } from './members/members.module';
import { OutboundModule } from './outbound/outbound.module';
import { RoomsModule } from './rooms/rooms.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { QuizModule } from './quiz/quiz.module';
import { BotModule } from './bot/bot.module';
import { StatsModule } from './stats/stats.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'public', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE }],
          storage: new WindowThrottlerStorage(),
        }),
        DbModule,
        HealthModule,
        OutboundModule,
        RoomsModule,
        MembersModule,
        KnowledgeModule,
        QuizModule,
        StatsModule,
        BotModule,
        AdminModule,
        WebModule,
      ],
      // Authorisation runs first: a flood of unauthorised calls is refused before it is counted.
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PublicThrottlerGuard },
      ],
    };
  }
}
