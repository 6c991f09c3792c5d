"""Small listings for the import tests, written the way old sites export them."""

import io
import json

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HEADER = ["标题", "正文", "发布机构", "文号", "成文日期", "发布日期", "主题分类", "体裁分类", "关键词", "公开属性",
          "有效性", "栏目", "附件", "原网址"]


def doc(**fields):
    """One gongkai.document/v1 line's object: a proactive notice of 沈河区政府 unless told otherwise."""
    return {"format": "gongkai.document/v1", "title": "沈河区人民政府关于开展老旧小区改造的通知",
            "body": "为推进老旧小区改造，现将有关事项通知如下。", "unit": "沈河区政府", "number": "沈政发〔2021〕3号",
            "written": "2021-03-01", "published": "2021-03-05", "topic": "城乡建设、环境保护", "genre": "通知公告",
            "keywords": ["老旧小区", "改造"], "attribute": "主动公开", "validity": "", "columns": ["通知公告"],
            "attachments": [], "url": "", **fields}


def jsonl(*docs):
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in docs).encode("utf-8") + b"\n"


def csv_text(rows, header=HEADER):
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def xlsx(rows, header=HEADER):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CSV_ROW = ["沈河区人民政府关于开展老旧小区改造的通知", "为推进老旧小区改造。", "沈河区政府", "沈政发〔2021〕3号",
           "2021/3/1", "2021年3月5日", "城乡建设、环境保护", "通知公告", "老旧小区；改造、民生", "主动公开", "",
           "通知公告", "", "http://www.shenhe.gov.cn/zwgk/2021/0305.html"]
