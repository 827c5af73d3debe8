import { parse as parseYaml } from 'yaml';
import { UsageError } from './errors.js';

/** Parses YAML (or JSON) text; a syntax error is a UsageError naming the file and the first problem. */
export function parseYamlDocument(text: string, label: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new UsageError(`${label}: not valid YAML (${reason}); fix the syntax`);
  }
}
