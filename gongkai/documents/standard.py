"""The standard catalogue every deployment starts with: 主题分类, 体裁分类 and the disclosure column tree.

The subject categories are the State Council's 公文主题分类 as government sites use them; the column tree
follows the issue's list (公开指南, 公开制度, 法定主动公开内容 by 条例 Art 20, 公开年报, 规划信息, 财政信息,
重大决策, 政策解读 …). Both are data the office edits afterwards; the migration only seeds them, and
`seed(apps)` works on the historical models a migration passes in.
"""

TOPICS = (
    "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通",
    "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版",
    "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾",
    "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
)

# (name, has_validity, needs_interpretation)
GENRES = (
    ("规章", True, True),
    ("规范性文件", True, True),
    ("其他政策文件", False, True),
    ("政策解读", False, False),
    ("规划", False, False),
    ("计划总结", False, False),
    ("统计信息", False, False),
    ("预算决算", False, False),
    ("通知公告", False, False),
    ("工作动态", False, False),
    ("人事信息", False, False),
    ("行政许可", False, False),
    ("行政处罚", False, False),
    ("应急管理", False, False),
    ("会议纪要", False, False),
    ("其他", False, False),
)

# (slug, name, update class, 条例 Art 20 item, children) — update class: news / policy / none.
COLUMNS = (
    ("guide", "公开指南", "none", None, ()),
    ("rules", "公开制度", "none", None, ()),
    ("statutory", "法定主动公开内容", "none", None, (
        ("functions", "机构职能", "none", 2, ()),
        ("policies", "政策文件", "policy", 1, ()),
        ("plans", "规划信息", "policy", 3, (
            ("development", "发展规划", "policy", 3, ()),
            ("spatial", "国土空间规划", "policy", 3, ()),
            ("special", "专项规划", "policy", 3, ()),
            ("regional", "区域规划", "policy", 3, ()),
            ("history", "历史规划", "none", 3, ()),
        )),
        ("statistics", "统计信息", "policy", 4, ()),
        ("licensing", "行政许可", "policy", 5, ()),
        ("enforcement", "行政处罚和行政强制", "policy", 6, ()),
        ("finance", "财政信息", "policy", 7, (
            ("budget", "预算", "policy", 7, ()),
            ("final-accounts", "决算", "policy", 7, ()),
            ("debt", "政府债务", "policy", 7, ()),
        )),
        ("fees", "行政事业性收费", "policy", 8, ()),
        ("procurement", "政府采购", "policy", 9, ()),
        ("projects", "重大建设项目", "policy", 10, ()),
        ("livelihood", "民生领域", "policy", 11, ()),
        ("emergency", "应急管理", "policy", 12, ()),
        ("inspections", "监督检查", "policy", 13, ()),
        ("recruitment", "公务员招考", "policy", 14, ()),
        ("other", "其他法定公开内容", "none", 15, ()),
    )),
    ("news", "工作动态", "news", None, ()),
    ("notices", "通知公告", "policy", None, ()),
    ("decisions", "重大决策", "policy", None, ()),
    ("interpretations", "政策解读", "policy", None, ()),
    ("annual-reports", "公开年报", "none", None, ()),
)


def ensure_standard_catalogue():
    """The standard categories and column tree, where missing (migration 0002 seeds them; a flushed test
    database or a database restored without them gets them back). Existing rows are left as they are."""
    from django.apps import apps

    seed(apps)


def seed(apps):
    Category = apps.get_model("documents", "Category")
    Column = apps.get_model("documents", "Column")
    for order, name in enumerate(TOPICS):
        Category.objects.get_or_create(kind="topic", name=name, defaults={"order": order})
    for order, (name, has_validity, needs_interpretation) in enumerate(GENRES):
        Category.objects.get_or_create(kind="genre", name=name, defaults={
            "order": order, "has_validity": has_validity, "needs_interpretation": needs_interpretation})

    def add(entries, parent):
        for order, (slug, name, update_class, item, children) in enumerate(entries):
            column, _created = Column.objects.get_or_create(
                parent=parent, slug=slug, unit=None,
                defaults={"name": name, "order": order, "update_class": update_class, "article20_item": item})
            add(children, column)

    add(COLUMNS, None)
