"""The dialogue-test runner itself: constraint parsing/checking, expectations, reports, CLI."""

from __future__ import annotations

import json
import textwrap

import pytest
import yaml

from bot.dialogue_tests import (
    Expect,
    ProductConstraint,
    Turn,
    assert_dialogue_file,
    assert_dialogue_files,
    check_reply,
    dialogue_cases,
    dialogue_file_groups,
    dialogue_files,
    load_dialogue_file,
    run_dialogue_case,
    run_dialogue_file,
)
from bot.errors import UserFacingError
from bot.models import IntentInfo, ProductCard, Reply


@pytest.mark.parametrize(
    "text, field, op, value",
    [
        ("price <= 300", "price", "<=", 300.0),
        ("price<300", "price", "<", 300.0),
        ("rating >= 4.5", "rating", ">=", 4.5),
        ("price > $1,200", "price", ">", 1200.0),
        ("brand != IKEA", "brand", "!=", "IKEA"),
        ("color == 'navy blue'", "color", "==", "navy blue"),
        ("category contains sofa", "category", "contains", "sofa"),
        ("title NOT  CONTAINS leather", "title", "not contains", "leather"),
        ("brand in [IKEA, Hay]", "brand", "in", ["IKEA", "Hay"]),
        ("color not in (red, 'blush pink')", "color", "not in", ["red", "blush pink"]),
        ("attributes.seats >= 3", "attributes.seats", ">=", 3.0),
    ],
)
def test_constraint_parsing(text, field, op, value):
    c = ProductConstraint.parse(text)
    assert (c.field, c.op, c.value) == (field, op, value)


@pytest.mark.parametrize(
    "text",
    ["price", "price <= cheap", "__import__('os') == 1", "brand ~= IKEA", "brand in []", "price <=", "1price < 3", "brand == ''"],
)
def test_bad_constraints_are_refused_not_evaluated(text):
    with pytest.raises(ValueError):
        ProductConstraint.parse(text)


@pytest.mark.parametrize(
    "text, values, ok",
    [
        ("price <= 300", [300.0], True),
        ("price <= 300", [300.01], False),
        ("price < 300", [300], False),
        ("price <= 300", [None], False),  # unknown price cannot satisfy a budget
        ("brand != IKEA", ["ikea"], False),
        ("brand != IKEA", ["Hay"], True),
        ("brand != IKEA", [None], True),
        ("color == blue", ["Blue"], True),
        ("color == blue", ["navy blue"], False),
        ("color contains blue", ["navy blue"], True),
        ("category contains sofa", ["Sofas"], True),
        ("category contains sofa", ["Living Room", "Sectionals"], False),
        ("category not contains sofa", ["Furniture", "Living Room", "Sofas"], False),
        ("brand in [IKEA, Hay]", ["hay"], True),
        ("brand not in [IKEA, Hay]", ["Muuto"], True),
        ("attributes.seats >= 3", ["3"], True),
        ("rating > 4", ["n/a"], False),
        ("size <= 75", ['70" W x 39" D x 36" H'], True),  # a size given as measures: its width
        ("size <= 75", ['76" W x 38" D x 35" H'], False),
        ("size <= 75", ["Queen"], False),
    ],
)
def test_constraint_checking(text, values, ok):
    assert (ProductConstraint.parse(text).check(values) is None) is ok


def _reply(**kw) -> Reply:
    base = dict(session_id="s", text="Here are 2 sofas under $800.", intent=IntentInfo(name="search_product", confidence=0.9), action="recommend")
    base.update(kw)
    return Reply(**base)


