import { withoutChoices } from './quiz-stem';

describe('withoutChoices', () => {
  it('keeps the stem of a quiz question pasted with its choices', () => {
    expect(withoutChoices('2023年德阳为每个民主党派争取的项目经费增加到了多少？ A.10万元 B.20万元 C.60.06万元 D.6万元')).toBe(
      '2023年德阳为每个民主党派争取的项目经费增加到了多少？ ',
    );
    expect(withoutChoices('史料陈列馆是基于哪个县的革命史料？\nA.中江县\nB.罗江区\nC.广汉市\nD.什邡市')).toBe('史料陈列馆是基于哪个县的革命史料？\n');
    expect(withoutChoices('史料陈列馆是基于哪个县的革命史料？\nA.\t中江县\nB.\t罗江区\nC.\t广汉市\nD.\t什邡市')).toBe('史料陈列馆是基于哪个县的革命史料？\n');
    expect(withoutChoices('泸州的“3”是三力锻造，分别是哪三力？A、引领力、执行力 B、凝聚力、战斗力 C、领导力、组织力')).toBe('泸州的“3”是三力锻造，分别是哪三力？');
    expect(withoutChoices('西部片会在哪座城市开的（A）重庆（B）成都（C）西安')).toBe('西部片会在哪座城市开的，');
  });

  it('keeps what the member says after the choices', () => {
    expect(withoutChoices('玉门配合完成了民革的一个专题调研，选项有A.城市管理 B.乡村振兴 C.水系连通 D.营商环境，我觉得是C，到底哪个？')).toBe(
      '玉门配合完成了民革的一个专题调研，选项有，我觉得是C，到底哪个？',
    );
    // The last choice ends at a space: a second question pasted after it is the member's.
    expect(withoutChoices('德阳的民革党员之家建在哪个园区里？A.科技园 B.产业园 C.物流园 D.5G智慧产业园 玉门有多少民主党派成员')).toBe(
      '德阳的民革党员之家建在哪个园区里？ 玉门有多少民主党派成员',
    );
  });

  it('leaves a question without three lettered choices, or whose stem says too little or asks among its choices', () => {
    expect(withoutChoices('德阳APP上A.1版和B.2版有啥区别')).toBe('德阳APP上A.1版和B.2版有啥区别');
    expect(withoutChoices('下列正确的是 A.德阳 B.泸州 C.襄阳')).toBe('下列正确的是 A.德阳 B.泸州 C.襄阳');
    // Only the stem before the choices counts, not what the member adds after them.
    expect(withoutChoices('第8题选啥 A.德阳 B.泸州 C.襄阳，我觉得选A，对不对啊')).toBe('第8题选啥 A.德阳 B.泸州 C.襄阳，我觉得选A，对不对啊');
    const among = '下列关于德阳民主党派基地建设的说法正确的是 A.每年命名一批 B.国家级奖励10万元 C.省级奖励5万元';
    expect(withoutChoices(among)).toBe(among);
    expect(withoutChoices('新乡的知识测试有多少人参加')).toBe('新乡的知识测试有多少人参加');
  });

  it('matches by its stem a question asking which choice is not among what the stem names', () => {
    expect(withoutChoices('参加西部片会的9个省区市，以下哪个不在其中？A.西藏 B.广西 C.宁夏 D.青海')).toBe('参加西部片会的9个省区市，以下哪个不在其中？');
    expect(withoutChoices('下列哪一项不属于小营的“三同三化”？A.同心凝共识 B.同向谋发展 C.同乐促和谐')).toBe('下列哪一项不属于小营的“三同三化”？');
  });
});
