"""Every endpoint of the HTTP API, on the echo assistant over a real SQLite store."""

from __future__ import annotations

import asyncio
import logging


from bot.models import Reply
from bot.server.app import create_app
from bot.server.ratelimit import RateLimit


async def chat(client, session_id="s1", text="hello", **extra):
    return await client.post("/v1/chat", json={"session_id": session_id, "text": text, **extra})


async def test_chat_returns_a_reply(client):
    response = await chat(client, text="a grey sofa")
    assert response.status == 200
    reply = Reply.model_validate(await response.json())
    assert reply.session_id == "s1" and reply.text == "#1 you said: a grey sofa"
    second = Reply.model_validate(await (await chat(client, text="cheaper")).json())
    assert second.text.startswith("#2 ")


async def test_chat_is_idempotent_per_message_id(client, assistant):
    first = await (await chat(client, text="hi", message_id="abc")).json()
    again = await (await chat(client, text="hi", message_id="abc")).json()
    assert first == again
    assert assistant.handled == 1
    history = (await (await client.get("/v1/sessions/s1/export")).json())["history"]
    assert [t["message_id"] for t in history] == ["abc"]


async def test_session_view_and_404(client):
    response = await client.get("/v1/sessions/unknown")
    assert response.status == 404
    assert (await response.json())["error"]["code"] == "session_not_found"
    await chat(client, text="hello")
    view = await (await client.get("/v1/sessions/s1")).json()
    assert view["state"]["turns"] == 1 and "profile" in view


async def test_export_contains_the_history(client):
    for text in ("one", "two"):
        await chat(client, text=text)
    data = await (await client.get("/v1/sessions/s1/export")).json()
    assert [t["text"] for t in data["history"]] == ["one", "two"]
    assert (await client.get("/v1/sessions/nobody/export")).status == 404


async def test_delete_forgets_everything(client):
    await chat(client, text="remember me")
    response = await client.delete("/v1/sessions/s1")
    assert response.status == 200 and (await response.json()) == {"session_id": "s1", "deleted": True}
    assert (await client.get("/v1/sessions/s1")).status == 404
    assert (await client.get("/v1/sessions/s1/export")).status == 404
    assert (await (await client.delete("/v1/sessions/s1")).json())["deleted"] is False


async def test_feedback(client):
    reply = await (await chat(client, text="lamp")).json()
    product_id = reply["products"][0]["id"]
    response = await client.post("/v1/sessions/s1/feedback", json={"product_id": product_id, "liked": True})
    assert response.status == 200
    assert Reply.model_validate(await response.json()).action == "feedback"
    view = await (await client.get("/v1/sessions/s1")).json()
    assert view["state"]["liked"] == [product_id]
    unknown = await client.post("/v1/sessions/s1/feedback", json={"product_id": "nope", "liked": False})
    assert unknown.status == 422 and "was not shown" in (await unknown.json())["error"]["message"]
    wrong = await client.post("/v1/sessions/s1/feedback", json={"product_id": product_id, "liked": "yes"})
    assert wrong.status == 422 and (await wrong.json())["error"]["details"][0]["field"] == "liked"


async def test_personalization(client):
    response = await client.put("/v1/sessions/s1/personalization", json={"enabled": False})
    assert response.status == 200
    assert await response.json() == {"session_id": "s1", "personalization": False}
    assert (await (await client.get("/v1/sessions/s1")).json())["state"]["personalization"] is False
    assert (await client.put("/v1/sessions/s1/personalization", json={"enabled": 1})).status == 422


