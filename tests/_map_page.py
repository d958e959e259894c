"""Helpers for tests that open a launchmap map page in Chromium."""

from __future__ import annotations

from playwright.sync_api import Frame, Page

READY = "() => document.documentElement.dataset.launchmapReady === '1'"


def wait_until_drawn(page: Page | Frame) -> None:
    """Wait until the page script has drawn the incidents and set its ready flag."""
    page.wait_for_function(READY)


def drawn_incidents(page: Page | Frame) -> int:
    """Count the incidents drawn: single markers plus the incidents inside cluster bubbles."""
    count: int = page.evaluate(
        """() => document.querySelectorAll('path.launchmap-incident').length
            + [...document.querySelectorAll('.launchmap-cluster span')]
                .reduce((sum, node) => sum + Number(node.textContent.replace(/,/g, '')), 0)"""
    )
    return count


def wait_for_offline_base(page: Page | Frame) -> None:
    """Wait until the offline base map (land, sea, place names) is drawn under the incidents."""
    page.wait_for_function(
        "() => document.querySelector('.launchmap-map').dataset.launchmapOfflineDrawn === '1'"
    )
