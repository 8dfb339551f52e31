#!/usr/bin/env bash
# Shortens the names the wasm and its JavaScript know each other by
# (scripts/minify-names.mjs, binaryen's wasm-opt from npm), minifies a release
# build's stylesheet and wasm-bindgen's JavaScript with esbuild (an npm
# devDependency), then puts each file's new digest in the page's integrity
# attribute. Trunk runs it after each build, before the
# staging folder becomes dist/ (Trunk.toml); the HTML is left as written,
# because the server cuts the public page at markers in it (web/prepared.rs).
# The file names keep the hash of the unminified file: still one name per
# content, so they stay immutable. Issue 17: the short names 4-6 KB brotli
# per entry, esbuild 2-3 KB.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
staging=${TRUNK_STAGING_DIR:?Trunk sets TRUNK_STAGING_DIR}
here=$(dirname "$0")
esbuild=$here/../node_modules/.bin/esbuild
wasm_opt=$here/../node_modules/.bin/wasm-opt
for tool in "$esbuild" "$wasm_opt"; do
  [ -x "$tool" ] || { echo "minify: $tool is missing; run make tools" >&2; exit 1; }
done
html=$staging/index.html
shopt -s nullglob
digest() { openssl dgst -sha384 -binary "$1" | base64 -w0; }
# Puts $2's new digest where the page had $1 (digests are base64: '+', '/',
# '=', so '|' is a safe sed delimiter).
redigest() {
  [ -f "$html" ] || return 0
  grep -qF "sha384-$1" "$html" || { echo "minify: $html has no integrity for ${2##*/}" >&2; exit 1; }
  sed -i "s|sha384-$1|sha384-$(digest "$2")|g" "$html"
}
for wasm in "$staging"/*_bg.wasm; do
  js=${wasm%_bg.wasm}.js
  wasm_before=$(digest "$wasm") js_before=$(digest "$js")
  node "$here/minify-names.mjs" "$wasm_opt" "$wasm" "$js"
  redigest "$wasm_before" "$wasm"
  redigest "$js_before" "$js"
done
for file in "$staging"/*.js "$staging"/*.css; do
  case $file in *.js) loader=js ;; *) loader=css ;; esac
  before=$(digest "$file")
  # Keep the module's export names: the page imports them.
  "$esbuild" --minify --loader="$loader" --log-level=warning < "$file" > "$file.min"
  mv "$file.min" "$file"
  redigest "$before" "$file"
done
