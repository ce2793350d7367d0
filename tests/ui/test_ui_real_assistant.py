"""End-to-end: the web UI on the real assistant, in a real browser."""

from __future__ import annotations

import re
import shutil

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_real_assistant_ui(served_real_ui, browser, tmp_path):
    url, _ = served_real_ui
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(url)
    page.locator("#sb-input textarea").wait_for(timeout=30_000)
    page.locator("#sb-input textarea").fill("a grey sofa under $800")
    page.locator("#sb-send").click()
    cards = page.locator("#sb-cards .sb-card")
    cards.first.wait_for(timeout=120_000)
    for i in range(cards.count()):
        price = re.search(r"\$([\d,]+)", cards.nth(i).locator(".sb-price").inner_text()).group(1)
        assert float(price.replace(",", "")) <= 800
    cards.first.locator("button[data-sb-feedback=like]").click()
    page.wait_for_function("document.querySelector('[data-sb=liked-count]')?.innerText === '1'", timeout=60_000)
    page.wait_for_function("document.querySelector('#sb-profile').innerText.toLowerCase().includes('you like')", timeout=30_000)
    shot = tmp_path / "real_ui.png"
    page.screenshot(path=str(shot), full_page=True)
    shutil.copy(shot, "/tmp/shopbot_ui_real_test.png")  # for a human to look at
