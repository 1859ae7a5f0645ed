import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { Cached } from '../common/cached';
import { unitsUnder } from '../members/audience';
import { MembersService } from '../members/members.service';
import { matchUnit } from '../members/unit-match';
import { UnitsService, type UnitView } from '../members/units.service';
import { AttemptsService } from '../quiz/attempts.service';
import { LinkProblem } from './link-problem';
import { WebLinksService } from './web-links.service';
import { WebQuizService } from './web-quiz.service';

const UNITS_TTL_MS = 10_000;

/**
 * The group link: whoever opens it names a unit of the round's audience and their name, and
 * continues on a personal link of their own. The same name in the same unit is the same person.
 */
@Injectable()
export class GroupEntryService {
  private readonly units: Cached<UnitView[]>;

  constructor(
    @Inject(WebLinksService) private readonly links: WebLinksService,
    @Inject(WebQuizService) private readonly quiz: WebQuizService,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(UnitsService) unitsService: UnitsService,
  ) {
    this.units = new Cached(() => unitsService.list(), UNITS_TTL_MS);
  }

  /** The round a group link names and the units one may answer for. */
  async entry(token: string, now = new Date()) {
    const round = await this.round(token, now);
    const units = await this.audienceUnits(round.audienceUnits);
    return {
      title: round.title,
      attemptsAllowed: round.attemptsAllowed,
      questionCount: round.questionCount,
      secondsPerQuestion: round.secondsPerQuestion,
      units: units.map((u) => ({ name: u.name, aliases: u.aliases })),
    };
  }

  /** Finds or records the participant and hands back their personal link (a path on this site). */
  async start(token: string, input: { unit: string; name: string }, now = new Date()) {
    const round = await this.round(token, now);
    const units = await this.audienceUnits(round.audienceUnits);
    const match = matchUnit(input.unit, units);
    if (match.kind !== 'exact') {
      const candidates = match.kind === 'fuzzy' ? match.candidates.map((u) => u.name) : [];
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        field: 'unit',
        message: candidates.length
          ? `没有找到单位「${input.unit}」，您是指${candidates.map((c) => `「${c}」`).join('、')}吗？请从列表中选择。`
          : `没有找到单位「${input.unit}」，请从列表中选择本轮答题范围内的单位。`,
        candidates,
      });
    }
    const { member, existed } = await this.members.participant(input.name, match.unit.id);
    const used = await this.attempts.attemptsUsed(member.id, round.id);
    return {
      link: `/q/${this.links.personalToken(member.id, round)}`,
      unit: match.unit.name,
      name: member.name,
      existed,
      attemptsUsed: used,
      attemptsAllowed: round.attemptsAllowed,
    };
  }

  private async round(token: string, now: Date) {
    const check = this.links.verify(token, now);
    if (!check.ok) throw new LinkProblem(check.reason);
    if (check.claims.kind !== 'group') throw new LinkProblem('malformed');
    return this.quiz.openRound(check.claims.roundId, now);
  }

  /** The audience's units and those below them; every unit when the round names none. */
  private async audienceUnits(audience: string[]): Promise<UnitView[]> {
    const [all, nodes] = await Promise.all([this.units.get(), this.attempts.units()]);
    if (!audience.length) return all;
    const ids = unitsUnder(nodes.filter((u) => audience.includes(u.name)).map((u) => u.id), nodes);
    return all.filter((u) => ids.has(u.id));
  }
}
