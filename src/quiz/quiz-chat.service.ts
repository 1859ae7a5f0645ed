import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';
import type { MemberView } from '../members/members.service';

/** The quiz as members meet it in chat. */
@Injectable()
export class QuizChatService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  private async openRound() {
    return this.prisma.round.findFirst({ where: { status: 'open' }, orderBy: { startsAt: 'desc' } });
  }

  async start(_member: MemberView, _options: { sheet: boolean; roomId?: string }): Promise<string[]> {
    const round = await this.openRound();
    return [round ? `「${round.title}」正在进行。` : '目前没有正在进行的答题活动,请留意群里的通知。'];
  }

  async resume(member: MemberView): Promise<string[]> {
    return this.start(member, { sheet: false });
  }

  async answer(_member: MemberView, _text: string, _messageId: string): Promise<string[] | null> {
    return null;
  }

  async scores(_member: MemberView): Promise<string[]> {
    return ['您还没有参加过答题。'];
  }

  async ranking(_member: MemberView): Promise<string[]> {
    return ['目前还没有答题排行。'];
  }

  async announce(_text: string, _roomId?: string): Promise<string[]> {
    return ['目前没有安排答题活动的群。'];
  }

  async startRace(_roomId: string, _questions: number): Promise<string[]> {
    return ['目前没有可用的题库。'];
  }

  raceActive(_roomId: string): boolean {
    return false;
  }

  async raceAnswer(_roomId: string, _member: MemberView, _text: string): Promise<string[] | null> {
    return null;
  }

  async statsLines(): Promise<string[]> {
    return [];
  }
}
