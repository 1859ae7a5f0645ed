import { EntityExtractor } from './entities';

describe('EntityExtractor levels', () => {
  const extractor = new EntityExtractor([], ['德阳市委统战部为每个党派争取项目经费']);
  const levels = (text: string) => [...extractor.extract(text, true).levels];

  it('reads the level of a body from how it is named', () => {
    expect(levels('九三学社中央给基地拨了多少钱')).toEqual(['national']);
    expect(levels('民盟省委给基地拨了多少钱')).toEqual(['provincial']);
    expect(levels('德阳市委统战部给基地拨了多少钱')).toEqual([]);
  });
});
