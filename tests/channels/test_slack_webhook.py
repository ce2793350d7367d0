"""Slack Events API: v0 signatures, replay window, url_verification, Block Kit replies, retries, buttons."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from bot.channels.slack import slack_signature


def signed(secret: str, body: bytes, *, ts: int | None = None, extra: dict | None = None) -> dict[str, str]:
    ts = int(time.time()) if ts is None else ts
    headers = {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": slack_signature(secret, str(ts), body), "Content-Type": "application/json"}
    headers.update(extra or {})
    return headers


def test_signature_matches_slacks_documented_example():
    # https://api.slack.com/authentication/verifying-requests-from-slack (worked example)
    body = (
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        b"&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        b"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )
    sig = slack_signature("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", body)
    assert sig == "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"


async def test_url_verification_echoes_the_challenge(webhook_app, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("slack_url_verification.json")
    resp = await client.post("/webhooks/slack", data=body, headers=signed(secrets["slack_signing_secret"], body))
    assert resp.status == 200
    assert (await resp.json()) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    assert assistant.calls == []


async def test_unsigned_url_verification_is_refused(webhook_app, payload):
    client, _, _ = webhook_app
    resp = await client.post("/webhooks/slack", data=payload("slack_url_verification.json"))
    assert resp.status == 401


async def test_message_event_posts_block_kit_cards(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("slack_event_message.json")
    resp = await client.post("/webhooks/slack", data=body, headers=signed(secrets["slack_signing_secret"], body))
    assert resp.status == 200
    await service.drain()
    assert assistant.calls == [("slack:T061EG9R6.U2147483697", "show me a grey sofa under $700", "slack:Ev08MFMKH6")]
    [call] = fake_platform.requests
    assert call["path"] == "/slack/api/chat.postMessage"
    assert call["auth"] == "Bearer xoxb-test-token"
    msg = call["json"]
    assert msg["channel"] == "D024BE91L" and msg["text"].startswith("Here are")
    sections = [b for b in msg["blocks"] if b["type"] == "section"]
    assert sections[1]["text"]["type"] == "mrkdwn" and sections[1]["text"]["text"].startswith("*Kivik 3-seat sofa*")
    assert "$649 · IKEA · 4.4★" in sections[1]["text"]["text"]
    buttons = [e for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]]
    values = [b["value"] for b in buttons]
    assert "like:S1" in values and "dislike:S3" in values and "say:Show more" in values
    assert len({b["action_id"] for b in buttons}) == len(buttons)  # Slack requires unique action ids per message


async def test_stale_timestamp_is_rejected_even_with_a_valid_signature(webhook_app, payload, secrets):
    client, _, assistant = webhook_app
    body = payload("slack_event_message.json")
    old = int(time.time()) - 6 * 60
    resp = await client.post("/webhooks/slack", data=body, headers=signed(secrets["slack_signing_secret"], body, ts=old))
    assert resp.status == 403
    assert "stale" in (await resp.json())["error"]
    assert assistant.calls == []


async def test_forged_signature_is_rejected(webhook_app, payload):
    client, _, assistant = webhook_app
    body = payload("slack_event_message.json")
    resp = await client.post("/webhooks/slack", data=body, headers=signed("not-the-secret", body))
    assert resp.status == 403
    # a body altered after signing fails too
    headers = signed("8f742231b10e8888abcd99yyyzzz85a5", body)
    resp = await client.post("/webhooks/slack", data=body.replace(b"grey", b"pink"), headers=headers)
    assert resp.status == 403
    assert assistant.calls == []


async def test_slack_retries_are_answered_once(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("slack_event_message.json")
    secret = secrets["slack_signing_secret"]
    await client.post("/webhooks/slack", data=body, headers=signed(secret, body))
    for n in (1, 2):
        retry = signed(secret, body, extra={"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"})
        resp = await client.post("/webhooks/slack", data=body, headers=retry)
        assert resp.status == 200
    await service.drain()
    assert len(assistant.calls) == 1 and len(fake_platform.requests) == 1


async def test_bot_messages_are_never_answered(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("slack_event_bot_message.json")
    resp = await client.post("/webhooks/slack", data=body, headers=signed(secrets["slack_signing_secret"], body))
    assert resp.status == 200
    await service.drain()
    assert assistant.calls == [] and fake_platform.requests == []


async def test_dislike_button_reaches_the_assistant(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = urlencode({"payload": payload("slack_block_actions.json").decode()}).encode()
    headers = signed(secrets["slack_signing_secret"], body)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    resp = await client.post("/webhooks/slack", data=body, headers=headers)
    assert resp.status == 200
    await service.drain()
    assert assistant.feedback_calls == [("slack:T061EG9R6.U2147483697", "S1", False)]
    assert fake_platform.requests[0]["json"]["channel"] == "D024BE91L"
