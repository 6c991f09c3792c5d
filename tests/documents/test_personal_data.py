"""The scan before publishing: unmasked identity and mobile numbers are found, masked ones are not,
and nothing the scan returns for a page shows a number in full."""

import pytest
from django.utils import translation

from gongkai.documents.personal_data import (
    ID_NUMBER,
    MOBILE,
    id_check_char,
    is_id_number,
    mask_all,
    scan,
)


def id_number(first17):
    return first17 + id_check_char(first17)


# 辽宁省沈阳市和平区 (210102), born 1990-03-07; and one whose check character is X.
ID = id_number("21010219900307123")
ID_X = id_number("11010519491231002")
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def kinds(text):
    return [(f.kind, f.text) for f in scan(text)]


def test_check_characters_follow_gb_11643():
    # Worked example of the standard: 11010519491231002X.
    assert id_check_char("11010519491231002") == "X"
    assert id_check_char("44052418800101001") == "4"
    assert ID_X.endswith("X")


def test_an_identity_number_with_its_check_digit_is_found():
    assert kinds(f"申请人身份证号：{ID}。") == [(ID_NUMBER, ID)]
    assert kinds(f"身份证号{ID_X}") == [(ID_NUMBER, ID_X)]
    assert kinds(f"身份证号{ID_X.lower()}") == [(ID_NUMBER, ID_X.lower())]


def test_a_wrong_check_digit_is_not_an_identity_number():
    wrong = ID[:17] + str((int(ID[17]) + 1) % 10 if ID[17] != "X" else 0)
    assert not is_id_number(wrong)
    assert scan(f"编号{wrong}") == []


@pytest.mark.parametrize("birth", ["19900230", "19901301", "18991231", "20990101", "19900000"])
def test_an_impossible_birth_date_is_not_an_identity_number(birth):
    assert scan("号码" + id_number("210102" + birth + "123")) == []


def test_an_unknown_region_is_not_an_identity_number():
    assert scan("号码" + id_number("99010219900307123")) == []


def test_the_old_15_digit_form_is_found():
    assert kinds("旧证 210102900307123 号") == [(ID_NUMBER, "210102900307123")]
    assert scan("旧证 210102901307123 号") == []  # month 13


def test_findings_are_masked_first_6_last_4_for_ids_and_first_3_last_4_for_mobiles():
    id_finding, old_finding, mobile = scan(f"{ID}，210102900307123，13812345678")
    assert id_finding.masked == ID[:6] + "********" + ID[-4:]
    assert old_finding.masked == "210102*****7123"
    assert mobile.masked == "138****5678"


@pytest.mark.parametrize("text", [
    "210102********1234",
    "210102＊＊＊＊＊＊＊＊1234",
    "210102××××××××1234",
    "2101021990****1234",
    "138****5678",
    "138＊＊＊＊5678",
    "138××××5678",
    "138-****-5678",
    "+86 138 **** 5678",
])
def test_masked_forms_are_not_findings(text):
    assert scan(f"联系人：{text}。") == []


@pytest.mark.parametrize("text", [
    "13812345678",
    "138-1234-5678",
    "138 1234 5678",
    "+86 13812345678",
    "+86-138-1234-5678",
    "8613812345678",
    "+8613812345678",
    "19912345678",
])
def test_mobile_numbers_are_found_with_separators_and_prefix(text):
    findings = scan(f"联系电话：{text}。")
    assert [f.kind for f in findings] == [MOBILE]
    assert findings[0].text == text


def test_the_prefix_stays_readable_and_separators_stay_in_the_masked_form():
    assert scan("电话 +86 138 1234 5678")[0].masked == "+86 138 **** 5678"
    assert scan("电话 138-1234-5678")[0].masked == "138-****-5678"


