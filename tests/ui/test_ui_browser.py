"""The web UI in a real browser (Debian chromium driven by Playwright) against Gradio on 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SCREENSHOT_COPY = Path("/tmp/shopbot_ui_test.png")


def _send(page, text: str) -> None:
    page.locator("#sb-input textarea").fill(text)
    page.locator("#sb-send").click()


def test_chat_cards_like_and_profile(served_ui, browser, tmp_path):
    url, assistant = served_ui
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(url)
    page.locator("#sb-input textarea").wait_for(timeout=30_000)
    assert page.locator("[data-sb=liked-count]").count() == 0, "profile starts empty"

    _send(page, "a grey sofa under $700")
    cards = page.locator("#sb-cards .sb-card")
    cards.first.wait_for(timeout=20_000)
    assert cards.count() == 2
    first = cards.first
    assert "Kivik 3-seat sofa" in first.inner_text() and "$649" in first.inner_text()
    assert first.locator(".sb-img svg").count() == 1 and first.locator(".sb-img img").count() == 0, "no image: a neutral placeholder"
    assert "within your budget of $700" in first.inner_text()
    assert page.locator("#sb-chat").get_by_text("Here are 2 options.").count() >= 1
    page.locator("[data-sb=liked-count]").wait_for(timeout=10_000)
    assert page.locator("[data-sb=liked-count]").inner_text() == "0"
    assert "grey" in page.locator("#sb-profile").inner_text()

    first.locator("button[data-sb-feedback=like]").click()
    page.wait_for_function("document.querySelector('[data-sb=liked-count]').innerText === '1'", timeout=10_000)
    profile_text = page.locator("#sb-profile").inner_text().lower()
    assert "you like" in profile_text and "ikea (brand)" in profile_text
    page.locator("#sb-cards .sb-card.sb-liked").wait_for(timeout=10_000)
    [session_id] = assistant.sessions
    assert assistant.feedback_calls == [(session_id, "S1", True)]

    shot = tmp_path / "ui.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    shutil.copy(shot, SCREENSHOT_COPY)  # for a human to look at

    # a quick-reply chip sends its text
    page.locator("#sb-quick button[data-sb-say='Show more']").click()
    page.locator("#sb-chat").get_by_text("Show more").first.wait_for(timeout=10_000)

    # start over & forget me: the assistant forgets the session and the panel resets
    page.locator("#sb-forget").click()
    page.wait_for_function("document.querySelector('[data-sb=liked-count]') === null", timeout=10_000)
    assert page.locator("#sb-cards .sb-card").count() == 0
    assert session_id not in assistant.sessions


def test_each_tab_has_its_own_session(served_ui, browser):
    url, assistant = served_ui
    pages = [browser.new_page(), browser.new_page()]
    for page in pages:
        page.goto(url)
        page.locator("#sb-input textarea").wait_for(timeout=30_000)
        _send(page, "a lamp")
        page.locator("#sb-cards .sb-card").first.wait_for(timeout=20_000)
    assert len(assistant.sessions) == 2
    assert all(s.startswith("web-") for s in assistant.sessions)
