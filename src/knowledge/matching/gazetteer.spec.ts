import { PlaceFinder, stemOf } from './gazetteer';
import { segment, wordStarts } from './segmenter';

describe('stemOf', () => {
  it('drops the level and the peoples of autonomous divisions', () => {
    expect(stemOf('德阳市')).toBe('德阳');
    expect(stemOf('樊城区')).toBe('樊城');
    expect(stemOf('恩施土家族苗族自治州')).toBe('恩施');
    expect(stemOf('新疆维吾尔自治区')).toBe('新疆');
    expect(stemOf('沛县')).toBeUndefined();
  });
});

describe('PlaceFinder', () => {
  const finder = new PlaceFinder(['玉门市民主党派成员', '旌阳区']);
  const inQuestion = (text: string) => finder.find(text, wordStarts(segment(text))).map((p) => p.name);

  it('finds cities the knowledge never mentions, by stem or full name', () => {
    expect(inQuestion('十堰建了多少个实践创新基地')).toEqual(['十堰']);
    expect(inQuestion('酒泉市一共有多少民主党派成员')).toEqual(['酒泉']);
  });

  it('finds Hong Kong, Macao and Taiwan and their cities', () => {
    expect(inQuestion('香港建了多少个实践创新基地')).toEqual(['香港']);
    expect(inQuestion('澳门特别行政区有多少民主党派成员')).toEqual(['澳门']);
    const [taipei] = finder.find('台北市');
    expect(taipei).toMatchObject({ name: '台北', within: ['台湾'] });
    expect(inQuestion('高雄有多少民主党派成员')).toEqual(['高雄']);
  });

  it('knows which divisions contain a place', () => {
    const [jingyang] = finder.find('旌阳区');
    expect(jingyang).toMatchObject({ name: '旌阳' });
    expect(jingyang.within).toEqual(expect.arrayContaining(['德阳', '四川']));
  });

  it('tells a county named as its city is from the city', () => {
    expect(inQuestion('新乡县搞了多少场测试')).toEqual(['新乡县']);
    expect(inQuestion('新乡搞了多少场测试')).toEqual(['新乡']);
    expect(inQuestion('新乡市搞了多少场测试')).toEqual(['新乡']);
    expect(finder.find('乌鲁木齐县')[0].within).toEqual(expect.arrayContaining(['乌鲁木齐', '新疆']));
    expect(inQuestion('本溪县统战部')).toEqual(['本溪满族自治县']);
  });

  it('reads the city where 县 or 区 after its name begins a word', () => {
    expect(inQuestion('东营区域经济怎么样')).toEqual(['东营']);
    expect(inQuestion('新乡县区两级怎么学条例')).toEqual(['新乡']);
    expect(inQuestion('新乡县委统战部')).toEqual(['新乡县']);
  });

  it('counts a county stem that is an ordinary word only in full', () => {
    expect(inQuestion('和平发展')).toEqual([]);
    expect(inQuestion('和平区')).toEqual(['和平']);
  });

  it('does not read a name across two words', () => {
    expect(inQuestion('广东城市')).toEqual(['广东']);
  });
});
