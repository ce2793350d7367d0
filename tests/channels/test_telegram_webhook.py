"""Telegram: secret-token header, Update parsing, sendMessage/sendPhoto with inline keyboards, retries."""

from __future__ import annotations

import json

HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def test_valid_update_is_answered_with_cards_and_inline_keyboard(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    resp = await client.post("/webhooks/telegram", data=payload("telegram_update_message.json"), headers={HEADER: secrets["telegram_secret"]})
    assert resp.status == 200
    await service.drain()
    assert assistant.calls == [("telegram:1111111", "a grey sofa under $700", "telegram:10000")]
    token = secrets["telegram_token"]
    paths = fake_platform.paths()
    assert paths[0] == f"/telegram/bot{token}/sendMessage"
    first = fake_platform.requests[0]["json"]
    assert first["chat_id"] == 1111111 and first["text"].startswith("Here are")
    cards = fake_platform.requests[1:]
    assert len(cards) == 2  # the grey sofas under $700: S1 (IKEA, 649), S3 (Nordby, 499)
    titles = [c["json"].get("text") or c["json"].get("caption") for c in cards]
    assert "<b>Kivik 3-seat sofa</b>" in titles[0] and "$649" in titles[0] and "4.4★" in titles[0]
    keyboard = cards[0]["json"]["reply_markup"]["inline_keyboard"]
    assert keyboard[0] == [{"text": "👍 Like", "callback_data": "like:S1"}, {"text": "👎 Not for me", "callback_data": "dislike:S1"}]
    # quick replies ride on the last card as extra rows
    last_rows = cards[-1]["json"]["reply_markup"]["inline_keyboard"]
    assert {"text": "Cheaper", "callback_data": "say:Cheaper"} in [b for row in last_rows for b in row]


async def test_missing_secret_is_401_and_nothing_is_processed(webhook_app, fake_platform, payload):
    client, service, assistant = webhook_app
    resp = await client.post("/webhooks/telegram", data=payload("telegram_update_message.json"))
    assert resp.status == 401
    await service.drain()
    assert assistant.calls == [] and fake_platform.requests == []


async def test_wrong_secret_is_403_before_parsing(webhook_app, fake_platform):
    client, service, assistant = webhook_app
    # not even JSON: a forged request must be refused for its secret, not for its body
    resp = await client.post("/webhooks/telegram", data=b"\x00not json", headers={HEADER: "guess"})
    assert resp.status == 403
    assert "wrong" in (await resp.json())["error"]
    assert assistant.calls == [] and service.stats["rejected"] == 1


async def test_retried_update_is_answered_once(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    for _ in range(3):
        resp = await client.post("/webhooks/telegram", data=payload("telegram_update_message.json"), headers={HEADER: secrets["telegram_secret"]})
        assert resp.status == 200
    await service.drain()
    assert len(assistant.calls) == 1
    assert sum(p.endswith("/sendMessage") for p in fake_platform.paths()) == 3  # one text + 2 cards, once
    assert service.stats["duplicates"] == 2


async def test_like_button_feeds_the_profile_and_acknowledges_the_callback(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    resp = await client.post("/webhooks/telegram", data=payload("telegram_callback_query.json"), headers={HEADER: secrets["telegram_secret"]})
    assert resp.status == 200
    await service.drain()
    assert assistant.feedback_calls == [("telegram:1111111", "S1", True)]
    assert fake_platform.paths()[0].endswith("/answerCallbackQuery")
    assert fake_platform.requests[0]["json"] == {"callback_query_id": "4382bfdwdsb323b2d9"}
    view = await assistant.session_view("telegram:1111111")
    assert view["profile"]["liked_ids"] == ["S1"]


async def test_non_text_update_is_acknowledged_without_a_turn(webhook_app, fake_platform, secrets):
    client, service, assistant = webhook_app
    sticker = {"update_id": 10005, "message": {"message_id": 7, "date": 1, "chat": {"id": 5, "type": "private"}, "sticker": {"file_id": "x"}}}
    resp = await client.post("/webhooks/telegram", data=json.dumps(sticker), headers={HEADER: secrets["telegram_secret"]})
    assert resp.status == 200
    await service.drain()
    assert assistant.calls == [] and fake_platform.requests == []


async def test_assistant_failure_sends_an_apology_not_a_traceback(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app

    async def broken(*args, **kwargs):
        raise RuntimeError("index missing")

    assistant.handle = broken
    resp = await client.post("/webhooks/telegram", data=payload("telegram_update_message.json"), headers={HEADER: secrets["telegram_secret"]})
    assert resp.status == 200
    await service.drain()
    sent = fake_platform.requests[0]["json"]
    assert sent["chat_id"] == 1111111 and sent["text"].startswith("Sorry") and "index" not in sent["text"]
    assert service.stats["failed"] == 1
