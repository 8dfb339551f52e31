#!/usr/bin/env bash
# Minifies a release build's stylesheet and wasm-bindgen's JavaScript with
# esbuild (an npm devDependency), then puts each file's new digest in the
# page's integrity attribute. Trunk runs it after each build, before the
# staging folder becomes dist/ (Trunk.toml); the HTML is left as written,
# because the server cuts the public page at markers in it (web/prepared.rs).
# The file names keep the hash of the unminified file: still one name per
# content, so they stay immutable. Issue 17: about 2-3 KB brotli per entry.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
staging=${TRUNK_STAGING_DIR:?Trunk sets TRUNK_STAGING_DIR}
esbuild=$(dirname "$0")/../node_modules/.bin/esbuild
[ -x "$esbuild" ] || { echo "minify: $esbuild is missing; run make tools" >&2; exit 1; }
html=$staging/index.html
shopt -s nullglob
for file in "$staging"/*.js "$staging"/*.css; do
  case $file in *.js) loader=js ;; *) loader=css ;; esac
  before=$(openssl dgst -sha384 -binary "$file" | base64 -w0)
  # Keep the module's export names: the page imports them.
  "$esbuild" --minify --loader="$loader" --log-level=warning < "$file" > "$file.min"
  mv "$file.min" "$file"
  after=$(openssl dgst -sha384 -binary "$file" | base64 -w0)
  if [ -f "$html" ]; then
    grep -qF "sha384-$before" "$html" || { echo "minify: $html has no integrity for ${file##*/}" >&2; exit 1; }
    # Digests are base64 ('+', '/', '='): '|' is a safe sed delimiter.
    sed -i "s|sha384-$before|sha384-$after|g" "$html"
  fi
done
