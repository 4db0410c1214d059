#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the user's guide; fails with what is wrong.
#   check-help.sh validate|orphans|links DIR PAGE...
#       yelp-check on the pages in DIR (help/C, or a translation as built)
#   check-help.sh translated HELPDIR LANG PAGE...
#       every message of help/C's pages translated in HELPDIR/LANG/LANG.po
set -eu

mode=$1
shift

case "$mode" in
  validate|orphans|links)
    dir=$1
    shift
    cd "$dir"
    for page in "$@"; do
      if [ ! -f "$page" ]; then
        echo "$dir/$page: missing" >&2
        exit 1
      fi
    done
    for page in *.page; do
      case " $* " in
        *" $page "*) ;;
        *) echo "$dir/$page: not listed in help/meson.build" >&2; exit 1 ;;
      esac
    done
    # yelp-check says nothing when all is well, and exits non-zero otherwise;
    # output alone must also fail, as some checks only print.
    out=$(yelp-check "$mode" "$@" 2>&1) || { printf '%s\n' "$out" >&2; exit 1; }
    if [ -n "$out" ]; then
      printf '%s\n' "$out" >&2
      exit 1
    fi
    ;;
  translated)
    help=$1
    lang=$2
    shift 2
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (cd "$help/C" && itstool -o "$tmp/measures.pot" "$@")
    msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$help/$lang/$lang.po" "$tmp/measures.pot"
    msgfmt --check -o /dev/null "$tmp/$lang.po"
    missing=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
    # A header alone counts as one msgid.
    if [ "$missing" -gt 1 ] || [ "$fuzzy" -gt 0 ]; then
      echo "$help/$lang/$lang.po: $((missing > 0 ? missing - 1 : 0)) untranslated, $fuzzy fuzzy;" \
           "run: meson compile -C _build help-measures-update-po, then translate" >&2
      msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | sed -n '/^msgid/,/^$/p' | head -40 >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 validate|orphans|links DIR PAGE... | translated HELPDIR LANG PAGE..." >&2
    exit 2
    ;;
esac
