#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist or is out of order.
set -eu
cd "$1"

status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')

for file in $(git ls-files 'src/*.c' 'src/**/*.c' 'ui/*.ui' 'data/*.in' 'data/*.in.in' 2>/dev/null ||
              find src ui data -name '*.c' -o -name '*.ui' -o -name '*.in'); do
  if grep -qE '(\b_\(|\bN_\(|\bC_\(|\bNC_\(|ngettext ?\(|translatable="yes"|^(Name|GenericName|Comment|Keywords)=)' "$file" &&
     ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "not ok: $file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "not ok: po/POTFILES.in names $file, which does not exist"
    status=1
  fi
done

if [ "$(printf '%s\n' "$listed")" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "not ok: po/POTFILES.in is not sorted"
  status=1
fi

[ $status -eq 0 ] && echo "ok: po/POTFILES.in lists every file with translatable strings"
exit $status
