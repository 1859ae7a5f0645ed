import { digestText } from './digest.service';
import type { UnitRow } from './unit-report';

const row = (unit: string, parent: string | null, headcount: number, participants: number): UnitRow =>
  ({
    unit,
    parent,
    headcount,
    participants,
    attempts: participants,
    participationRate: headcount > 0 ? participants / headcount : null,
    meanScore: null,
    fullMarks: 0,
    subtree: { headcount, participants, attempts: participants, participationRate: headcount > 0 ? participants / headcount : null, meanScore: null },
  }) as UnitRow;

describe('digestText', () => {
  it('says participation so far, names the leading and the lagging units apart', () => {
    const rows = [
      { ...row('统战部', null, 0, 0), subtree: { headcount: 100, participants: 46, attempts: 50, participationRate: 0.46, meanScore: null } },
      row('甲', '统战部', 20, 18),
      row('乙', '统战部', 20, 15),
      row('丙', '统战部', 20, 8),
      row('丁', '统战部', 20, 4),
      row('戊', '统战部', 20, 1),
    ];
    const text = digestText('周测', rows, '12月2日 18:00（UTC+8）');
    expect(text).toContain('共 46 人参与');
    expect(text).toContain('参与率 46%（应参与 100 人）');
    expect(text).toContain('参与率领先：甲 90%、乙 75%、丙 40%。');
    expect(text).toContain('参与率较低：戊 5%、丁 20%，请抓紧组织参与。');
  });
});
