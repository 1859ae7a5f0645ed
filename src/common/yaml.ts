import { parseDocument } from 'yaml';

/**
 * Aliases (`*name`) a YAML file may expand, counted as the yaml package counts them (an alias
 * inside an alias counts again). Bank and knowledge files need none; an alias bomb needs far more.
 */
export const MAX_YAML_ALIASES = 100;

/** A YAML text that cannot be read; the message says why, in Chinese. */
export class YamlFormatError extends Error {}

/** Parses one YAML document to plain data, refusing malformed text and alias bombs. */
export function readYaml(text: string): unknown {
  const document = parseDocument(text);
  if (document.errors.length) throw new YamlFormatError(`不是有效的 YAML：${document.errors[0].message.split('\n')[0]}`);
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // The yaml package reports both an alias bomb and an alias without its anchor as a ReferenceError.
    if (!(err instanceof ReferenceError)) throw err;
    if (/excessive alias count/i.test(err.message)) {
      throw new YamlFormatError(`YAML 中的别名（*）展开过多（上限 ${MAX_YAML_ALIASES} 处），疑似“别名炸弹”，已拒绝。`);
    }
    throw new YamlFormatError(`YAML 中的别名无法解析：${err.message}`);
  }
}