def test_check_reply_collects_every_failure():
    cards = [ProductCard(id="a", title="Kivik", price=649, brand="IKEA", category="Sofas"),
             ProductCard(id="b", title="Harmony", price=1290, brand="Hay", category="Sofas")]
    reply = _reply(products=cards, slots={"price_max": 800.0, "category": "sofa", "item_ref": [2]})
    ok = Expect(intent=["search_product", "refine"], action="recommend", slots={"price_max": 800, "category": "Sofa", "item_ref": [2]},
                products=["category contains sofa"], min_products=2, text_contains=["sofa", ["under", "below"]], text_matches=r"\$\d+")
    assert check_reply(ok, reply) == []
    bad = Expect(intent="refine", action=["refine"], slots={"price_max": 700, "color": "grey"},
                 products=["price <= 800", "brand != IKEA"], max_products=1, text_contains=["armchair"], text_matches="^no", handoff=True)
    failures = check_reply(bad, reply)
    joined = "\n".join(failures)
    assert "intent 'search_product'" in joined and "action 'recommend'" in joined
    assert "slot price_max = 800.0, expected 700" in joined and "slot color missing" in joined
    assert "product b 'Harmony' fails 'price <= 800' (price = 1290" in joined
    assert "product a 'Kivik' fails 'brand != IKEA' (brand = IKEA)" in joined
    assert "at most 1" in joined and "'armchair'" in joined and "/^no/" in joined and "handoff" in joined
    assert len(failures) == 10


def test_unknown_expectation_keys_are_errors():
    with pytest.raises(ValueError, match="intnet"):
        Expect.model_validate({"intnet": "greet"})
    with pytest.raises(ValueError, match="exactly one"):
        Turn.model_validate({"user": "hi", "like": 1})


DIALOGUES = textwrap.dedent(
    """
    name: keyword shop
    dialogues:
      - name: budget sofa then not IKEA then like
        turns:
          - user: "hello"
            expect: {intent: greet, action: smalltalk, max_products: 0}
          - user: "a grey sofa under $700"
            expect:
              intent: search_product
              action: recommend
              slots: {color: grey, price_max: 700}
              min_products: 2
              products: ["price <= 700", "color == grey", "category contains sofa"]
          - user: "not ikea please"
            expect: {action: refine, products: ["brand != IKEA", "price <= 700"], min_products: 1}
          - like: 1
            expect: {action: feedback, text_contains: [nordby]}
      - name: a wrong expectation fails
        turns:
          - user: "a sofa under $700"
            expect: {products: ["brand != IKEA"], text_matches: "sofas? for you"}
          - user: "I want to talk to a human"
            expect: {handoff: true}
    """
)


async def test_run_dialogue_file_reports_pass_and_fail(tmp_path, keyword_assistant):
    path = tmp_path / "shop.yaml"
    path.write_text(DIALOGUES)
    report = await run_dialogue_file(path, keyword_assistant)
    first, second = report.dialogues
    assert first.passed, report.to_text(verbose=True)
    assert not second.passed and not report.passed
    failing = second.turns[0]
    assert not failing.passed and any("fails 'brand != IKEA'" in f for f in failing.failures)
    assert any("does not match" in f for f in failing.failures)
    assert second.turns[1].passed  # later turns still run
    assert report.counts() == {"dialogues": 2, "dialogues_passed": 1, "turns": 6, "turns_passed": 5}
    text = report.to_text()
    assert "✗ a wrong expectation fails" in text and "brand = IKEA" in text
    assert keyword_assistant.sessions == {}, "every dialogue session is forgotten afterwards"
    # each dialogue ran in its own session
    assert len({c[0] for c in keyword_assistant.calls}) == 2


async def test_catalog_attributes_come_from_the_lookup(keyword_assistant):
    reply = await keyword_assistant.handle("s1", "a blue sofa")
    expect = Expect(products=["color == blue"], min_products=1)
    assert check_reply(expect, reply, keyword_assistant.get_product) == []
    assert check_reply(Expect(products=["color == grey"]), reply, keyword_assistant.get_product)
    # without any lookup an attribute the card lacks is reported as unknown, not silently passed
    assert "color is unknown" in check_reply(expect, reply, None)[0]


async def test_like_of_a_product_never_shown_fails(tmp_path, keyword_assistant):
    path = tmp_path / "f.yaml"
    path.write_text("name: f\ndialogues:\n  - name: d\n    turns:\n      - like: 2\n")
    report = await run_dialogue_file(path, keyword_assistant)
    assert "no product #2 was shown" in report.dialogues[0].turns[0].failures[0]


