/**
 * The longest functions of the code base, measured in lines from the function's first line to its
 * last (comments inside count: they are part of what a reader must hold in mind). Reads .ts, .mjs
 * and the frontmatter and <script> blocks of .astro files with the TypeScript parser. Not a
 * linter: it knows one thing, and `npm test` fails when a function passes the limit.
 *
 *   node --import tsx scripts/function-length.ts [--top 10] [--max 150] [dir …]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 150;

export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
}

const SOURCE = /\.(ts|mts|mjs|js|astro)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.astro', '.tmp', '.git']);

/** Every source file below `dir`, tests included (a test is code someone reads too). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(join(dir, entry.name));
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [];
  });
}

/** The script parts of an .astro file, each with the line it starts on (1-based). */
export function astroScripts(text: string): { code: string; firstLine: number }[] {
  const parts: { code: string; firstLine: number }[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) parts.push({ code: frontmatter[1]!, firstLine: 2 });
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(ld\+)?json"/.test(match[0])) continue;
    const start = match.index + match[0].indexOf('>') + 1;
    parts.push({ code: match[1]!, firstLine: lineOf(start) });
  }
  return parts;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  if (parent && ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
}

/** Every function-like node of one piece of code with its length in lines. */
export function functionLengths(code: string, file: string, firstLine = 1): FunctionLength[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, name: nameOf(node, source), line: start + firstLine, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every function of every source file below the given folders, longest first. */
export function measureTree(root: string, dirs: string[]): FunctionLength[] {
  return dirs
    .flatMap((dir) => sourceFiles(resolve(root, dir)))
    .flatMap((path) => {
      const file = relative(root, path);
      const text = readFileSync(path, 'utf8');
      if (!path.endsWith('.astro')) return functionLengths(text, file);
      return astroScripts(text).flatMap(({ code, firstLine }) => functionLengths(code, file, firstLine));
    })
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

export function formatTable(rows: FunctionLength[]): string {
  return rows
    .map((row) => `${String(row.lines).padStart(5)}  ${row.file}:${row.line}  ${row.name}`)
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    if (index < 0) return fallback;
    const value = Number(args.splice(index, 2)[1]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  const top = option('--top', 10);
  const max = option('--max', MAX_FUNCTION_LINES);
  const root = resolve(import.meta.dirname, '..');
  const rows = measureTree(root, args.length ? args : ['src', 'scripts']);
  console.log(`最长的 ${top} 个函数（行数，上限 ${max}）：\n${formatTable(rows.slice(0, top))}`);
  const over = rows.filter((row) => row.lines > max);
  if (over.length) {
    console.error(`\n${over.length} 个函数超过 ${max} 行。`);
    process.exitCode = 1;
  }
}
