"""Demo disclosure guides (公开指南) for the Shenyang units: offices, addresses, hours and contacts as a
Shenyang unit would publish them. The numbers are made up (024-2xxxxxxx); the addresses are the kind of
address each body has. Two units are left as a real city has them: 沈阳公共资源交易中心 without office
hours (an incomplete guide) and 市委网信办, a party office, without a guide.
"""

from gongkai.documents.guide import edit_guide

HOURS = "工作日上午8:30—11:30，下午13:00—17:00（法定节假日除外）"
CITY_HALL = ("沈阳市沈河区市府大路260号", "110013")

# official name: (office, address, post code); the others get their district's address below.
ADDRESSES = {
    "沈阳市人民政府": ("沈阳市人民政府办公室（政务公开办公室）", *CITY_HALL),
    "沈阳市人民政府办公室": ("政务公开办公室", *CITY_HALL),
    "沈阳市发展和改革委员会": ("办公室（政务公开科）", *CITY_HALL),
    "沈阳市自然资源局": ("办公室（政务公开科）", "沈阳市沈河区北站路99号", "110013"),
    "沈阳市财政局": ("办公室（政务公开科）", "沈阳市沈河区市府大路260号", "110013"),
    "沈阳市司法局": ("办公室", "沈阳市沈河区北一经街57号", "110011"),
    "沈阳市营商环境建设局": ("办公室（政务公开科）", "沈阳市浑南区浑南中路49号", "110179"),
    "沈阳市市场监督管理局": ("办公室（政务公开科）", "沈阳市沈河区惠工街10号", "110013"),
    "沈阳市卫生健康委员会": ("办公室（政务公开科）", "沈阳市和平区南京北街170号", "110001"),
    "沈阳市文化旅游和广播电视局": ("办公室", "沈阳市沈河区市府大路260号", "110013"),
    "沈阳市交通运输局": ("办公室（政务公开科）", "沈阳市和平区南五马路183号", "110001"),
    "沈阳市信息中心": ("综合部", "沈阳市沈河区市府大路260号", "110013"),
    "沈阳公共资源交易中心": ("综合办公室", "沈阳市浑南区浑南中路49号", "110179"),
    "沈阳市人民政府新闻办公室": ("综合处", *CITY_HALL),
    "和平区人民政府": ("和平区人民政府办公室（政务公开科）", "沈阳市和平区南京南街215号", "110001"),
    "沈河区人民政府": ("沈河区人民政府办公室（政务公开科）", "沈阳市沈河区青年大街119号", "110011"),
    "大东区人民政府": ("大东区人民政府办公室（政务公开科）", "沈阳市大东区东北大马路245号", "110041"),
    "皇姑区人民政府": ("皇姑区人民政府办公室（政务公开科）", "沈阳市皇姑区黄河南大街38号", "110031"),
    "铁西区人民政府": ("铁西区人民政府办公室（政务公开科）", "沈阳市铁西区北二中路6号", "110021"),
    "苏家屯区人民政府": ("苏家屯区人民政府办公室（政务公开科）", "沈阳市苏家屯区枫杨路151号", "110101"),
    "浑南区人民政府": ("浑南区人民政府办公室（政务公开科）", "沈阳市浑南区沈营路29号", "110169"),
    "沈北新区人民政府": ("沈北新区管委会办公室（政务公开科）", "沈阳市沈北新区道义南大街39号", "110121"),
    "于洪区人民政府": ("于洪区人民政府办公室（政务公开科）", "沈阳市于洪区黄海路98号", "110141"),
    "辽中区人民政府": ("辽中区人民政府办公室（政务公开科）", "沈阳市辽中区蒲东街道政府路1号", "110200"),
    "康平县人民政府": ("康平县人民政府办公室（政务公开科）", "沈阳市康平县康平镇胜利街", "110500"),
    "法库县人民政府": ("法库县人民政府办公室（政务公开科）", "沈阳市法库县法库镇正阳街", "110400"),
    "新民市人民政府": ("新民市人民政府办公室（政务公开科）", "沈阳市新民市新柳街道东一路", "110300"),
}
WITHOUT_HOURS = {"沈阳公共资源交易中心"}
WITHOUT_GUIDE = {"中共沈阳市委网络安全和信息化委员会办公室"}

SCOPE = ("本机关主动公开的政府信息包括：机构职能、政策文件、规划信息、财政预决算、行政许可和行政处罚、"
         "政府采购、重大建设项目等法定主动公开内容，通过本机关政府信息公开专栏、沈阳市人民政府公报和"
         "政务服务大厅查阅点公开，自信息形成或变更之日起20个工作日内公开。")
HOW_TO_APPLY = ("公民、法人或者其他组织可以通过“中国沈阳”政府网站在线申请、信函或当面提交申请。"
                "申请应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号"
                "或者便于查询的其他特征性描述，以及获取信息的方式和途径。本机关自收到申请之日起20个工作日内"
                "予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。")
REMEDIES = ("申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者沈阳市人民政府"
            "政务公开办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。")


def _district_office(name):
    """A district government's 政府办公室 shares its government's building."""
    government = name.replace("人民政府办公室", "人民政府")
    if government in ADDRESSES:
        _office, address, postcode = ADDRESSES[government]
        return ("综合科", address, postcode)
    return None


def load_guides(units):
    """Fill the guides of `units` (idempotent: a second run changes nothing and records nothing)."""
    written = []
    for number, unit in enumerate(sorted(units, key=lambda u: u.name)):
        if unit.name in WITHOUT_GUIDE:
            continue
        place = ADDRESSES.get(unit.name) or _district_office(unit.name) or ("办公室", *CITY_HALL)
        office, address, postcode = place
        phone = f"024-2{2380000 + number * 13579 % 1000000:07d}"
        fax = f"024-2{2390000 + number * 13579 % 1000000:07d}"
        fields = {
            "office_name": office if ("人民政府" in office or "管委会" in office) else f"{unit.name}{office}",
            "address": address, "postcode": postcode, "phone": phone, "fax": fax,
            "hours": "" if unit.name in WITHOUT_HOURS else HOURS,
            "email": f"zwgk{number + 1:02d}@shenyang.gov.cn",
            "scope": SCOPE, "how_to_apply": HOW_TO_APPLY, "remedies": REMEDIES,
        }
        written.append(edit_guide(actor=None, unit=unit, fields=fields))
    return written
