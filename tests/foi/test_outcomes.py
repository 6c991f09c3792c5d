"""Closure codes, their rows of annual-report table 三, the letter each needs, and the library of grounds."""

from collections import Counter

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils.translation import override

from gongkai.foi import grounds, outcomes
from gongkai.foi.outcomes import ClosureCode as C
from gongkai.foi.outcomes import LetterKind as K
from gongkai.foi.outcomes import ReasonDetail as D

# rules.md §2.8 and §5.2, copied by hand: the test checks the data against the written rules.
SPEC = [
    ("disclosed", "（一）予以公开", ""),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("withheld_state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("withheld_law_forbids", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld_security", "（三）不予公开", "3.危及\"三安全一稳定\""),
    ("withheld_third_party", "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld_internal", "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld_process", "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld_case_file", "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld_admin_query", "（三）不予公开", "8.属于行政查询事项"),
    ("unavailable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unavailable_still_unclear", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("not_processed_petition", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed_repeat", "（五）不予处理", "2.重复申请"),
    ("not_processed_publication", "（五）不予处理", "3.要求提供公开出版物"),
    ("not_processed_excessive", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("not_processed_confirm", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_fee_unpaid", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other", "（六）其他处理", "3.其他"),
]


@pytest.fixture(autouse=True)
def english():
    """These tests read the English msgids; the deployment's Chinese is checked in the page tests."""
    with override("en"):
        yield


def test_twenty_one_codes_fit_in_their_column():
    assert len(C) == 21 == len(SPEC)
    assert max(len(code) for code in C.values) <= outcomes.CODE_MAX_LENGTH


def test_every_code_feeds_exactly_one_row_and_every_row_has_a_code():
    rows = outcomes.table3_rows()
    counted = Counter(code for row in rows for code in row.codes)
    assert counted == Counter(C.values)  # each of the 21 codes once, nothing else
    assert all(row.codes for row in rows)


def test_rows_are_in_table_order_with_the_statutory_labels():
    assert [(row.block, row.row_label_zh) for row in outcomes.table3_rows()] == [(b, r) for _, b, r in SPEC]
    assert outcomes.TABLE3_BLOCKS == ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                                      "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")
    assert outcomes.TOTAL_LABEL == "（七）总计"


@pytest.mark.parametrize(("code", "block", "row"), SPEC)
def test_each_decision_and_its_row(code, block, row):
    found = outcomes.row_for(code)
    assert (found.block, found.row_label_zh) == (block, row)
    assert found.label == (row or block)


def test_a_code_is_accepted_as_member_or_value():
    assert outcomes.row_for(C.NOT_PROCESSED_REPEAT) == outcomes.row_for("not_processed_repeat")
    with pytest.raises(ValueError):
        outcomes.row_for("withdrawn")


@override_settings(GONGKAI_FOI_TABLE3_OVERRIDES={
    "WITHHELD_ADMIN_QUERY": ("（五）不予处理", "3.要求提供公开出版物"),
    "unavailable_not_held": ["（四）无法提供", "2.没有现成信息需要另行制作"],
})
def test_the_mapping_can_be_moved_by_setting():
    assert outcomes.row_for(C.WITHHELD_ADMIN_QUERY).label == "3.要求提供公开出版物"
    assert outcomes.row_for(C.UNAVAILABLE_NOT_HELD).label == "2.没有现成信息需要另行制作"
    by_label = {row.label: row.codes for row in outcomes.table3_rows()}
    assert by_label["8.属于行政查询事项"] == ()  # the row stays in the table and counts nothing
    assert by_label["3.要求提供公开出版物"] == (C.WITHHELD_ADMIN_QUERY, C.NOT_PROCESSED_PUBLICATION)  # code order
    assert by_label["2.没有现成信息需要另行制作"] == (C.UNAVAILABLE_NOT_HELD, C.UNAVAILABLE_NEEDS_CREATION)
    assert Counter(code for codes in by_label.values() for code in codes) == Counter(C.values)
    assert outcomes.row_for(C.WITHHELD_STATE_SECRET).label == "1.属于国家秘密"  # the others stay put


@pytest.mark.parametrize(("overrides", "message"), [
    ({"withdrawn": ("（六）其他处理", "3.其他")}, "'withdrawn' is not a closure code"),
    ({"partial": ("（三）不予公开", "9.其他")}, "is not a row of table 三"),
    ({"partial": "（一）予以公开"}, "is not a row of table 三"),
])
def test_a_bad_override_is_a_configuration_error(overrides, message):
    with override_settings(GONGKAI_FOI_TABLE3_OVERRIDES=overrides), pytest.raises(ImproperlyConfigured) as error:
        outcomes.row_for(C.PARTIAL)
    assert message in str(error.value)
    assert "GONGKAI_FOI_TABLE3_OVERRIDES" in str(error.value)


def test_reason_details():
    assert outcomes.reason_details(C.DISCLOSED) == (D.ALREADY_PUBLIC, D.PROVIDED)
    assert outcomes.reason_details(C.UNAVAILABLE_NOT_HELD) == (D.DOES_NOT_EXIST, D.NOT_THIS_AGENCY)
    assert [code for code in C if outcomes.reason_details(code)] == [C.DISCLOSED, C.UNAVAILABLE_NOT_HELD]


LETTERS = {
    (C.DISCLOSED, D.ALREADY_PUBLIC): K.DISCLOSURE, (C.DISCLOSED, D.PROVIDED): K.DISCLOSURE,
    (C.PARTIAL, ""): K.PARTIAL,
    **{(code, ""): K.WITHHELD for code in C if code.startswith("withheld_")},
    (C.UNAVAILABLE_NOT_HELD, D.DOES_NOT_EXIST): K.NOT_EXIST,
    (C.UNAVAILABLE_NOT_HELD, D.NOT_THIS_AGENCY): K.NOT_THIS_AGENCY,
    (C.UNAVAILABLE_NEEDS_CREATION, ""): K.UNAVAILABLE, (C.UNAVAILABLE_STILL_UNCLEAR, ""): K.UNAVAILABLE,
    (C.NOT_PROCESSED_PETITION, ""): K.NOT_PROCESSED, (C.NOT_PROCESSED_REPEAT, ""): K.REPEAT,
    (C.NOT_PROCESSED_PUBLICATION, ""): K.NOT_PROCESSED, (C.NOT_PROCESSED_EXCESSIVE, ""): K.NOT_PROCESSED,
    (C.NOT_PROCESSED_CONFIRM, ""): K.NOT_PROCESSED,
    (C.OTHER_NO_CORRECTION, ""): K.CLOSED, (C.OTHER_FEE_UNPAID, ""): K.CLOSED, (C.OTHER, ""): K.CLOSED,
}


def test_each_decision_has_its_letter():
    assert {code for code, _ in LETTERS} == set(C)
    for (code, detail), kind in LETTERS.items():
        assert outcomes.letter_kind_for(code, detail) == kind, (code, detail)
    assert set(LETTERS.values()) == outcomes.REPLY_KINDS  # every reply kind is some decision's letter
    assert outcomes.NOTICE_KINDS == {K.CORRECTION, K.EXTENSION, K.CONSULTATION, K.FEE}


def test_a_missing_or_stray_detail_is_refused_with_a_message():
    with override("en"):
        with pytest.raises(ValueError, match="Choose one of: Already disclosed proactively, Provided"):
            outcomes.letter_kind_for(C.DISCLOSED)
        with pytest.raises(ValueError, match="takes no further detail"):
            outcomes.letter_kind_for(C.PARTIAL, D.PROVIDED)
        assert outcomes.outcome_problems("withdrawn") == ["“withdrawn” is not a closure code."]
        assert outcomes.outcome_problems(C.UNAVAILABLE_NOT_HELD, D.ALREADY_PUBLIC) == [
            "Choose one of: The information does not exist, Not this agency's to disclose."]


def test_refusals_need_reasons_and_have_grounds_to_choose_from():
    assert {code for code in C if not outcomes.needs_reasons(code)} == {C.DISCLOSED, C.OTHER}
    for code in outcomes.REFUSALS:
        assert grounds.grounds_for(code), code


# --- the library of grounds -----------------------------------------------------------------------

def keys(found):
    return [ground.key for ground in found]


def test_library_entries_are_well_formed():
    assert len(grounds.BY_KEY) == len(grounds.GROUNDS)
    expected_articles = {"第十三条", "第十四条", "第十五条", "第十六条", "第三十条", "第三十二条", "第三十三条",
                         "第三十五条", "第三十六条", "第三十七条", "第三十八条", "第三十九条", "第四十条", "第四十二条"}
    assert expected_articles <= {ground.article.split("条")[0] + "条" for ground in grounds.GROUNDS}
    assert [g.article for g in grounds.GROUNDS if g.key.startswith("art36_")] == [
        f"第三十六条第（{n}）项" for n in "一二三四五六七"]
    for ground in grounds.GROUNDS:
        assert ground.text and not ground.text.endswith(("。", "；")), ground.key
        assert ground.codes or ground.kinds, ground.key  # every entry is offered somewhere
        assert ground.citation == "《中华人民共和国政府信息公开条例》" + ground.article


def test_quoted_text_of_key_articles():
    assert grounds.get("art14").text.startswith("依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息")
    assert grounds.get("art36_5").text.endswith("告知申请人该行政机关的名称、联系方式")
    assert "15个工作日" in grounds.get("art32").text and "视为同意公开" in grounds.get("art34").text


def test_grounds_offered_per_decision():
    assert keys(grounds.grounds_for(C.WITHHELD_PROCESS)) == ["art16_2", "art36_3"]
    assert keys(grounds.grounds_for(C.DISCLOSED, D.ALREADY_PUBLIC)) == ["art13", "art15", "art32", "art36_1", "art40"]
    assert "art36_2" in keys(grounds.grounds_for(C.DISCLOSED, D.PROVIDED))
    assert keys(grounds.grounds_for(C.UNAVAILABLE_NOT_HELD, D.NOT_THIS_AGENCY)) == ["art36_5"]
    assert keys(grounds.grounds_for(C.WITHHELD_ADMIN_QUERY)) == ["art36_7"]
    assert keys(grounds.grounds_for(C.OTHER)) == []
    assert keys(grounds.grounds_for_kind(K.CORRECTION)) == ["art30"]
    assert keys(grounds.grounds_for_kind(K.FEE)) == ["art42"]
    assert grounds.choices(C.NOT_PROCESSED_REPEAT) == [("art36_6", "第三十六条第（六）项 重复申请")]


def test_unknown_ground_has_a_readable_message():
    with override("en"), pytest.raises(KeyError) as error:
        grounds.get("art99")
    assert str(error.value) == "“art99” is not in the library of legal grounds."
    assert grounds.resolve(["art14", grounds.get("art14"), "art36_3"]) == [grounds.get("art14"), grounds.get("art36_3")]