def test_bad_files_give_clear_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ndialogues:\n  - name: d\n    turns:\n      - user: hi\n        expect: {products: ['price is cheap']}\n")
    with pytest.raises(UserFacingError, match=r"bad.yaml: dialogues.0.turns.0.expect.products.*cannot read product constraint"):
        load_dialogue_file(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n")
    with pytest.raises(UserFacingError, match="not valid YAML"):
        load_dialogue_file(broken)


async def test_pytest_helpers(tmp_path, keyword_assistant):
    (tmp_path / "shop.yaml").write_text(DIALOGUES)
    cases = dialogue_cases(tmp_path)
    assert [c.id for c in cases] == ["shop::budget sofa then not IKEA then like", "shop::a wrong expectation fails"]
    await run_dialogue_case(cases[0].values[0], keyword_assistant)
    with pytest.raises(AssertionError, match="brand != IKEA"):
        await run_dialogue_case(cases[1].values[0], keyword_assistant)


async def test_per_file_helpers_name_each_failed_dialogue(tmp_path, keyword_assistant):
    (tmp_path / "shop.yaml").write_text(DIALOGUES)
    (tmp_path / "passing.yaml").write_text(DIALOGUES.split("  - name: a wrong expectation fails")[0])
    files = dialogue_files(tmp_path)
    assert [f.id for f in files] == ["passing", "shop"]
    report = await assert_dialogue_file(files[0].values[0], keyword_assistant)
    assert report.passed and len(report.dialogues) == 1
    with pytest.raises(AssertionError) as failed:
        await assert_dialogue_file(files[1].values[0], keyword_assistant)
    assert "1 of 2 dialogues failed" in str(failed.value) and "a wrong expectation fails" in str(failed.value)
    assert "budget sofa then not IKEA" not in str(failed.value)  # only the failed dialogue is reported


async def test_round_groups_play_files_together_and_name_each_failed_dialogue(tmp_path, keyword_assistant):
    passing = DIALOGUES.split("  - name: a wrong expectation fails")[0]
    (tmp_path / "shoppers_zq_monday.yaml").write_text(DIALOGUES)
    (tmp_path / "shoppers_zq_tuesday.yaml").write_text(passing)
    (tmp_path / "shoppers_zr_monday.yaml").write_text(passing)
    (tmp_path / "critiques.yaml").write_text(passing)
    groups = dialogue_file_groups(tmp_path)
    assert {g.id: [p.name for p in g.values[0]] for g in groups} == {
        "critiques": ["critiques.yaml"],
        "shoppers_zq": ["shoppers_zq_monday.yaml", "shoppers_zq_tuesday.yaml"],
        "shoppers_zr": ["shoppers_zr_monday.yaml"],
    }
    slow = _SlowAssistant(keyword_assistant)
    reports = await assert_dialogue_files(groups[2].values[0], slow, concurrency=4)
    assert [len(r.dialogues) for r in reports] == [1]
    with pytest.raises(AssertionError) as failed:
        await assert_dialogue_files(groups[1].values[0], slow, concurrency=3)
    text = str(failed.value)
    assert "1 of 3 dialogues failed" in text and "shoppers_zq_monday.yaml" in text and "a wrong expectation fails" in text
    assert "shoppers_zq_tuesday.yaml" not in text  # only the file with a failed dialogue is reported
    assert slow.most == 3  # the two files' dialogues were in flight together, within the bound


class _SlowAssistant:
    """Answers after a pause, counting how many turns are in flight at once."""

    def __init__(self, inner):
        self.inner, self.in_flight, self.most = inner, 0, 0

    async def handle(self, session_id, text, **kwargs):
        import asyncio

        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        await asyncio.sleep(0.01)
        self.in_flight -= 1
        return await self.inner.handle(session_id, text, **kwargs)

    async def feedback(self, session_id, product_id, liked):
        return await self.inner.feedback(session_id, product_id, liked)

    async def forget(self, session_id):
        return await self.inner.forget(session_id)

    def get_product(self, product_id):
        return self.inner.get_product(product_id)


@pytest.mark.parametrize("concurrency, most", [(1, 1), (2, 2)])
async def test_concurrent_dialogues_keep_their_sessions_and_order(tmp_path, keyword_assistant, concurrency, most):
    path = tmp_path / "shop.yaml"
    path.write_text(DIALOGUES)
    slow = _SlowAssistant(keyword_assistant)
    report = await run_dialogue_file(path, slow, concurrency=concurrency)
    assert [d.name for d in report.dialogues] == ["budget sofa then not IKEA then like", "a wrong expectation fails"]
    assert report.dialogues[0].passed and not report.dialogues[1].passed  # the same results as one at a time
    assert slow.most == most
    assert len({c[0] for c in keyword_assistant.calls}) == 2 and keyword_assistant.sessions == {}


def test_finding_files(tmp_path):
    from bot.dialogue_tests import find_dialogue_files

    (tmp_path / "a.yaml").write_text(DIALOGUES)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yml").write_text(DIALOGUES)
    (tmp_path / "notes.txt").write_text("x")
    assert find_dialogue_files(tmp_path) == [tmp_path / "a.yaml", tmp_path / "sub" / "b.yml"]
    assert find_dialogue_files(tmp_path / "a.yaml") == [tmp_path / "a.yaml"]
    with pytest.raises(UserFacingError, match="no such file"):
        find_dialogue_files(tmp_path / "missing")


async def test_cli_through_the_http_api(tmp_path, aiohttp_server, keyword_assistant, keyword_catalog, capsys):
    """``shopbot test-dialogues PATH --url URL [--json]``: exit code 1 on failures, one JSON object."""
    import argparse
    import asyncio

    app_module = pytest.importorskip("bot.server.app", reason="bot.server.app (HTTP API) is not available")
    from bot import dialogue_tests

    server = await aiohttp_server(app_module.create_app(keyword_assistant, rate_limit=None, webhooks=False), host="127.0.0.1")
    url = str(server.make_url("")).rstrip("/")
    # over HTTP the runner reads product attributes (color) from the file's catalog
    catalog = tmp_path / "keyword_catalog.jsonl"
    catalog.write_text("\n".join(json.dumps(p) for p in keyword_catalog))
    with_catalog = DIALOGUES.replace("name: keyword shop", "name: keyword shop\ncatalog: keyword_catalog.jsonl")
    (tmp_path / "shop.yaml").write_text(with_catalog)
    passing = tmp_path / "passing.yaml"
    passing.write_text(with_catalog.split("  - name: a wrong expectation fails")[0])

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    dialogue_tests.register(sub, eval_sub=None, train_sub=None, train_parser=None)

    def run(*argv: str) -> int:
        args = parser.parse_args(["test-dialogues", *argv])
        return args.handler(args)

    assert await asyncio.to_thread(run, str(passing), "--url", url) == 0
    assert "PASSED: 1/1 dialogues, 4/4 turns" in capsys.readouterr().out
    assert await asyncio.to_thread(run, str(tmp_path / "shop.yaml"), "--url", url, "--json") == 1
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] is False
    assert out["summary"] == {"files": 1, "dialogues": 2, "dialogues_passed": 1, "turns": 6, "turns_passed": 5}
    assert out["reports"][0]["dialogues"][1]["turns"][0]["failures"]


def test_text_expectations_read_by_yaml_as_booleans_or_numbers_are_text():
    expect = Expect.model_validate(yaml.safe_load("text_contains: [[yes, required], 800]"))
    assert expect.text_contains == [["yes", "required"], "800"]
    assert check_reply(expect, _reply(text="Yes, it is required. $800.")) == []


def test_attribute_names_with_spaces_in_constraints():
    c = ProductConstraint.parse("attributes.pet friendly contains yes")
    assert (c.field, c.op, c.value) == ("attributes.pet friendly", "contains", "yes")
    c = ProductConstraint.parse("attributes.set of in [2, 4]")
    assert (c.field, c.op, c.value) == ("attributes.set of", "in", ["2", "4"])
    assert ProductConstraint.parse("attributes.seats >= 6").value == 6.0
