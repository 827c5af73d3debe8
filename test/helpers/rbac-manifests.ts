/** The RBAC manifests of deploy/rbac, as text, and with one permission taken away (tests of refusals). */
import { readFileSync } from 'node:fs';
import { parseAllDocuments, stringify } from 'yaml';

/** The text of `deploy/rbac/<file>`. */
export function manifest(file: string): string {
  return readFileSync(new URL(`../../deploy/rbac/${file}`, import.meta.url), 'utf8');
}

/** The manifests with `verb` taken out of every rule on `resource` (a rule left without verbs goes). */
export function withoutVerb(text: string, resource: string, verb: string): string {
  type Rule = { resources: string[]; verbs: string[] };
  const docs = parseAllDocuments(text).map((doc) => doc.toJSON() as { rules?: Rule[] });
  for (const doc of docs) {
    doc.rules = doc.rules
      ?.map((rule) =>
        rule.resources.includes(resource) ? { ...rule, verbs: rule.verbs.filter((v) => v !== verb) } : rule,
      )
      .filter((rule) => rule.verbs.length > 0);
  }
  return docs.map((doc) => stringify(doc)).join('---\n');
}
