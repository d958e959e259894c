"""Helpers for tests that open a launchmap map page in Chromium."""

from __future__ import annotations

from playwright.sync_api import Frame, Page

READY = "() => document.documentElement.dataset.launchmapReady === '1'"


def wait_until_drawn(page: Page | Frame) -> None:
    """Wait until the page script has drawn the incidents and set its ready flag."""
    page.wait_for_function(READY)


DRAWN_JS = r"""document.querySelectorAll('path.launchmap-incident').length
    + [...document.querySelectorAll('.launchmap-cluster span')]
        .reduce((sum, node) => sum + Number(node.textContent.replace(/\D/g, '')), 0)"""
"""A page expression: the incidents drawn, single markers plus those inside cluster bubbles."""


def drawn_incidents(page: Page | Frame) -> int:
    """Count the incidents drawn: single markers plus the incidents inside cluster bubbles."""
    count: int = page.evaluate(f"() => {DRAWN_JS}")
    return count


def open_panel(page: Page | Frame) -> None:
    """Open the panel when it is folded behind its button (a phone, an embed); else leave it."""
    toggle = page.locator(".launchmap-toggle-button")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.locator("#launchmap-controls").wait_for(state="visible")


def wait_for_offline_base(page: Page | Frame) -> None:
    """Wait until the offline base map (land, sea, place names) is drawn under the incidents."""
    page.wait_for_function(
        "() => document.querySelector('.launchmap-map').dataset.launchmapOfflineDrawn === '1'"
    )
