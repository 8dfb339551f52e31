// What a wasm is made of, from twiggy (issue 17): the ten largest functions
// and the ten crates with the most code, by shallow size, and the bytes of
// data (strings, tables). Give it a wasm that still has names (scripts/size.sh
// makes one as Trunk builds it). Usage: node scripts/wasm-top.mjs file.wasm
import { execFileSync } from 'node:child_process';

const file = process.argv[2];
const rows = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', file], { maxBuffer: 1 << 30 }).toString());
const sections = (name) => /subsection|custom section|^data segment|^"?data\[|^table\[|^elem\[|^import |^export |^type\[/.test(name);
const code = rows.filter((r) => !sections(r.name));
const total = code.reduce((sum, r) => sum + r.shallow_size, 0);

// The crate a symbol belongs to: the first path it names (for an impl, the
// type's; for a generic `<T as Trait>`, the trait's), crate hashes dropped;
// methods of primitives (`<str>::to_lowercase`) count as the standard library.
const crateOf = (name) => {
  const m = /([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]{16}\])?::/.exec(name);
  if (m) return m[1];
  return /^<(str|\[T\]|u8|u16|u32|u64|i32|i64|f32|f64|usize|char|bool)/.test(name) ? 'core' : '(glue and other)';
};
const byCrate = new Map();
for (const r of code) byCrate.set(crateOf(r.name), (byCrate.get(crateOf(r.name)) ?? 0) + r.shallow_size);

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + ' %';
const cut = (s) => (s.length > 96 ? s.slice(0, 95) + '…' : s);
const data = rows.filter((r) => /^data segment|^"?data\[/.test(r.name)).reduce((sum, r) => sum + r.shallow_size, 0);
console.log(`  data: ${kb(data).trim()} (strings, tables)`);
console.log(`  code: ${kb(total).trim()} in ${code.length} functions; the ten largest crates:`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${kb(size)} ${pct(size)}  ${crate}`);
console.log('  the ten largest functions:');
for (const r of code.slice().sort((a, b) => b.shallow_size - a.shallow_size).slice(0, 10)) console.log(`  ${kb(r.shallow_size)} ${pct(r.shallow_size)}  ${cut(r.name)}`);
