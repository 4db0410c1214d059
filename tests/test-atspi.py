#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives Measures as a person with a screen reader would: through the
accessibility tree (AT-SPI), finding every control by its role and name.
Walks from the vision to the dashboard, whose charts it reads in words,
to a goal and one of its measures, searches, and
opens the preferences; then breaks the database and starts over from the
dialog that offers what can be done. TAP output for meson."""

import os
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20
results = []
# The TAP lines go to the descriptor meson reads (MEASURES_TAP_FD); the
# session's own services write their start-up notes to standard output.
tap = os.fdopen(int(os.environ.get("MEASURES_TAP_FD", "1")), "w", buffering=1)


def ok(condition, what):
    results.append((bool(condition), what))
    print(("ok " if condition else "not ok ") + f"{len(results)} - {what}", file=tap, flush=True)
    return condition


def nodes(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        # Gone while we looked, like a dialog that just closed.
        return
    for child in children:
        yield from nodes(child, depth + 1)


def find(root, role, name=None, timeout=TIMEOUT):
    """The first showing node with this role (and name), waiting for it."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in nodes(root):
            try:
                if node.getRoleName() != role:
                    continue
                if name is not None and node.name != name:
                    continue
                if not node.getState().contains(pyatspi.STATE_VISIBLE):
                    continue
                return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def click(button):
    """Clicks a button, or the button inside it (a menu button's toggle)."""
    for node in nodes(button):
        try:
            action = node.queryAction()
        except NotImplementedError:
            continue
        if action.nActions > 0:
            return action.doAction(0)
    raise AssertionError(f"{button.name} cannot be clicked")


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return None


