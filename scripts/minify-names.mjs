// Shortens the names the wasm and wasm-bindgen's JavaScript know each other by.
//
//   node scripts/minify-names.mjs <wasm-opt> <module_bg.wasm> <module.js>
//
// wasm-bindgen names each import after the JavaScript it calls plus a 16-digit
// hash (`__wbg_setAttribute_2a8f…`), some 250 of them per console, written
// twice: in the wasm's import section and in the JavaScript's import object.
// Hashes do not compress. binaryen's `--minify-imports-and-exports-and-modules`
// renames them (and the exports, and the module) to one or two letters; this
// script runs it and makes the same renames in the JavaScript, which must run
// before the JavaScript is minified (it looks for `wasm.name` and `name: function`
// as wasm-bindgen writes them). Issue 17: 4-6 KB brotli per entry point.
//
// Every rename must happen exactly where expected, or the build fails: a name
// left behind would be a missing import at start-up.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const [wasmOpt, wasmPath, jsPath] = process.argv.slice(2);
if (!jsPath) {
  console.error('usage: minify-names.mjs <wasm-opt> <module_bg.wasm> <module.js>');
  process.exit(2);
}

/** The import (module, name) pairs and export names of a wasm module, in order. */
function names(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const text = () => {
    const length = leb();
    at += length;
    return bytes.subarray(at - length, at).toString('utf8');
  };
  const imports = [], exports = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        imports.push({ module: text(), name: text() });
        const kind = bytes[at++];
        if (kind === 0) leb(); // function: type index
        else if (kind === 1) { at++; limits(); } // table: element type, limits
        else if (kind === 2) limits(); // memory
        else if (kind === 3) at += 2; // global: value type, mutability
        else throw new Error(`import kind ${kind} is not known here`);
      }
    } else if (id === 7) {
      for (let n = leb(); n > 0; n--) {
        exports.push(text());
        at++;
        leb();
      }
    }
    at = end;
  }
  function limits() {
    const flags = bytes[at++];
    leb();
    if (flags & 1) leb();
  }
  return { imports, exports };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the one match of `pattern` in `js` with `make(...match)`, or
 * fails the build. (A function, not a replacement string: new names may
 * hold `$`, which a replacement string would read as a group.) */
function replaceOnce(js, pattern, make, what) {
  let count = 0;
  const out = js.replace(pattern, (...match) => {
    count++;
    return make(...match);
  });
  if (count !== 1) {
    throw new Error(`${what}: expected one occurrence in ${jsPath}, found ${count}`);
  }
  return out;
}

const before = names(readFileSync(wasmPath));
const minified = `${wasmPath}.min`;
// The module was optimised by Trunk's wasm-opt -Oz: only rename now, and write
// it with the same stack-IR optimisation that run ended with.
// It prints what it renamed: [module, old name, new name] per import and
// [old name, new name] per export.
const map = JSON.parse(execFileSync(wasmOpt, [wasmPath, '--minify-imports-and-exports-and-modules', '--optimize-level', '2',
  '--shrink-level', '2', '--generate-stack-ir', '--optimize-stack-ir', '-o', minified], { stdio: ['ignore', 'pipe', 'inherit'] }).toString());
const after = names(readFileSync(minified));
if (before.imports.length !== after.imports.length || before.exports.length !== after.exports.length) {
  throw new Error('wasm-opt changed the number of imports or exports');
}
// The renames below pair the names by position: check each pair against
// what wasm-opt says it did.
const said = new Set([...map.imports.map(([, old, now]) => `${old} ${now}`), ...map.exports.map(([old, now]) => `${old} ${now}`)]);
const paired = [...before.imports.map((old, i) => `${old.name} ${after.imports[i].name}`), ...before.exports.map((old, i) => `${old} ${after.exports[i]}`)];
const unsaid = paired.find((pair) => !said.has(pair));
if (unsaid) throw new Error(`wasm-opt did not rename as paired by position: ${unsaid}`);

let js = readFileSync(jsPath, 'utf8');
const modules = new Map();
before.imports.forEach((old, i) => {
  const now = after.imports[i];
  if (modules.has(old.module) && modules.get(old.module) !== now.module) {
    throw new Error(`module ${old.module} was renamed two ways`);
  }
  modules.set(old.module, now.module);
  // `__wbg_name_hash: function(` in the import object.
  js = replaceOnce(js, new RegExp(`(^\\s*)${escape(old.name)}(: function\\b)`, 'gm'), (_, indent, rest) => `${indent}${JSON.stringify(now.name)}${rest}`, `import ${old.name}`);
});
for (const [old, now] of modules) {
  js = replaceOnce(js, new RegExp(`${escape(JSON.stringify(old))}(: import)`, 'g'), (_, rest) => `${JSON.stringify(now)}${rest}`, `module ${old}`);
}
// Every `wasm.name`, however many (the check below finds any left).
before.exports.forEach((old, i) => {
  js = js.replace(new RegExp(`\\bwasm\\.${escape(old)}\\b`, 'g'), () => `wasm[${JSON.stringify(after.exports[i])}]`);
});
const left = js.match(/\bwasm\.[A-Za-z_$][\w$]*/);
if (left) throw new Error(`${left[0]} is not an export of ${wasmPath}`);

renameSync(minified, wasmPath);
writeFileSync(jsPath, js);
