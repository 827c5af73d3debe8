import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

/** The stage order as docs/design.md states it: the backticked names after "imports only from stages below it", up to the next blank line. */
function documentedOrder(): string[] {
  const design = readFileSync(join(ROOT, 'docs/design.md'), 'utf8');
  const start = design.indexOf('imports only from stages below it');
  const paragraphs = design.slice(start).split('\n\n');
  const orderParagraph = paragraphs[1] ?? '';
  return [...orderParagraph.matchAll(/`([a-z]+)`/g)].map((match) => match[1] ?? '');
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** `src/<stage>/…` → stage; files directly in src/ (version.ts) sit below every stage. */
function stageOf(file: string): string | undefined {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

/** Every relative import of a file (static, re-export or dynamic `import()`), as the imported file's path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)'/g)].map((match) =>
    normalize(join(dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts'))),
  );
}

describe('the stages of src/', () => {
  const order = documentedOrder();
  // cli and action are both on top and may share nothing but what is below them.
  const rank = (stage: string) => Math.min(order.indexOf(stage), order.indexOf('cli'));

  it('are all named in docs/design.md, in one order', () => {
    const stages = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(order.length).toBeGreaterThanOrEqual(10);
    expect([...stages].sort()).toEqual([...order].sort());
  });

  it('import only from stages below their own', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = stageOf(file);
      if (from === undefined) continue;
      for (const imported of importsOf(file)) {
        const to = stageOf(imported);
        if (to === undefined || to === from) continue;
        if (rank(to) >= rank(from)) upward.push(`${relative(SRC, file)} imports ${relative(SRC, imported)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