async def test_health_and_readiness(client, assistant):
    assert await (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status == 200 and (await ready.json())["ready"] is True
    assistant.ready = False
    not_ready = await client.get("/readyz")
    assert not_ready.status == 503
    assert (await not_ready.json())["components"] == {"sessions": True, "echo": False}


async def test_metrics_count_turns_errors_and_stages(client):
    await chat(client, text="hello")
    await client.post("/v1/chat", data=b"{oops")
    text = await (await client.get("/metrics")).text()
    assert "shopbot_turns_total 1.0" in text
    assert 'shopbot_errors_total{kind="malformed_json"} 1.0' in text
    assert 'shopbot_stage_seconds_count{stage="echo"} 1.0' in text
    assert 'shopbot_http_requests_total{method="POST",route="/v1/chat",status="200"} 1.0' in text


async def test_two_apps_have_separate_registries(aiohttp_client, assistant):
    first = await aiohttp_client(create_app(assistant, rate_limit=None))
    second = await aiohttp_client(create_app(assistant, rate_limit=None))
    await chat(first)
    assert "shopbot_turns_total 1.0" in await (await first.get("/metrics")).text()
    assert "shopbot_turns_total 0.0" in await (await second.get("/metrics")).text()


async def test_openapi_document(client):
    doc = await (await client.get("/openapi.json")).json()
    assert doc["openapi"].startswith("3.")
    assert {"/v1/chat", "/v1/sessions/{session_id}", "/v1/sessions/{session_id}/feedback"} <= set(doc["paths"])
    assert {"ChatRequest", "Reply", "ErrorResponse"} <= set(doc["components"]["schemas"])


async def test_api_key(make_client):
    client = await make_client(api_key="s3cret")
    assert (await chat(client)).status == 401
    body = await (await client.get("/v1/sessions/s1", headers={"X-API-Key": "wrong"})).json()
    assert body["error"]["code"] == "unauthorized"
    ok = await client.post("/v1/chat", json={"session_id": "s1", "text": "hi"},
                           headers={"Authorization": "Bearer s3cret"})
    assert ok.status == 200
    assert (await client.get("/v1/sessions/s1", headers={"X-API-Key": "s3cret"})).status == 200
    assert (await client.get("/healthz")).status == 200  # probes stay open


async def test_body_limit_413(make_client):
    client = await make_client(max_body_bytes=1024)
    response = await client.post("/v1/chat", data=b'{"session_id": "s", "text": "' + b"a" * 2000 + b'"}')
    assert response.status == 413
    error = (await response.json())["error"]
    assert error["code"] == "payload_too_large" and "1024" in error["message"]


async def test_rate_limit_per_session_429(make_client):
    client = await make_client(rate_limit=RateLimit(per_ip_rate=None, per_session_rate=0.5, per_session_burst=3,
                                                     limit_loopback=True))
    statuses = [(await chat(client, "s1", f"m{n}")).status for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = await chat(client, "s1", "again")
    assert int(limited.headers["Retry-After"]) >= 1
    assert (await limited.json())["error"]["code"] == "rate_limited"
    assert (await chat(client, "s2", "other session")).status == 200


async def test_rate_limit_per_ip_429(make_client):
    client = await make_client(rate_limit=RateLimit(per_ip_rate=0.5, per_ip_burst=2, per_session_rate=None,
                                                     limit_loopback=True))
    statuses = [(await chat(client, f"s{n}", "hi")).status for n in range(3)]
    assert statuses == [200, 200, 429]
    assert (await client.get("/healthz")).status == 200


async def test_clients_on_this_machine_are_not_rate_limited_by_default(make_client):
    client = await make_client(rate_limit=RateLimit(per_ip_rate=0.5, per_ip_burst=2, per_session_rate=0.5,
                                                    per_session_burst=2))
    statuses = [(await chat(client, "s1", f"m{n}")).status for n in range(5)]
    assert statuses == [200] * 5  # the test client connects from 127.0.0.1


def test_loopback_addresses():
    limit = RateLimit()
    assert not limit.applies_to("127.0.0.1") and not limit.applies_to("::1") and not limit.applies_to("127.3.2.1")
    assert limit.applies_to("10.1.2.3") and limit.applies_to("2001:db8::1") and limit.applies_to(None)
    assert RateLimit(limit_loopback=True).applies_to("127.0.0.1")


async def test_unexpected_exception_is_a_clean_500(client, assistant, monkeypatch, caplog):
    async def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(assistant, "handle", broken)
    with caplog.at_level(logging.ERROR):
        response = await chat(client, text="hello")
    assert response.status == 500
    body = await response.text()
    assert "hunter2" not in body and "Traceback" not in body
    assert '"internal_error"' in body
    assert "hunter2" in caplog.text  # but it is logged for the operator


async def test_user_text_and_ids_are_not_logged_at_info(client, caplog):
    with caplog.at_level(logging.INFO, logger="bot"):
        await chat(client, session_id="alice-42", text="my secret address")
        await client.get("/v1/sessions/alice-42")
    assert "alice-42" not in caplog.text and "secret address" not in caplog.text
    assert "/v1/sessions/{session_id}" in caplog.text


async def test_concurrent_turns_of_one_session_apply_in_order(aiohttp_client, slow_assistant):
    """20 messages of one session sent at once: none lost, none interleaved; other sessions don't wait."""
    client = await aiohttp_client(create_app(slow_assistant, rate_limit=None))
    texts = [f"message {n}" for n in range(20)]
    tasks = []
    for text in texts:
        tasks.append(asyncio.create_task(chat(client, "busy", text)))
        await asyncio.sleep(0.005)  # arrival order
    other = await chat(client, "other", "not waiting")  # runs while "busy" is queued
    assert other.status == 200 and not all(t.done() for t in tasks)
    responses = await asyncio.gather(*tasks)
    assert [r.status for r in responses] == [200] * 20
    bodies = [await r.json() for r in responses]
    numbers = sorted(int(body["text"].split()[0][1:]) for body in bodies)
    assert numbers == list(range(1, 21)), "each turn saw the previous one's state"
    state = (await (await client.get("/v1/sessions/busy")).json())["state"]
    assert state["turns"] == 20 and state["texts"] == texts


async def test_unknown_route_and_method(client):
    missing = await client.get("/v2/nothing")
    assert missing.status == 404 and (await missing.json())["error"]["code"] == "not_found"
    wrong = await client.get("/v1/chat")
    assert wrong.status == 405 and (await wrong.json())["error"]["code"] == "method_not_allowed"


async def test_invalid_session_id_in_path(client):
    response = await client.get("/v1/sessions/" + "x" * 200)
    assert response.status == 400 and (await response.json())["error"]["code"] == "invalid_session_id"
    assert (await client.get("/v1/sessions/a%20b")).status == 400


async def test_closed_store_is_a_retryable_503(client, assistant):
    await assistant.store.close()  # as during a shutdown
    response = await chat(client, text="late message")
    assert response.status == 503 and response.headers["Retry-After"] == "1"
    assert (await response.json())["error"]["code"] == "unavailable"
