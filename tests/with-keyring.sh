#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test program with a keyring of its own: a throwaway HOME, a
# session bus for it alone, and gnome-keyring-daemon unlocked with a test
# password, so that nothing touches the developer's own keyring. A window
# test runs through it too (inside xvfb-run: DISPLAY is kept).
set -eu

if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "1..0 # SKIP gnome-keyring-daemon is not installed (build-aux/setup installs it)"
  exit 0
fi

home=$(mktemp -d /tmp/measures-keyring-XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run" "$home/data" "$home/config" "$home/cache"
HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" \
XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" MEASURES_TEST_KEYRING=1 \
  dbus-run-session -- sh -c '
    # In the foreground, as a child of this shell, which reaps it: a daemon
    # that forks away would be left a zombie where no init reaps.
    printf test | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
    keyring=$!
    gdbus wait --session --timeout 10 org.freedesktop.secrets
    status=0
    "$@" || status=$?
    kill $keyring 2>/dev/null || true
    wait $keyring 2>/dev/null || true
    exit $status' sh "$@"
