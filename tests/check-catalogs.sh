#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a catalog does not compile, or misses or guesses (fuzzy) a
# translation of any string in the sources listed in po/POTFILES.in.
set -eu
cd "$1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same keywords as meson's glib preset.
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$work/files"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$work/files" --output="$work/measures.pot" 2>/dev/null

status=0
for language in $(cat po/LINGUAS); do
  if ! msgfmt --check --output-file=/dev/null "po/$language.po"; then
    echo "not ok: po/$language.po does not compile"
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching "po/$language.po" "$work/measures.pot" \
    --output-file="$work/$language.po"
  stats=$(msgfmt --statistics --output-file=/dev/null "$work/$language.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "not ok: po/$language.po: $stats"
      status=1 ;;
    *)
      echo "ok: po/$language.po: $stats" ;;
  esac
done
exit $status