@pytest.mark.parametrize("text", [
    "账号 62220213812345678901",  # 20 digits hold 1381234567 8901…
    "账号 6222021381234567890",
    "单号 213812345678",
    "单号 138123456789",
    "编号 12-13812345678",
    "编号 13812345678-1",
    "电话 12812345678",  # 12x is no mobile prefix
    "电话 024-23456789",  # a landline
    "1381234567",  # ten digits
])
def test_numbers_inside_longer_digit_runs_or_not_mobiles_are_not_findings(text):
    assert scan(text) == []


def test_an_identity_number_is_not_also_reported_as_a_mobile():
    number = id_number("13010219900307123")  # starts like a mobile: 130…
    assert kinds(f"证号{number}") == [(ID_NUMBER, number)]


def test_full_width_digits_are_found_and_masked_in_place():
    text = f"身份证{ID.translate(FULL_WIDTH)}，手机１３８１２３４５６７８"
    findings = scan(text)
    assert [f.kind for f in findings] == [ID_NUMBER, MOBILE]
    assert findings[1].masked == "１３８****５６７８"
    assert mask_all(text) == f"身份证{ID[:6].translate(FULL_WIDTH)}********{ID[-4:].translate(FULL_WIDTH)}，手机１３８****５６７８"


def test_context_shows_the_surroundings_with_every_number_in_it_masked():
    text = f"经办人王某，身份证号{ID}，手机13812345678，其余略。"
    findings = scan(text)
    masked_id = ID[:6] + "********" + ID[-4:]
    assert findings[0].context == f"经办人王某，身份证号{masked_id}，手机138****5678，其余略。"
    assert findings[1].context == f"…{masked_id[1:]}，手机138****5678，其余略。"
    for finding in findings:
        assert ID[6:14] not in finding.context and "13812345678" not in finding.context


def test_context_is_short_and_marks_what_it_leaves_out():
    finding = scan("前" * 100 + "13812345678" + "后" * 100)[0]
    assert finding.context == "…" + "前" * 20 + "138****5678" + "后" * 20 + "…"


def test_positions_point_at_the_number_in_the_text():
    text = f"甲13812345678乙{ID}"
    for finding in scan(text):
        assert text[finding.start:finding.end] == finding.text


def test_mask_all_masks_every_finding_and_nothing_else():
    text = f"申请人身份证号{ID}，电话 138-1234-5678，账号 62220213812345678901，已脱敏 139****0000。"
    assert mask_all(text) == (
        f"申请人身份证号{ID[:6]}********{ID[-4:]}，电话 138-****-5678，账号 62220213812345678901，已脱敏 139****0000。"
    )
    assert scan(mask_all(text)) == []


def test_html_bodies_are_scanned_and_masked_only_between_tags():
    body = (
        '<p data-phone="13912345678">联系人：<b>13812345678</b></p>'
        '<p><a href="https://example.cn/u/13712345678">链接</a></p>'
        f'<table><tr><td>{ID}</td><td>13612345678</td></tr></table>'
        "<!-- 13512345678 -->"
    )
    assert [f.text for f in scan(body)] == ["13812345678", ID, "13612345678"]
    assert mask_all(body) == (
        '<p data-phone="13912345678">联系人：<b>138****5678</b></p>'
        '<p><a href="https://example.cn/u/13712345678">链接</a></p>'
        f'<table><tr><td>{ID[:6]}********{ID[-4:]}</td><td>136****5678</td></tr></table>'
        "<!-- 13512345678 -->"
    )


def test_numbers_in_neighbouring_cells_do_not_run_together():
    assert scan("<table><tr><td>1381234</td><td>5678</td></tr></table>") == []


def test_html_context_has_no_tags_and_decoded_entities():
    finding = scan("<p>张三&nbsp;&amp;<b>13812345678</b></p>")[0]
    assert finding.context == "张三 & 138****5678"


def test_empty_text_has_no_findings():
    assert scan("") == []
    assert mask_all("") == ""


def test_finding_kinds_have_chinese_labels():
    finding_id, finding_mobile = scan(f"{ID} 13812345678")
    with translation.override("zh-hans"):
        assert str(finding_id.label) == "身份证号"
        assert str(finding_mobile.label) == "手机号码"
