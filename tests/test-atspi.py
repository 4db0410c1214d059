#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives Measures as a person with a screen reader would: through the
accessibility tree (AT-SPI), finding every control by its role and name.
Walks from the vision to a goal and one of its measures, searches, and
opens the preferences. TAP output for meson."""

import os
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20
results = []


def ok(condition, what):
    results.append((bool(condition), what))
    print(("ok " if condition else "not ok ") + f"{len(results)} - {what}", flush=True)
    return condition


def nodes(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for child in node:
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


def main():
    workdir = tempfile.mkdtemp(prefix="measures-atspi-")
    database = os.path.join(workdir, "strategy.db")
    app = subprocess.Popen([os.environ["MEASURES_BIN"], "--database", database])
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        end = time.monotonic() + TIMEOUT
        target = None
        while target is None and time.monotonic() < end:
            target = next((a for a in desktop if a is not None and a.name == "measures"), None)
            time.sleep(0.2)
        if not ok(target is not None, "the application is on the accessibility bus"):
            return
        window = find(target, "frame", "Measures")
        ok(window is not None, "its window is named Measures")

        ok(find_text(window, "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener.")
           is not None, "the vision page shows the vision")
        unnamed = unnamed_buttons(window)
        ok(not unnamed, f"every button on the vision page has a name {unnamed}")

        views = find(window, "list", "Views")
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
        item = find(target, "menu item", "Preferences")
        if ok(item is not None, "the menu offers Preferences"):
            click(item)
        preferences = find(target, "frame", "Preferences")
        ok(preferences is not None, "Preferences open in a window of their own")
        if preferences is not None:
            ok(find(preferences, "combo box", "Interface language") is not None or
               find(preferences, "list item", "Interface language") is not None,
               "the preferences offer the interface language")
            ok(not unnamed_buttons(preferences), "every button in the preferences has a name")
    finally:
        app.terminate()
        app.wait(timeout=10)
        subprocess.run(["rm", "-rf", workdir])

    print(f"1..{len(results)}")
    sys.exit(0 if all(passed for passed, _ in results) else 1)


if __name__ == "__main__":
    main()