def find_text(root, text, timeout=TIMEOUT):
    """A visible label that shows this text, whatever its accessible name."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in nodes(root):
            try:
                if node.getRoleName() == "label" and \
                   node.getState().contains(pyatspi.STATE_VISIBLE) and \
                   (node.name == text or text_of(node) == text):
                    return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def button_labelled(root, text, timeout=TIMEOUT):
    """A button on screen by the text it shows. (A message dialog's buttons
    are named after their mnemonic too on this platform.)"""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for node in nodes(root):
            try:
                if node.getRoleName() == "push button" and \
                   node.getState().contains(pyatspi.STATE_VISIBLE) and \
                   any(child.getRoleName() == "label" and child.name == text for child in node):
                    return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def gone(root, text, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if find_text(root, text, timeout=0.01) is None:
            return True
        time.sleep(0.2)
    return False


def unnamed_buttons(root):
    names = []
    for node in nodes(root):
        try:
            if node.getRoleName() in ("push button", "toggle button") and \
               node.getState().contains(pyatspi.STATE_VISIBLE) and \
               (not node.name or node.name.startswith("Gtk")):
                names.append(node.name)
        except Exception:
            continue
    return names


def application(desktop):
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        target = next((a for a in desktop if a is not None and a.name == "measures"), None)
        if target is not None:
            return target
        time.sleep(0.2)
    return None


def screenshot(name):
    """With MEASURES_ATSPI_SCREENSHOTS=folder, keeps what the screen shows."""
    folder = os.environ.get("MEASURES_ATSPI_SCREENSHOTS")
    if folder:
        time.sleep(1)
        subprocess.run(["import", "-window", "root", f"PNG24:{folder}/{name}.png"])


def stop(app):
    app.terminate()
    app.wait(timeout=10)
    # Let the bus forget the application before the next one starts.
    time.sleep(1)


def walk_through(desktop, database):
    app = subprocess.Popen([os.environ["MEASURES_BIN"], "--database", database])
    try:
        target = application(desktop)
        if not ok(target is not None, "the application is on the accessibility bus"):
            return
        window = find(target, "frame", "Measures")
        ok(window is not None, "its window is named Measures")

        ok(find_text(window, "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener.")
           is not None, "the vision page shows the vision")
        unnamed = unnamed_buttons(window)
        ok(not unnamed, f"every button on the vision page has a name {unnamed}")

        views = find(window, "list", "Views")
        dashboard = find(views, "list item", "Dashboard") if views else None
        if ok(dashboard is not None, "the sidebar lists the Dashboard"):
            views.querySelection().selectChild(dashboard.getIndexInParent())
        chart = find(window, "image", "Whole Strategy")
        description = chart.description if chart is not None else ""
        ok(chart is not None and "28 planned" in description and "22 in progress" in description,
           f"the dashboard's status chart is described in words: “{description}”")
        table = find(window, "toggle button", "Show as table", timeout=2) or \
            find(window, "push button", "Show as table")
        ok(table is not None, "the dashboard offers its charts as tables")
        unnamed = unnamed_buttons(window)
        ok(not unnamed, f"every button on the dashboard has a name {unnamed}")

        goal = find(views, "list item", "Goal 2") if views else None
        if ok(goal is not None, "the sidebar lists Goal 2 by name"):
            views.querySelection().selectChild(goal.getIndexInParent())
        ok(find_text(window, "Karlsruhe steht für internationale Zusammenarbeit auf allen "
                             "Ebenen in einem vereinten Europa.") is not None,
           "the goal's headline is shown")

        measures = find(window, "list", "Measures")
        if ok(measures is not None, "the list of measures is named"):
            measures.querySelection().selectChild(3)
        lead = find(window, "label", "Lead")
        ok(lead is not None and find_text(window, "KA, Kulturbüro") is not None,
           "selecting the fourth measure shows its sheet, the lead labelled “Lead”")
        unnamed = unnamed_buttons(window)
        ok(not unnamed, f"every button beside the sheet has a name {unnamed}")

        search = find(window, "toggle button", "Search") or find(window, "push button", "Search")
        if ok(search is not None, "a Search button"):
            click(search)
        entry = find(window, "entry", "Search measures")
        if ok(entry is not None, "the search entry is named"):
            entry.queryEditableText().setTextContents("Straßburg")
        ok(measures is not None and
           gone(measures, "Karlsruhe feiert den Europatag am 9. Mai"),
           "searching “Straßburg” leaves out the measures that do not name it")
        ok(measures is not None and
           find_text(measures, "Europakompetenz für Auszubildende – Projekt „Destination Europe“")
           is not None and
           find_text(measures, "Verstärkte Zusammenarbeit Karlsruhe – Straßburg") is not None,
           "and keeps the two that do")

        menu = find(window, "push button", "Main menu") or find(window, "toggle button", "Main menu")
        if ok(menu is not None, "a Main menu button"):
            click(menu)
        ok(find(target, "menu item", "Print Overview Table…") is not None and
           find(target, "menu item", "Export Overview Table as PDF…") is not None,
           "the menu offers the overview table, to print and as PDF")
        item = find(target, "menu item", "Preferences")
        if ok(item is not None, "the menu offers Preferences"):
            screenshot("main-menu")
            click(item)
        preferences = find(target, "frame", "Preferences")
        ok(preferences is not None, "Preferences open in a window of their own")
        if preferences is not None:
            ok(find(preferences, "combo box", "Interface language") is not None or
               find(preferences, "list item", "Interface language") is not None,
               "the preferences offer the interface language")
            ok(not unnamed_buttons(preferences), "every button in the preferences has a name")
            screenshot("preferences")
    finally:
        stop(app)


def start_over(desktop, database):
    """A database that is not one: the dialog offers a backup (the daily one
    made by the first start) and starting over, which keeps the bad file."""
    for suffix in ("-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.unlink(database + suffix)
    garbage = bytes(range(256)) * 16
    with open(database, "wb") as f:
        f.write(garbage)

    app = subprocess.Popen([os.environ["MEASURES_BIN"], "--database", database])
    try:
        target = application(desktop)
        if not ok(target is not None, "with a damaged database the application still starts"):
            return
        ok(find_text(target, "Could Not Open the Strategy") is not None,
           "it says that it could not open the strategy")
        ok(button_labelled(target, "Restore a Backup…") is not None,
           "it offers to restore the daily backup")
        ok(button_labelled(target, "Open Another File…") is not None and
           button_labelled(target, "Quit") is not None,
           "it offers to open another file, or to quit")
        again = button_labelled(target, "Start Over")
        if ok(again is not None, "it offers to start over"):
            click(again)
        # (A window opened from a dialog's response may be announced with
        # another role on this platform; look at the whole application.)
        ok(find_text(target, "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener.")
           is not None, "starting over shows the embedded strategy")
        folder = os.path.dirname(database)
        aside = [n for n in os.listdir(folder) if n.startswith("strategy.db.damaged-")
                 and not n.endswith(("-wal", "-shm"))]
        kept = len(aside) == 1 and open(os.path.join(folder, aside[0]), "rb").read() == garbage
        ok(kept, f"the damaged file is kept beside it, unchanged {aside}")
    finally:
        stop(app)


def main():
    workdir = tempfile.mkdtemp(prefix="measures-atspi-")
    database = os.path.join(workdir, "strategy.db")
    desktop = pyatspi.Registry.getDesktop(0)
    try:
        walk_through(desktop, database)
        start_over(desktop, database)
    finally:
        subprocess.run(["rm", "-rf", workdir])

    print(f"1..{len(results)}", file=tap, flush=True)
    sys.exit(0 if all(passed for passed, _ in results) else 1)


if __name__ == "__main__":
    main()
