"""WhatsApp Cloud API: GET handshake, X-Hub-Signature-256, messages webhooks, interactive replies."""

from __future__ import annotations

from bot.channels.whatsapp import meta_signature

PHONE_ID = "106540352242922"


def signed(secret: str, body: bytes) -> dict[str, str]:
    return {"X-Hub-Signature-256": meta_signature(secret, body), "Content-Type": "application/json"}


async def test_verification_handshake(webhook_app):
    client, _, _ = webhook_app
    ok = await client.get("/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"})
    assert ok.status == 200 and await ok.text() == "1158201444"
    wrong = await client.get("/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"})
    assert wrong.status == 403
    missing = await client.get("/webhooks/whatsapp", params={"hub.challenge": "1"})
    assert missing.status == 401


async def test_text_message_gets_text_and_interactive_cards(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("whatsapp_messages.json")
    resp = await client.post("/webhooks/whatsapp", data=body, headers=signed(secrets["whatsapp_app_secret"], body))
    assert resp.status == 200
    await service.drain()
    assert assistant.calls == [("whatsapp:16505551234", "grey sofa under 700", "whatsapp:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=")]
    assert set(fake_platform.paths()) == {f"/graph/v21.0/{PHONE_ID}/messages"}
    assert all(r["auth"] == "Bearer EAAG-test-token" for r in fake_platform.requests)
    bodies = [r["json"] for r in fake_platform.requests]
    assert all(b["messaging_product"] == "whatsapp" and b["to"] == "16505551234" for b in bodies)
    assert bodies[0]["type"] == "text" and bodies[0]["text"]["body"].startswith("Here are")
    card = bodies[1]["interactive"]
    assert card["type"] == "button" and card["body"]["text"].startswith("*Kivik 3-seat sofa*")
    assert [b["reply"]["id"] for b in card["action"]["buttons"]] == ["like:S1", "dislike:S1"]
    assert all(len(b["reply"]["title"]) <= 20 for b in card["action"]["buttons"])
    quick = bodies[-1]["interactive"]
    assert [b["reply"]["id"] for b in quick["action"]["buttons"]] == ["say:Cheaper", "say:Show more"]


async def test_button_reply_is_feedback(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("whatsapp_interactive.json")
    resp = await client.post("/webhooks/whatsapp", data=body, headers=signed(secrets["whatsapp_app_secret"], body))
    assert resp.status == 200
    await service.drain()
    assert assistant.feedback_calls == [("whatsapp:16505551234", "S2", True)]
    assert "Harmony velvet sofa" in fake_platform.requests[0]["json"]["text"]["body"]


async def test_forged_and_missing_signatures(webhook_app, fake_platform, payload):
    client, service, assistant = webhook_app
    body = payload("whatsapp_messages.json")
    forged = await client.post("/webhooks/whatsapp", data=body, headers=signed("other-app", body))
    assert forged.status == 403
    missing = await client.post("/webhooks/whatsapp", data=body)
    assert missing.status == 401
    await service.drain()
    assert assistant.calls == [] and fake_platform.requests == []


async def test_redelivered_message_is_answered_once(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("whatsapp_messages.json")
    for _ in range(2):
        await client.post("/webhooks/whatsapp", data=body, headers=signed(secrets["whatsapp_app_secret"], body))
    await service.drain()
    assert len(assistant.calls) == 1


async def test_status_updates_need_no_answer(webhook_app, fake_platform, payload, secrets):
    client, service, assistant = webhook_app
    body = payload("whatsapp_statuses.json")
    resp = await client.post("/webhooks/whatsapp", data=body, headers=signed(secrets["whatsapp_app_secret"], body))
    assert resp.status == 200
    await service.drain()
    assert assistant.calls == [] and fake_platform.requests == []
