"""Write the demo's documents (data/documents.jsonl, format gongkai.document/v1) and their small attachments.

Run `python -m gongkai.demo.make_documents` after changing the templates; the committed JSONL is what
`gongkai demo` imports. The output is deterministic (a seeded random, dates from the official working-day
calendar), so a regenerated file differs only where the templates changed.

The documents follow the Shenyang 2021 plan's items (planning information, market-supervision rules,
budgets and debt, epidemic information, normative documents with their validity, major decisions,
营商环境, 老旧小区改造, the 12345 hotline …), are issued by units of the demo directory, and are dated
from January 2025 to November 2026: the demo's today is early December 2026. A few are published more
than 20 working days after they were written, and some units' news columns have gone quiet, so the
timeliness and freshness figures have something to show. Links between documents (interpretations,
amendments, the gazette, special topics) are not part of the format; gongkai/demo/documents.py adds them.
"""

import datetime
import io
import json
import random
import zipfile
from pathlib import Path

import chinese_calendar

DATA = Path(__file__).resolve().parent / "data"
OUTPUT = DATA / "documents.jsonl"
FILES = DATA / "documents"
FORMAT = "gongkai.document/v1"
LAST_DAY = datetime.date(2026, 11, 30)  # nothing after the demo's today (early December 2026)
FIRST_DAY = datetime.date(2025, 1, 2)

# key: (official name, short name used in bodies, 文号 prefix of its normative/official documents)
UNITS = {
    "szf": ("沈阳市人民政府", "市政府", "沈政发"),
    "szfb": ("沈阳市人民政府办公室", "市政府办公室", "沈政办发"),
    "fgw": ("沈阳市发展和改革委员会", "市发展改革委", "沈发改发"),
    "zrzy": ("沈阳市自然资源局", "市自然资源局", "沈自然资发"),
    "czj": ("沈阳市财政局", "市财政局", "沈财发"),
    "sfj": ("沈阳市司法局", "市司法局", "沈司发"),
    "ysj": ("沈阳市营商环境建设局", "市营商局", "沈营商发"),
    "scj": ("沈阳市市场监督管理局", "市市场监管局", "沈市监发"),
    "wjw": ("沈阳市卫生健康委员会", "市卫生健康委", "沈卫健发"),
    "wlj": ("沈阳市文化旅游和广播电视局", "市文旅局", "沈文旅发"),
    "jtj": ("沈阳市交通运输局", "市交通局", "沈交发"),
    "xxzx": ("沈阳市信息中心", "市信息中心", ""),
    "jyzx": ("沈阳公共资源交易中心", "市公共资源交易中心", ""),
    "xwb": ("沈阳市人民政府新闻办公室", "市政府新闻办", ""),
    "hp": ("和平区人民政府", "和平区政府", "沈和政发"),
    "sh": ("沈河区人民政府", "沈河区政府", "沈河政发"),
    "shb": ("沈河区人民政府办公室", "沈河区政府办", "沈河政办发"),
    "dd": ("大东区人民政府", "大东区政府", "沈东政发"),
    "hg": ("皇姑区人民政府", "皇姑区政府", "沈皇政发"),
    "tx": ("铁西区人民政府", "铁西区政府", "沈铁政发"),
    "hn": ("浑南区人民政府", "浑南区政府", "沈浑政发"),
    "yh": ("于洪区人民政府", "于洪区政府", "沈于政发"),
    "kp": ("康平县人民政府", "康平县政府", "康政发"),
    "xm": ("新民市人民政府", "新民市政府", "新政发"),
}
DISTRICTS = ("hp", "sh", "dd", "hg", "tx", "hn", "yh", "kp", "xm")

ADDRESSEES = {
    "city": "各区、县（市）人民政府，市政府各部门、各直属单位：",
    "department": "各区、县（市）有关部门，局属各单位：",
    "district": "各街道办事处，区政府各部门、各直属单位：",
}

# Each theme: what a policy on it is for, the law it rests on, whom it covers, and its measures
# (a heading and a sentence), reused as a plan's tasks, a rule's articles and an interpretation's summary.
THEMES = {
    "laojiu": {
        "purpose": "加快推进城镇老旧小区改造，改善居民居住条件，推动建设安全健康、设施完善、管理有序的完整居住社区",
        "law": "《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）",
        "scope": "2000年底前建成、失养失修失管、市政配套设施不完善、社区服务设施不健全、居民改造意愿强烈的住宅小区",
        "keywords": ["老旧小区改造", "完整社区", "城市更新"],
        "tasks": [
            ("明确改造内容", "改造内容分为基础类、完善类、提升类，优先实施供水、排水、供热、燃气等管网改造和屋面防水、外墙保温等基础类项目。"),
            ("科学编制改造计划", "各区、县（市）按照“一区一策、一小区一方案”的要求，摸清底数，建立项目储备库，分年度确定改造清单并向社会公示。"),
            ("健全居民参与机制", "改造前广泛征求居民意见，改造方案须经小区专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决同意。"),
            ("多渠道筹集资金", "统筹中央补助资金、地方政府专项债券和社会资本，落实居民出资责任，鼓励专业经营单位出资参与管线设施改造。"),
            ("加强质量安全监管", "严格落实工程建设各方主体责任，实行施工过程公示和居民监督员制度，竣工验收邀请居民代表参加。"),
            ("建立长效管理机制", "改造完成后同步建立健全小区党组织领导下的居委会、业委会、物业服务企业协调运行机制，实现物业管理全覆盖。"),
        ],
    },
    "yingshang": {
        "purpose": "持续优化营商环境，激发市场主体活力，打造办事方便、法治良好、成本竞争力强、生态宜居的营商环境",
        "law": "《优化营商环境条例》《辽宁省优化营商环境条例》",
        "scope": "本市各级行政机关和法律、法规授权的具有管理公共事务职能的组织",
        "keywords": ["营商环境", "一网通办", "市场主体"],
        "tasks": [
            ("深化“一网通办”", "推进政务服务事项全程网办，高频事项实现“掌上办”“就近办”，企业开办时间压缩至0.5个工作日以内。"),
            ("推行“免申即享”", "梳理可直接兑现的惠企政策清单，依托数据共享主动甄别符合条件的企业，实现政策资金直达快享。"),
            ("规范涉企执法检查", "全面推行“双随机、一公开”监管和包容审慎监管，对轻微违法行为依法不予处罚并加强指导。"),
            ("畅通政企沟通渠道", "健全营商环境问题线索办理机制，12345热线企业诉求实行分级办理、限时办结、回访评价。"),
            ("强化营商环境监督", "聘请营商环境监督员，开展营商环境评价，对损害营商环境的行为依法依规严肃问责。"),
        ],
    },
    "hotline": {
        "purpose": "进一步做好12345政务服务便民热线工作，提高诉求办理质量，更好倾听民意、解决民忧",
        "law": "《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）",
        "scope": "12345政务服务便民热线受理的群众和企业诉求的办理",
        "keywords": ["12345热线", "接诉即办", "诉求办理"],
        "tasks": [
            ("实行一号对外", "除110、119、120、122等紧急热线外，各部门政务服务热线统一归并至12345热线，实现一个号码服务企业和群众。"),
            ("规范办理时限", "一般诉求5个工作日内办结，复杂诉求15个工作日内办结，紧急诉求2小时内响应。"),
            ("推进接诉即办", "建立“派单—办理—回访—考核”闭环机制，对诉求集中的问题开展专项治理。"),
            ("加强知识库建设", "各承办单位及时更新政策问答，知识库信息变更后3个工作日内完成维护。"),
            ("强化考核评价", "按月通报各承办单位响应率、办结率和满意率，纳入年度绩效考核。"),
        ],
    },
    "gongkai": {
        "purpose": "深入贯彻《中华人民共和国政府信息公开条例》，全面推进政务公开标准化规范化，以公开促落实、促规范、促服务",
        "law": "《中华人民共和国政府信息公开条例》",
        "scope": "本市各级行政机关及法律、法规授权的具有管理公共事务职能的组织",
        "keywords": ["政务公开", "政府信息公开", "标准化规范化"],
        "tasks": [
            ("全面公开规划信息", "在政府信息公开平台“规划信息”栏目集中公开发展规划、国土空间规划、专项规划和区域规划，做好历史规划归集整理。"),
            ("推进规章和规范性文件公开到位", "落实公文公开属性源头认定，集中公开现行有效的规章和规范性文件，标注有效性。"),
            ("做好政策解读", "坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署，重要政策实现图解全覆盖。"),
            ("完善政府信息公开专栏", "统一栏目设置和数据标准，各单位信息“一次发布、多处同步”，确保数据一致。"),
            ("开展历史专题归档", "对已完成阶段性任务的专题专栏及时归档，确保信息可查可用。"),
            ("依法办理依申请公开", "严格按照法定时限答复，规范答复文书，降低行政复议纠错率。"),
        ],
    },
    "shichang": {
        "purpose": "强化市场监管规则标准和监管执法信息公开，维护公平竞争的市场秩序",
        "law": "《中华人民共和国行政处罚法》《市场监管领域部门联合抽查事项清单》",
        "scope": "本市行政区域内的各类市场主体",
        "keywords": ["双随机一公开", "市场监管", "公平竞争"],
        "tasks": [
            ("公开市场准入负面清单", "通过政府网站和各级政务服务大厅公开全国统一的市场准入负面清单，并根据调整情况实时更新。"),
            ("完善“双随机、一公开”", "制定年度抽查计划，随机抽取检查对象、随机选派执法检查人员，抽查结果20个工作日内向社会公开。"),
            ("推进跨部门联合监管", "依托“互联网+监管”平台，对同一市场主体的多个检查事项合并实施，减少对企业正常经营的干扰。"),
            ("公开执法信息", "行政处罚决定作出之日起7个工作日内公开，做好反不正当竞争案件执法信息发布。"),
            ("实施信用分级分类监管", "根据企业信用风险等级确定抽查比例和频次，对守信主体“无事不扰”。"),
        ],
    },
    "caizheng": {
        "purpose": "全面实施预算绩效管理，提高财政资源配置效率和资金使用效益",
        "law": "《中华人民共和国预算法》《中共中央 国务院关于全面实施预算绩效管理的意见》",
        "scope": "市本级各部门和单位使用财政资金的全部收支",
        "keywords": ["预算绩效", "财政资金", "绩效评价"],
        "tasks": [
            ("实行绩效目标管理", "各部门申请预算时同步设置绩效目标，未按要求设置绩效目标的项目不得纳入项目库。"),
            ("开展绩效运行监控", "对重点项目绩效目标实现程度和预算执行进度实行“双监控”，发现问题及时纠偏。"),
            ("全面开展绩效评价", "部门自评覆盖全部项目，财政部门对重大政策和项目开展重点评价。"),
            ("强化结果应用", "绩效评价结果与预算安排和政策调整挂钩，低效无效资金一律削减或取消。"),
            ("推进绩效信息公开", "重点项目绩效目标、绩效自评结果随同部门预算、决算向社会公开。"),
        ],
    },
    "zhaiwu": {
        "purpose": "持续深化地方政府债务信息公开，防范化解地方政府债务风险",
        "law": "《中华人民共和国预算法》《地方政府债务信息公开办法（试行）》",
        "scope": "本市各级政府债务限额、余额、发行、使用和偿还",
        "keywords": ["政府债务", "债务信息公开", "专项债券"],
        "tasks": [
            ("公开债务限额和余额", "随同预算公开上年末政府债务限额、余额，以及本年度债务限额和预算安排情况。"),
            ("公开债券发行信息", "每批债券发行前公开发行规模、品种、期限、利率和项目信息，发行后公开发行结果。"),
            ("公开债券资金使用", "按项目公开专项债券资金使用情况和项目建设进度。"),
            ("对接全国公开平台", "政府门户网站和市财政局网站与中国地方政府债券信息公开平台对接，确保信息一致。"),
        ],
    },
    "yiqing": {
        "purpose": "科学精准做好冬春季呼吸道传染病防控工作，保障人民群众生命安全和身体健康",
        "law": "《中华人民共和国传染病防治法》《中华人民共和国突发事件应对法》",
        "scope": "本市行政区域内的医疗卫生机构、学校、托幼机构、养老机构等重点场所",
        "keywords": ["传染病防控", "冬春季", "疫情信息"],
        "tasks": [
            ("加强监测预警", "落实多渠道监测，哨点医院每日报告流感样病例，疾控机构每周研判疫情形势。"),
            ("做好医疗救治", "二级以上医院全面开设发热门诊，统筹调配儿科、呼吸科医疗资源，保障重症救治。"),
            ("强化重点场所防控", "学校、托幼机构落实晨午检和因病缺勤追踪，养老机构做好健康监测和探视管理。"),
            ("推进疫苗接种", "做好流感疫苗等接种服务，重点人群应接尽接。"),
            ("及时发布权威信息", "按月发布法定传染病疫情概况，针对社会关切及时回应，做好健康科普宣传。"),
        ],
    },
    "guihua": {
        "purpose": "科学谋划未来发展，明确发展目标、主要任务和重大举措",
        "law": "《中共中央 国务院关于统一规划体系更好发挥国家发展规划战略导向作用的意见》",
        "scope": "规划期内本地区经济社会发展",
        "keywords": ["规划", "十五五", "高质量发展"],
        "tasks": [
            ("构建现代化产业体系", "做强先进装备制造、汽车及零部件等优势产业，培育机器人、集成电路等新兴产业。"),
            ("建设现代化都市圈", "推进沈阳现代化都市圈同城化发展，完善一体化交通网络。"),
            ("推进城市更新", "有序实施老旧小区、老旧街区、老旧厂区改造，完善城市功能。"),
            ("增进民生福祉", "健全多层次社会保障体系，推进优质教育医疗资源均衡布局。"),
            ("筑牢生态安全屏障", "持续打好蓝天、碧水、净土保卫战，推动绿色低碳发展。"),
        ],
    },
    "gongre": {
        "purpose": "加强城市供热管理，保障供热质量，维护供热单位和热用户的合法权益",
        "law": "《辽宁省城市供热条例》",
        "scope": "本市行政区域内城市供热的规划、建设、经营、使用和管理",
        "keywords": ["城市供热", "室温达标", "供热服务"],
        "tasks": [
            ("供热期", "本市供热期为每年11月1日至次年3月31日，遇异常天气可提前或延长供热。"),
            ("室温标准", "供热期内热用户卧室、起居室室温不低于18℃，供热单位应保证达标。"),
            ("服务监督", "供热单位应公开服务标准、收费标准和报修电话，接到报修后2小时内到达现场。"),
            ("设施维护", "供热单位应在供热期前完成设施检修和试运行，老旧管网纳入改造计划。"),
            ("退费规定", "因供热单位原因室温不达标的，按照规定向热用户退还相应热费。"),
        ],
    },
    "tingche": {
        "purpose": "加强停车场规划建设和管理，缓解停车难问题，改善城市交通秩序",
        "law": "《中华人民共和国道路交通安全法》《辽宁省实施〈中华人民共和国道路交通安全法〉办法》",
        "scope": "本市行政区域内停车场的规划、建设、使用和管理",
        "keywords": ["停车场", "停车管理", "智慧停车"],
        "tasks": [
            ("规划建设", "自然资源部门会同公安交管部门编制停车设施专项规划，新建建筑按标准配建停车泊位。"),
            ("错时共享", "鼓励机关、企事业单位内部停车场在夜间和节假日向社会开放。"),
            ("道路停车泊位", "道路停车泊位由公安交管部门会同城市管理部门设置，并向社会公布。"),
            ("智慧停车", "建设全市统一的智慧停车平台，实时公开泊位信息，推行无感支付。"),
            ("收费管理", "停车场经营者应明码标价，不得超过公示标准收费。"),
        ],
    },
    "shuju": {
        "purpose": "规范公共数据管理，促进公共数据共享开放和开发利用，提升政府治理能力",
        "law": "《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》",
        "scope": "本市行政机关和具有公共管理和服务职能的组织在依法履职过程中产生、收集的数据",
        "keywords": ["公共数据", "数据共享", "数据开放"],
        "tasks": [
            ("目录管理", "公共数据实行目录管理，各部门按照标准编制本部门公共数据目录并动态更新。"),
            ("共享为原则", "公共数据以共享为原则、不共享为例外，无条件共享数据通过共享平台直接获取。"),
            ("有序开放", "按照分级分类要求通过开放平台向社会开放，优先开放与民生紧密相关的数据。"),
            ("安全保障", "落实数据安全责任制，涉及个人信息的数据应当脱敏处理。"),
            ("监督考核", "公共数据工作情况纳入绩效考核，定期通报共享开放情况。"),
        ],
    },
    "xiaofei": {
        "purpose": "进一步释放消费潜力，促进消费提质升级，推动经济持续回升向好",
        "law": "《国务院办公厅关于进一步释放消费潜力促进消费持续恢复的意见》",
        "scope": "本市行政区域内的消费领域",
        "keywords": ["促进消费", "消费券", "以旧换新"],
        "tasks": [
            ("开展消费券活动", "分批次发放餐饮、零售、文旅等消费券，优先支持中小商户。"),
            ("推动以旧换新", "对个人消费者购买新能源汽车和家电产品给予补贴。"),
            ("培育消费场景", "打造夜经济集聚区和特色商业街区，发展首店经济。"),
            ("优化消费环境", "畅通消费投诉渠道，开展放心消费创建活动。"),
        ],
    },
    "wenlv": {
        "purpose": "推动文化和旅游深度融合发展，建设国际化旅游城市",
        "law": "《中华人民共和国旅游法》《中华人民共和国公共文化服务保障法》",
        "scope": "本市文化和旅游产业发展及公共文化服务",
        "keywords": ["文旅融合", "冰雪旅游", "公共文化服务"],
        "tasks": [
            ("打造精品线路", "围绕“一宫两陵”、工业遗产和冰雪资源，推出精品旅游线路。"),
            ("发展冰雪经济", "举办冰雪节等系列活动，培育冰雪运动、冰雪装备等业态。"),
            ("完善公共文化服务", "推进城市书房、文化驿站建设，实现公共文化设施免费开放。"),
            ("提升服务质量", "规范旅游市场秩序，开展旅游服务质量提升行动。"),
        ],
    },
    "jiaotong": {
        "purpose": "加快建设交通强市，构建安全、便捷、高效、绿色、经济的现代化综合交通运输体系",
        "law": "《交通强国建设纲要》",
        "scope": "本市综合交通运输体系建设",
        "keywords": ["综合交通", "公共交通", "交通强市"],
        "tasks": [
            ("完善对外通道", "加快高速铁路、高速公路建设，强化沈阳国家综合交通枢纽地位。"),
            ("优先发展公共交通", "优化公交线网，推进轨道交通与地面公交“两网融合”。"),
            ("提升农村公路", "推进“四好农村路”建设，实现具备条件的建制村通客车。"),
            ("发展智慧交通", "建设交通运行监测调度中心，推进出行信息服务一体化。"),
        ],
    },
    "fazhi": {
        "purpose": "规范重大行政决策程序，提高决策质量和效率，明确决策责任",
        "law": "《重大行政决策程序暂行条例》",
        "scope": "市政府重大行政决策的作出和调整程序",
        "keywords": ["重大行政决策", "依法决策", "公众参与"],
        "tasks": [
            ("决策事项目录", "市政府每年制定重大行政决策事项目录，经市政府常务会议审议后向社会公布。"),
            ("公众参与", "决策事项涉及社会公众切身利益的，应当通过听证会、座谈会、网络征求意见等方式听取意见，征求意见期一般不少于30日。"),
            ("专家论证和风险评估", "专业性、技术性较强的决策事项应当组织专家论证；可能引发社会稳定风险的应当开展风险评估。"),
            ("合法性审查", "决策草案提交审议前应当经司法行政部门合法性审查，未经审查或者审查不合法的不得提交审议。"),
            ("集体讨论决定", "重大行政决策出台前应当经市政府常务会议或者全体会议讨论。"),
            ("决策公布和后评估", "重大行政决策应当及时公布，并对实施效果适时开展后评估。"),
        ],
    },
    "jiaoyi": {
        "purpose": "规范公共资源交易活动，推进公共资源交易全流程电子化",
        "law": "《中华人民共和国招标投标法》《公共资源交易平台管理暂行办法》",
        "scope": "本市行政区域内工程建设项目招标投标、政府采购、土地使用权和矿业权出让等公共资源交易",
        "keywords": ["公共资源交易", "招标投标", "全流程电子化"],
        "tasks": [
            ("统一交易平台", "全市公共资源交易统一进入沈阳公共资源交易平台，做到应进必进。"),
            ("全流程电子化", "实现招标、投标、开标、评标、定标全流程电子化和远程异地评标。"),
            ("信息公开", "交易公告、中标结果、合同订立及履行信息依法全面公开。"),
            ("信用监管", "建立市场主体信用评价机制，对违法违规行为依法惩戒。"),
        ],
    },
    "yanglao": {
        "purpose": "加快发展居家社区养老服务，满足老年人多样化养老服务需求",
        "law": "《中华人民共和国老年人权益保障法》",
        "scope": "本市行政区域内的居家社区养老服务",
        "keywords": ["居家养老", "社区养老", "适老化改造"],
        "tasks": [
            ("建设社区养老服务设施", "新建住宅小区按标准配建养老服务设施，老旧小区通过改造补齐。"),
            ("发展老年助餐", "建设社区老年食堂和助餐点，为高龄、失能老年人提供送餐服务。"),
            ("推进适老化改造", "对特殊困难老年人家庭实施居家适老化改造。"),
            ("加强人才队伍", "开展养老护理员职业技能培训，落实入职奖补政策。"),
        ],
    },
    "huanjing": {
        "purpose": "加强城市绿化建设和管理，改善生态环境，建设公园城市",
        "law": "《城市绿化条例》",
        "scope": "本市城市规划区内绿地的规划、建设、保护和管理",
        "keywords": ["城市绿化", "公园城市", "生态环境"],
        "tasks": [
            ("规划控制", "城市绿地系统规划纳入国土空间规划，绿线内用地不得改作他用。"),
            ("建设标准", "新建居住区绿地率不低于30%，改建居住区不低于25%。"),
            ("保护管理", "禁止擅自砍伐、移植城市树木，古树名木实行挂牌保护。"),
            ("公众参与", "鼓励单位和个人以认建、认养等方式参与城市绿化。"),
        ],
    },
    "huiqi": {
        "purpose": "推动惠企政策直达快享，减轻企业负担，增强企业获得感",
        "law": "《优化营商环境条例》",
        "scope": "本市出台的涉企资金奖补和税费减免等政策",
        "keywords": ["免申即享", "惠企政策", "直达快享"],
        "tasks": [
            ("编制政策清单", "各政策制定部门梳理可“免申即享”的政策事项，编制清单并向社会公布。"),
            ("数据比对甄别", "依托企业数据库比对甄别符合条件的企业，主动推送政策。"),
            ("资金直达", "经企业确认后直接拨付资金，办理时限不超过10个工作日。"),
            ("监督问效", "定期公开政策兑现情况，接受社会监督。"),
        ],
    },
    "weixiu": {
        "purpose": "加强住宅专项维修资金管理，保障住宅共用部位、共用设施设备的维修和正常使用",
        "law": "《住宅专项维修资金管理办法》（建设部 财政部令第165号）",
        "scope": "本市行政区域内住宅专项维修资金的交存、使用、管理和监督",
        "keywords": ["住宅专项维修资金", "物业管理", "业主权益"],
        "tasks": [
            ("资金交存", "商品住宅业主按照所拥有物业的建筑面积交存首期维修资金。"),
            ("使用程序", "维修资金使用方案须经专有部分占建筑物总面积三分之二以上的业主且人数三分之二以上的业主同意。"),
            ("应急使用", "发生危及房屋安全等紧急情况的，可以按照应急程序直接申请使用维修资金。"),
            ("信息公开", "维修资金管理机构每年至少一次向业主公布维修资金交存、使用、增值收益和结存情况。"),
        ],
    },
    "diandong": {
        "purpose": "加强电动自行车管理，维护道路交通秩序，预防和减少火灾事故",
        "law": "《中华人民共和国道路交通安全法》《中华人民共和国消防法》",
        "scope": "本市行政区域内电动自行车的销售、登记、通行、停放、充电及其相关管理活动",
        "keywords": ["电动自行车", "安全充电", "道路交通"],
        "tasks": [
            ("销售管理", "销售的电动自行车应当符合国家强制性标准，禁止销售非法改装车辆。"),
            ("登记上牌", "电动自行车经公安机关交通管理部门登记后，方可上道路行驶。"),
            ("规范停放充电", "禁止在建筑物公共门厅、疏散通道、楼梯间停放电动自行车或者充电。"),
            ("充电设施建设", "新建住宅小区应当配套建设电动自行车集中停放和充电场所。"),
        ],
    },
}

CN_NUMBERS = "一二三四五六七八九十"


def cn(n):
    """1 → 一, 12 → 十二, 21 → 二十一 (enough for headings and articles)."""
    if n <= 10:
        return CN_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMBERS[ones - 1] if ones else "")


def cn_date(day):
    return f"{day.year}年{day.month}月{day.day}日"


def workday(day, forward=True):
    """The day itself when it is an official working day, else the next (or previous) one."""
    step = datetime.timedelta(days=1 if forward else -1)
    while not chinese_calendar.is_workday(day):
        day += step
    return day


def add_workdays(day, count):
    while count > 0:
        day += datetime.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            count -= 1
    return day


class Builder:
    def __init__(self, seed=2026):
        self.rng = random.Random(seed)
        self.documents = []

    def day_between(self, start, end):
        span = (end - start).days
        return workday(start + datetime.timedelta(days=self.rng.randint(0, max(0, span))))

    def add(self, *, unit, title, body, genre, topic, columns, keywords=(), written=None, published=None,
            number="", prefix="", attribute="主动公开", validity="", late=False, attachments=(), reason="", ground=""):
        """One document; `prefix` gets a 文号 in date order later. Published a few working days after it
        was written (more than 20 when `late`)."""
        if written and not published:
            delay = self.rng.randint(24, 40) if late else self.rng.choice((0, 1, 1, 2, 3, 5, 8))
            published = add_workdays(written, delay)
        published = min(published, workday(LAST_DAY, forward=False)) if published else published
        if written and published and written > published:
            written = published
        self.documents.append({
            "format": FORMAT, "title": title, "body": body, "unit": UNITS[unit][0], "number": number,
            "written": written.isoformat() if written else "", "published": published.isoformat() if published else "",
            "topic": topic, "genre": genre, "keywords": list(keywords), "attribute": attribute,
            "validity": validity, "columns": list(columns), "attachments": list(attachments), "url": "",
            "_prefix": prefix,
        })
        if attribute != "主动公开":
            # Not in the list of fields: the importer's own, for documents kept back (records.py).
            self.documents[-1] |= {"attribute_reason": reason, "legal_ground": ground}

    def numbered(self):
        """Give 文号 per prefix and year in the order the documents were written, with the gaps a real
        series has (not every document of a unit is in the demo)."""
        series = {}
        for document in sorted(self.documents, key=lambda d: (d["written"], d["title"])):
            prefix = document.pop("_prefix")
            if not prefix or document["number"]:
                continue
            year = document["written"][:4]
            last = series.get((prefix, year), self.rng.randint(0, 3))
            series[(prefix, year)] = last + self.rng.randint(1, 6)
            document["number"] = f"{prefix}〔{year}〕{series[(prefix, year)]}号"
        return sorted(self.documents, key=lambda d: (d["published"], d["unit"], d["title"]))


def paragraphs(*parts):
    return "\n\n".join(part for part in parts if part)


def tasks_text(theme, *, count=None, style="plan"):
    tasks = THEMES[theme]["tasks"][:count]
    if style == "articles":
        return [f"第{cn(i)}条　{heading}。{text}" for i, (heading, text) in enumerate(tasks, start=4)]
    return [f"（{cn(i)}）{heading}。{text}" for i, (heading, text) in enumerate(tasks, start=1)]


def issued_notice(b, *, unit, inner_title, theme, addressee, signer_day, kind="印发", extra=""):
    """The body of 关于印发《…》的通知: the covering notice, then the text it issues."""
    short = UNITS[unit][1]
    t = THEMES[theme]
    lines = [ADDRESSEES[addressee], f"现将《{inner_title}》印发给你们，请认真贯彻落实。{extra}".strip(),
             UNITS[unit][0], cn_date(signer_day), "（此件公开发布）", inner_title,
             f"为{t['purpose']}，根据{t['law']}，结合{our_place(unit)}实际，制定本{kind_word(inner_title)}。",
             "一、总体要求",
             f"坚持以人民为中心的发展思想，坚持问题导向、目标导向和结果导向，聚焦{t['keywords'][0]}的重点难点，"
             f"到{signer_day.year + 1}年底，相关工作机制更加健全，群众和企业满意度明显提升。",
             "二、主要任务", *tasks_text(theme),
             "三、保障措施",
             f"（一）加强组织领导。{short}牵头建立工作协调机制，各地区、各部门主要负责同志亲自部署、亲自推动。",
             "（二）强化督促检查。将工作落实情况纳入年度绩效考核，对推进不力的地区和部门予以通报。",
             "（三）做好宣传引导。通过政府网站、政务新媒体等渠道做好政策解读，及时回应社会关切。"]
    if kind == "印发":
        return paragraphs(*lines)
    return paragraphs(*lines[:1], *lines[6:])


def our_place(unit):
    """我市, 我区 or 我县 as the issuing government calls its own area."""
    return "我" + (UNITS[unit][0].split("人民政府")[0][-1] if unit in DISTRICTS or unit == "shb" else "市")


def kind_word(title):
    for word in ("办法", "规定", "细则", "方案", "计划", "意见", "措施", "规划", "要点", "清单", "指引"):
        if title.endswith(word) or f"{word}（" in title:
            return word
    return "方案"


def regulation_body(*, theme, title, order_no, meeting_day, effective):
    t = THEMES[theme]
    word = kind_word(title)
    head = (f"《{title}》已经{cn_date(meeting_day)}市政府第{cn(order_no % 30 + 10)}次常务会议讨论通过，现予公布，"
            f"自{cn_date(effective)}起施行。")
    articles = [
        f"第一条　为了{t['purpose']}，根据{t['law']}等有关法律、法规，结合本市实际，制定本{word}。",
        f"第二条　{t['scope']}，适用本{word}。",
        "第三条　市人民政府有关部门按照各自职责做好相关工作。区、县（市）人民政府负责本行政区域内的组织实施。",
        *tasks_text(theme, style="articles"),
    ]
    last = len(articles) + 1
    articles += [f"第{cn(last)}条　违反本{word}规定的，由有关部门依照相关法律、法规的规定予以处理。",
                 f"第{cn(last + 1)}条　本{word}自{cn_date(effective)}起施行。"]
    return paragraphs(head, "市　长　（签署）", cn_date(meeting_day + datetime.timedelta(days=7)), title,
                      "第一章　总　则", *articles[:3], "第二章　管理措施", *articles[3:-2], "第三章　附　则", *articles[-2:])


def html_table(caption, header, rows, intro=()):
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    paras = "".join(f"<p>{text}</p>" for text in intro)
    return f"{paras}<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# ---------------------------------------------------------------------------------------------------
# The documents


def rules(b):
    """规章 (市政府令), most in force; the old parking rule is repealed by the new one (documents.py links them)."""
    specs = [
        ("tingche", "沈阳市机动车停车管理暂行办法", datetime.date(2025, 1, 10), 101, "工业、交通"),
        ("gongre", "沈阳市城市供热管理办法", datetime.date(2025, 3, 18), 102, "城乡建设、环境保护"),
        ("shuju", "沈阳市公共数据管理办法", datetime.date(2025, 6, 12), 104, "综合政务"),
        ("weixiu", "沈阳市住宅专项维修资金管理办法", datetime.date(2025, 9, 23), 106, "城乡建设、环境保护"),
        ("diandong", "沈阳市电动自行车管理规定", datetime.date(2026, 3, 17), 109, "公安、安全、司法"),
        ("huanjing", "沈阳市城市绿化管理办法", datetime.date(2026, 6, 9), 111, "城乡建设、环境保护"),
        ("fazhi", "沈阳市重大行政决策程序规定", datetime.date(2026, 8, 18), 113, "综合政务"),
        ("tingche", "沈阳市停车场管理办法", datetime.date(2026, 10, 20), 115, "工业、交通"),
    ]
    for theme, title, day, order_no, topic in specs:
        effective = datetime.date(day.year + (day.month > 9), (day.month + 2) % 12 + 1, 1)
        body = regulation_body(theme=theme, title=title, order_no=order_no, meeting_day=day - datetime.timedelta(days=7),
                               effective=effective)
        b.add(unit="szf", title=title, body=body, genre="规章", topic=topic, number=f"沈阳市人民政府令第{order_no}号",
              columns=["政策文件"], keywords=THEMES[theme]["keywords"], written=day,
              validity="已废止" if "暂行" in title else "现行有效",
              late=title == "沈阳市住宅专项维修资金管理办法")


# (unit, theme, inner title, topic, addressee, validity, written, late, extra columns)
NORMATIVE = [
    ("szf", "laojiu", "沈阳市城镇老旧小区改造工作实施方案", "城乡建设、环境保护", "city", "已修改", (2025, 3, 6), False, ()),
    ("szf", "laojiu", "沈阳市城镇老旧小区改造工作实施方案（2026年修订）", "城乡建设、环境保护", "city", "现行有效", (2026, 4, 14), False, ("重大决策",)),
    ("szf", "yingshang", "沈阳市优化营商环境三年行动方案（2025—2027年）", "综合政务", "city", "现行有效", (2025, 2, 19), False, ("重大决策",)),
    ("szf", "xiaofei", "沈阳市促进消费若干措施", "商贸、海关、旅游", "city", "现行有效", (2026, 1, 8), False, ()),
    ("szf", "yanglao", "沈阳市加快发展居家社区养老服务实施意见", "民政、扶贫、救灾", "city", "现行有效", (2025, 7, 22), True, ("民生领域",)),
    ("szf", "shuju", "沈阳市公共数据共享开放实施细则", "综合政务", "city", "现行有效", (2025, 10, 28), False, ()),
    ("szfb", "hotline", "沈阳市进一步优化12345政务服务便民热线工作实施方案", "综合政务", "city", "现行有效", (2025, 4, 9), False, ()),
    ("szfb", "gongkai", "沈阳市政府信息公开保密审查办法", "综合政务", "city", "现行有效", (2025, 5, 13), False, ("公开制度",)),
    ("szfb", "fazhi", "沈阳市行政规范性文件制定和备案管理办法", "综合政务", "city", "现行有效", (2025, 8, 5), False, ()),
    ("szfb", "yiqing", "沈阳市2025年冬春季呼吸道传染病防控工作方案", "卫生、体育", "city", "失效", (2025, 1, 14), False, ("应急管理",)),
    ("szfb", "huiqi", "沈阳市惠企政策“免申即享”工作实施方案", "国民经济管理、国有资产监管", "city", "现行有效", (2026, 2, 24), False, ()),
    ("szfb", "jiaoyi", "沈阳市公共资源交易全流程电子化实施方案", "综合政务", "city", "现行有效", (2026, 5, 19), True, ()),
    ("fgw", "xiaofei", "沈阳市新能源汽车以旧换新补贴实施细则", "国民经济管理、国有资产监管", "department", "现行有效", (2026, 3, 3), False, ()),
    ("fgw", "shichang", "沈阳市市场准入负面清单落实工作指引", "国民经济管理、国有资产监管", "department", "现行有效", (2025, 6, 24), False, ()),
    ("czj", "caizheng", "沈阳市市级预算绩效管理办法", "财政、金融、审计", "department", "已修改", (2025, 4, 22), False, ()),
    ("czj", "caizheng", "沈阳市市级预算绩效管理办法（2026年修订）", "财政、金融、审计", "department", "现行有效", (2026, 7, 7), False, ()),
    ("czj", "weixiu", "沈阳市住宅专项维修资金使用管理实施细则", "财政、金融、审计", "department", "现行有效", (2026, 1, 20), False, ()),
    ("scj", "shichang", "沈阳市市场主体登记住所（经营场所）管理办法", "市场监管、安全生产监管", "department", "已废止", (2025, 2, 18), False, ()),
    ("scj", "shichang", "沈阳市市场主体登记住所（经营场所）申报承诺管理办法", "市场监管、安全生产监管", "department", "现行有效", (2026, 5, 12), False, ()),
    ("scj", "shichang", "沈阳市市场监管领域轻微违法行为不予处罚清单", "市场监管、安全生产监管", "department", "现行有效", (2025, 11, 4), True, ("行政处罚和行政强制",)),
    ("ysj", "huiqi", "沈阳市惠企政策“免申即享”实施办法（试行）", "国民经济管理、国有资产监管", "department", "现行有效", (2025, 12, 16), False, ()),
    ("ysj", "yingshang", "沈阳市营商环境监督员管理办法", "综合政务", "department", "现行有效", (2025, 9, 9), False, ()),
    ("wjw", "yiqing", "沈阳市医疗机构发热门诊设置管理规范", "卫生、体育", "department", "现行有效", (2025, 11, 18), False, ("应急管理",)),
    ("wlj", "wenlv", "沈阳市冰雪旅游发展扶持办法", "商贸、海关、旅游", "department", "现行有效", (2025, 10, 14), False, ()),
    ("jtj", "jiaotong", "沈阳市网络预约出租汽车经营服务管理实施细则", "工业、交通", "department", "现行有效", (2026, 6, 2), False, ()),
    ("sfj", "fazhi", "沈阳市行政执法公示办法", "公安、安全、司法", "department", "现行有效", (2026, 4, 28), False, ()),
    ("zrzy", "huanjing", "沈阳市城市绿线管理实施细则", "国土资源、能源", "department", "现行有效", (2026, 8, 25), False, ()),
    ("sh", "laojiu", "沈河区城镇老旧小区改造实施方案（2025—2027年）", "城乡建设、环境保护", "district", "现行有效", (2025, 4, 1), False, ()),
    ("sh", "yanglao", "沈河区社区老年助餐服务管理办法", "民政、扶贫、救灾", "district", "现行有效", (2026, 3, 24), False, ("民生领域",)),
    ("shb", "hotline", "沈河区12345政务服务便民热线诉求办理考核办法", "综合政务", "district", "现行有效", (2025, 8, 19), False, ()),
    ("hp", "laojiu", "和平区老旧街区更新改造实施方案", "城乡建设、环境保护", "district", "现行有效", (2025, 5, 27), False, ()),
    ("dd", "yingshang", "大东区优化营商环境若干措施", "综合政务", "district", "现行有效", (2026, 2, 10), True, ()),
    ("hg", "yanglao", "皇姑区居家适老化改造实施办法", "民政、扶贫、救灾", "district", "现行有效", (2025, 9, 16), False, ("民生领域",)),
    ("tx", "huiqi", "铁西区支持先进制造业高质量发展若干政策", "工业、交通", "district", "现行有效", (2026, 4, 21), False, ()),
    ("hn", "yingshang", "浑南区建设国际化营商环境示范区实施方案", "综合政务", "district", "现行有效", (2026, 6, 16), False, ()),
    ("yh", "laojiu", "于洪区城镇老旧小区改造项目管理办法", "城乡建设、环境保护", "district", "现行有效", (2025, 6, 10), False, ()),
    ("kp", "xiaofei", "康平县促进县域商业体系建设实施方案", "商贸、海关、旅游", "district", "现行有效", (2025, 7, 8), False, ()),
    ("xm", "yanglao", "新民市农村互助养老服务设施管理办法", "民政、扶贫、救灾", "district", "现行有效", (2025, 10, 21), False, ()),
]


def normative(b):
    for unit, theme, inner, topic, addressee, validity, day, late, extra in NORMATIVE:
        day = workday(datetime.date(*day))
        org = UNITS[unit][0]
        title = f"{org}关于印发{inner}的通知"
        if inner.endswith("实施意见"):
            title = f"{org}关于{inner.removeprefix('沈阳市').removesuffix('实施意见')}的实施意见"
        kind = "印发" if "印发" in title else "意见"
        extra_text = ""
        if validity == "失效":
            extra_text = "本方案有效期至2025年4月30日。"
        b.add(unit=unit, title=title, body=issued_notice(b, unit=unit, inner_title=inner, theme=theme,
                                                          addressee=addressee, signer_day=day, kind=kind, extra=extra_text),
              genre="规范性文件", topic=topic, columns=["政策文件", *extra], keywords=THEMES[theme]["keywords"],
              written=day, prefix=UNITS[unit][2] if unit != "szfb" else "沈政办发", validity=validity, late=late)


# (unit, theme, title, topic, columns, written, attribute)
POLICIES = [
    ("szfb", "gongkai", "沈阳市人民政府办公室关于印发沈阳市2025年政务公开工作要点的通知", "综合政务", ("政策文件", "公开制度"), (2025, 4, 15)),
    ("szfb", "gongkai", "沈阳市人民政府办公室关于印发沈阳市2026年政务公开工作要点的通知", "综合政务", ("政策文件", "公开制度"), (2026, 4, 9)),
    ("szfb", "gongkai", "沈阳市人民政府办公室关于做好2025年度政府信息公开工作年度报告编制发布工作的通知", "综合政务", ("通知公告",), (2025, 12, 23)),
    ("szfb", "hotline", "沈阳市人民政府办公室关于进一步规范12345热线企业诉求办理工作的通知", "综合政务", ("政策文件",), (2026, 7, 14)),
    ("szf", "guihua", "沈阳市人民政府关于推进沈阳现代化都市圈同城化发展的若干意见", "国民经济管理、国有资产监管", ("政策文件", "重大决策"), (2026, 5, 26)),
    ("szf", "laojiu", "沈阳市人民政府关于下达2026年城镇老旧小区改造计划的通知", "城乡建设、环境保护", ("政策文件",), (2026, 3, 10)),
    ("fgw", "shichang", "沈阳市发展和改革委员会关于做好《市场准入负面清单（2025年版）》落实工作的通知", "国民经济管理、国有资产监管", ("政策文件",), (2025, 5, 20)),
    ("fgw", "guihua", "沈阳市发展和改革委员会关于做好2026年重大项目谋划储备工作的通知", "国民经济管理、国有资产监管", ("政策文件", "重大建设项目"), (2026, 1, 13)),
    ("czj", "zhaiwu", "沈阳市财政局关于进一步做好地方政府债务信息公开工作的通知", "财政、金融、审计", ("政策文件", "财政信息/政府债务"), (2025, 6, 17)),
    ("czj", "caizheng", "沈阳市财政局关于做好2026年惠民惠农财政补贴资金“一卡通”发放信息公开工作的通知", "财政、金融、审计", ("政策文件", "民生领域"), (2026, 2, 3)),
    ("scj", "shichang", "沈阳市市场监督管理局关于印发2026年度“双随机、一公开”抽查工作计划的通知", "市场监管、安全生产监管", ("政策文件", "监督检查"), (2026, 3, 5)),
    ("scj", "shichang", "沈阳市市场监督管理局关于开展2025年反不正当竞争专项执法行动的通知", "市场监管、安全生产监管", ("政策文件",), (2025, 5, 8)),
    ("wjw", "yiqing", "沈阳市卫生健康委员会关于做好2025—2026年冬春季呼吸道传染病防控工作的通知", "卫生、体育", ("政策文件", "应急管理"), (2025, 11, 11)),
    ("wjw", "yiqing", "沈阳市卫生健康委员会关于进一步做好传染病疫情信息发布工作的通知", "卫生、体育", ("政策文件", "应急管理"), (2026, 4, 7)),
    ("ysj", "yingshang", "沈阳市营商环境建设局关于开展2026年营商环境评价工作的通知", "综合政务", ("政策文件",), (2026, 5, 6)),
    ("ysj", "hotline", "沈阳市营商环境建设局关于更新12345热线知识库的通知", "综合政务", ("通知公告",), (2025, 9, 2)),
    ("wlj", "wenlv", "沈阳市文化旅游和广播电视局关于举办2025—2026沈阳冰雪季系列活动的通知", "文化、广电、新闻出版", ("通知公告",), (2025, 11, 25)),
    ("jtj", "jiaotong", "沈阳市交通运输局关于优化调整2026年城市公交线网的通知", "工业、交通", ("通知公告", "民生领域"), (2026, 6, 23)),
    ("sh", "gongkai", "沈河区人民政府办公室关于推进基层政务公开标准化规范化工作的通知", "综合政务", ("政策文件",), (2025, 6, 3)),
    ("hn", "huiqi", "浑南区人民政府关于兑现2025年度惠企政策资金的通知", "国民经济管理、国有资产监管", ("政策文件",), (2026, 3, 31)),
    ("tx", "laojiu", "铁西区人民政府关于做好2026年老旧小区改造居民意见征集工作的通知", "城乡建设、环境保护", ("通知公告",), (2026, 3, 17)),
]


def other_policies(b):
    for unit, theme, title, topic, columns, day in POLICIES:
        day = workday(datetime.date(*day))
        unit_key = "shb" if title.startswith("沈河区人民政府办公室") else unit
        t = THEMES[theme]
        body = paragraphs(
            ADDRESSEES["city" if unit in ("szf", "szfb") else "district" if unit in DISTRICTS else "department"],
            f"为{t['purpose']}，根据{t['law']}有关要求，现就有关事项通知如下：",
            *[f"{cn(i)}、{heading}。{text}" for i, (heading, text) in enumerate(t["tasks"][:4], start=1)],
            f"{cn(5)}、工作要求。各单位要高度重视，明确责任科室和联系人，于{cn_date(add_workdays(day, 15))}前将落实情况报送"
            f"{UNITS[unit_key][1]}。",
            f"联系人：{UNITS[unit_key][1]}综合科，电话：024-2" + f"{b.rng.randint(2000000, 8999999)}。",
            UNITS[unit_key][0], cn_date(day))
        genre = "通知公告" if "通知公告" in columns else "其他政策文件"  # notices need no interpretation
        b.add(unit=unit_key, title=title, body=body, genre=genre, topic=topic, columns=columns,
              keywords=t["keywords"], written=day, prefix=UNITS[unit_key][2].replace("发", "函") or "",
              late=title.endswith("兑现2025年度惠企政策资金的通知"))


PLANS = [
    ("fgw", "沈阳市国民经济和社会发展第十五个五年规划纲要", "规划信息/发展规划", (2026, 2, 12), "guihua"),
    ("fgw", "沈阳市国民经济和社会发展第十四个五年规划纲要", "规划信息/历史规划", (2025, 1, 21), "guihua"),
    ("fgw", "沈阳现代化都市圈发展规划", "规划信息/区域规划", (2025, 8, 12), "guihua"),
    ("fgw", "沈阳市“十五五”营商环境建设规划", "规划信息/专项规划", (2026, 7, 21), "yingshang"),
    ("zrzy", "沈阳市国土空间总体规划（2021—2035年）", "规划信息/国土空间规划", (2025, 3, 25), "guihua"),
    ("zrzy", "沈阳市中心城区停车设施专项规划（2025—2035年）", "规划信息/专项规划", (2025, 12, 9), "tingche"),
    ("zrzy", "沈阳市城市绿地系统专项规划（2026—2035年）", "规划信息/专项规划", (2026, 9, 15), "huanjing"),
    ("jtj", "沈阳市“十五五”现代综合交通运输体系发展规划", "规划信息/专项规划", (2026, 8, 4), "jiaotong"),
    ("wjw", "沈阳市“十五五”卫生健康事业发展规划", "规划信息/专项规划", (2026, 9, 8), "yiqing"),
    ("wlj", "沈阳市“十五五”文化和旅游发展规划", "规划信息/专项规划", (2026, 10, 13), "wenlv"),
    ("sh", "沈河区国民经济和社会发展第十五个五年规划纲要", "规划信息/发展规划", (2026, 3, 3), "guihua"),
    ("hn", "浑南区国民经济和社会发展第十五个五年规划纲要", "规划信息/发展规划", (2026, 3, 10), "guihua"),
]


def plans(b):
    for unit, title, column, day, theme in PLANS:
        day = workday(datetime.date(*day))
        place = "浑南区" if unit == "hn" else "沈河区" if unit == "sh" else "沈阳市"
        t = THEMES[theme]
        period = "“十四五”时期（2021—2025年）" if "十四" in title else "规划期内"
        body = paragraphs(
            f"{title}（以下简称《规划》）根据{t['law']}编制，主要阐明{place}{period}的发展战略、发展目标、主要任务和重大举措，"
            "是政府履行职责的重要依据，是全社会共同的行动纲领。",
            "第一章　发展基础和发展环境",
            f"“十四五”以来，{place}经济总量稳步提升，产业结构持续优化，城乡面貌显著改善，民生福祉不断增进，"
            "为新时期发展奠定了坚实基础。同时，发展不平衡不充分的问题仍然存在，结构调整任务依然艰巨。",
            "第二章　总体要求和主要目标",
            f"到规划期末，{place}综合实力明显增强，创新能力显著提升，人民生活品质持续改善，"
            "生态环境质量稳定向好，治理体系和治理能力现代化水平明显提高。",
            "第三章　主要任务",
            *[f"第{cn(i)}节　{heading}　{text}" for i, (heading, text) in enumerate(t["tasks"], start=1)],
            "第四章　规划实施保障",
            "加强规划统筹衔接，建立规划实施监测评估机制，开展中期评估和总结评估，评估结果向社会公开。")
        keywords = ["十四五" if "十四" in title else "十五五", "规划", *t["keywords"][:1]]
        b.add(unit=unit, title=title, body=body, genre="规划", topic="国民经济管理、国有资产监管", columns=[column],
              keywords=list(dict.fromkeys(keywords)), written=day,
              attachments=["沈阳市国民经济和社会发展第十五个五年规划纲要.pdf"]
              if title == "沈阳市国民经济和社会发展第十五个五年规划纲要" else ())


BUDGET_UNITS = ("fgw", "czj", "sfj", "ysj", "scj", "wjw", "wlj", "jtj")


def budgets(b):
    for year, day in ((2025, (2025, 2, 14)), (2026, (2026, 2, 11))):
        day = workday(datetime.date(*day))
        total = 1180 + (year - 2025) * 46
        rows = [("一般公共预算收入", f"{total}.4", "4.1"), ("一般公共预算支出", f"{total + 642}.7", "2.6"),
                ("政府性基金预算收入", f"{468 + year % 7}.2", "-3.5"), ("国有资本经营预算收入", "12.6", "5.0")]
        b.add(unit="czj", title=f"沈阳市{year}年市本级政府预算", genre="预算决算", topic="财政、金融、审计",
              columns=["财政信息/预算"], keywords=["政府预算", f"{year}年", "市本级"], written=day,
              body=html_table(f"沈阳市{year}年市本级预算收支总表（单位：亿元）", ("项目", "预算数", "比上年增长（%）"), rows, intro=(
                  f"经沈阳市第十七届人民代表大会第{year - 2021}次会议审查批准，现将沈阳市{year}年市本级政府预算公开如下。",
                  "本次公开的内容包括一般公共预算、政府性基金预算、国有资本经营预算和社会保险基金预算，以及预算绩效目标和“三公”经费安排情况。")))
        for unit in b.rng.sample(BUDGET_UNITS, 5 if year == 2025 else 7):
            name = UNITS[unit][0]
            basic = b.rng.randint(3200, 18800) / 10
            project = b.rng.randint(800, 9600) / 10
            three = b.rng.randint(80, 420) / 10
            published = add_workdays(day, b.rng.randint(5, 14))
            b.add(unit=unit, title=f"{name}{year}年部门预算", genre="预算决算", topic="财政、金融、审计",
                  columns=["财政信息/预算"], keywords=["部门预算", f"{year}年"], written=day, published=published,
                  body=html_table(f"{name}{year}年部门收支预算总表（单位：万元）", ("项目", "金额"),
                                  (("基本支出", f"{basic:.1f}"), ("项目支出", f"{project:.1f}"),
                                   ("合计", f"{basic + project:.1f}"), ("其中：“三公”经费", f"{three:.1f}")), intro=(
                      f"根据《中华人民共和国预算法》和市财政局关于部门预算公开的要求，现将{name}{year}年部门预算公开如下。",
                      "一、部门职责及机构设置情况。二、部门收支总体情况。三、“三公”经费预算情况。四、预算绩效目标情况。"
                      "五、名词解释。")))
    day = workday(datetime.date(2026, 8, 11))
    b.add(unit="czj", title="沈阳市2025年市本级决算", genre="预算决算", topic="财政、金融、审计", columns=["财政信息/决算"],
          keywords=["决算", "2025年"], written=day, body=paragraphs(
              "经沈阳市第十七届人民代表大会常务委员会审查批准，现将沈阳市2025年市本级决算公开如下。",
              "2025年市本级一般公共预算收入完成1204.6亿元，为调整预算的101.3%；一般公共预算支出完成1836.2亿元。",
              "政府性基金预算收入完成455.8亿元，国有资本经营预算收入完成13.1亿元，实现收支平衡。",
              "市本级“三公”经费支出比上年下降4.6%，严格落实过紧日子要求。"))
    for unit in ("fgw", "czj", "wjw", "scj", "jtj", "ysj"):
        name = UNITS[unit][0]
        b.add(unit=unit, title=f"{name}2025年部门决算", genre="预算决算", topic="财政、金融、审计",
              columns=["财政信息/决算"], keywords=["部门决算", "2025年"], written=day,
              published=add_workdays(day, b.rng.randint(3, 12)), body=paragraphs(
                  f"根据市财政局统一部署，现将{name}2025年部门决算公开如下。",
                  "第一部分　部门概况：主要职能、部门决算单位构成。",
                  "第二部分　2025年度部门决算表：收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、"
                  "一般公共预算财政拨款“三公”经费支出决算表等。",
                  f"第三部分　2025年度部门决算情况说明：本部门2025年度收入、支出总计{b.rng.randint(4000, 26000)}.{b.rng.randint(0, 9)}万元，"
                  "“三公”经费支出较预算有所下降，主要是严格控制公务接待和因公出国（境）支出。",
                  "第四部分　名词解释。"))
    debt_rows = (("政府债务限额", "4128.0", "2875.0", "1253.0"), ("政府债务余额", "3986.4", "2806.2", "1180.2"))
    for year, day in ((2025, (2025, 7, 8)), (2026, (2026, 7, 14))):
        b.add(unit="czj", title=f"沈阳市{year}年地方政府债务限额及余额情况", genre="预算决算", topic="财政、金融、审计",
              columns=["财政信息/政府债务"], keywords=["政府债务", "限额", "余额"], written=workday(datetime.date(*day)),
              body=html_table(f"沈阳市{year}年地方政府债务限额及余额情况表（单位：亿元）", ("项目", "合计", "专项债务", "一般债务"),
                              debt_rows, intro=(f"根据财政部地方政府债务信息公开办法，现将沈阳市{year}年政府债务限额、余额情况公开如下。",
                                                "债券发行、品种、期限、利率、偿还计划和偿债资金来源等信息同步在中国地方政府债券信息公开平台公开。")))
    for batch, day in ((1, (2026, 3, 20)), (2, (2026, 6, 12)), (3, (2026, 9, 18))):
        b.add(unit="czj", title=f"沈阳市2026年第{cn(batch)}批新增地方政府债券发行情况公告", genre="预算决算",
              topic="财政、金融、审计", columns=["财政信息/政府债务", "通知公告"], keywords=["政府债券", "发行"],
              written=workday(datetime.date(*day)), body=paragraphs(
                  f"沈阳市2026年第{cn(batch)}批新增地方政府债券已通过辽宁省政府代发完成，现将有关情况公告如下。",
                  f"本批债券规模{b.rng.randint(60, 180)}亿元，其中专项债券{b.rng.randint(40, 59)}亿元，主要用于城镇老旧小区改造、"
                  "交通基础设施、保障性安居工程等项目；期限为10年、15年、20年，平均利率2.1%—2.6%。",
                  "债券资金将严格按照批准的用途使用，项目清单和资金使用情况按要求及时公开。"))
    b.add(unit="sh", title="沈河区2026年区本级预算", genre="预算决算", topic="财政、金融、审计", columns=["财政信息/预算"],
          keywords=["区级预算", "2026年"], written=workday(datetime.date(2026, 1, 27)), late=True,
          body=paragraphs("经沈河区人民代表大会审查批准，现将沈河区2026年区本级预算公开如下。",
                          "2026年区本级一般公共预算收入安排62.3亿元，增长3.0%；一般公共预算支出安排71.8亿元。",
                          "重点保障老旧小区改造、基础教育、社区养老服务等民生支出，民生支出占比达到78%。"))


MONTHLY_HOTLINE = range(3, 11)


def statistics(b):
    for month in MONTHLY_HOTLINE:
        day = workday(datetime.date(2026, month + 1, 8))
        calls = b.rng.randint(380000, 560000)
        rows = (("受理诉求（件）", f"{calls}"), ("按时办结率", f"{b.rng.randint(960, 995) / 10}%"),
                ("群众满意率", f"{b.rng.randint(930, 980) / 10}%"), ("企业诉求（件）", f"{b.rng.randint(6000, 12000)}"))
        hot = b.rng.sample(("供热", "物业管理", "老旧小区改造", "交通出行", "市场监管", "医疗卫生", "劳动保障", "城市管理"), 3)
        b.add(unit="ysj", title=f"2026年{month}月沈阳市12345政务服务便民热线运行情况通报", genre="统计信息",
              topic="综合政务", columns=["统计信息"], keywords=["12345热线", "运行情况", f"{month}月"], written=day,
              body=html_table(f"2026年{month}月12345热线运行情况", ("指标", "数值"), rows, intro=(
                  f"2026年{month}月，12345政务服务便民热线共受理群众和企业诉求{calls}件，诉求热点集中在{hot[0]}、{hot[1]}、{hot[2]}等方面。",
                  "对响应不及时、办结质量不高的承办单位，已按照考核办法予以扣分并督促整改。")))
    for month in range(5, 11):
        day = workday(datetime.date(2026, month + 1, 15))
        cases = b.rng.randint(3200, 9800)
        b.add(unit="wjw", title=f"沈阳市2026年{month}月法定传染病疫情概况", genre="统计信息", topic="卫生、体育",
              columns=["统计信息", "应急管理"], keywords=["法定传染病", "疫情概况"], written=day, body=paragraphs(
                  f"2026年{month}月（{month}月1日0时至{month}月{31 if month in (3, 5, 7, 8, 10) else 30}日24时），"
                  f"全市共报告法定传染病{cases}例，死亡{b.rng.randint(0, 3)}人。",
                  "甲类传染病无发病、死亡报告。乙类传染病报告发病数居前的病种为病毒性肝炎、肺结核和梅毒。",
                  "丙类传染病报告发病数居前的病种为流行性感冒、其他感染性腹泻病和手足口病。",
                  "市卫生健康委提醒广大市民：注意个人卫生，勤洗手、常通风，出现发热等症状及时就医。"))
    for quarter, months in ((1, "1—3"), (2, "1—6"), (3, "1—9")):
        day = workday(datetime.date(2026, 3 * quarter + 1, 22))
        b.add(unit="fgw", title=f"2026年{months}月沈阳市主要经济指标", genre="统计信息", topic="国民经济管理、国有资产监管",
              columns=["统计信息"], keywords=["经济指标", "地区生产总值"], written=day,
              body=html_table(f"2026年{months}月主要经济指标", ("指标", "增长（%）"),
                              (("地区生产总值", f"{b.rng.randint(45, 62) / 10}"), ("规模以上工业增加值", f"{b.rng.randint(50, 80) / 10}"),
                               ("固定资产投资", f"{b.rng.randint(20, 70) / 10}"), ("社会消费品零售总额", f"{b.rng.randint(30, 60) / 10}")),
                              intro=(f"2026年{months}月，全市经济运行稳中有进，主要指标保持在合理区间。",)))
    b.add(unit="fgw", title="2025年沈阳市国民经济和社会发展统计公报", genre="统计信息", topic="国民经济管理、国有资产监管",
          columns=["统计信息"], keywords=["统计公报", "2025年"], written=workday(datetime.date(2026, 3, 24)), body=paragraphs(
              "2025年，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。",
              "一、综合。全年地区生产总值比上年增长5.6%。",
              "二、工业和建筑业。规模以上工业增加值比上年增长6.8%，装备制造业增加值增长8.1%。",
              "三、固定资产投资。全年固定资产投资比上年增长4.2%，城镇老旧小区改造投资增长12.5%。",
              "四、人民生活和社会保障。全体居民人均可支配收入比上年增长5.1%。"))


ANNUAL_REPORT_UNITS = ("szf", "fgw", "czj", "scj", "wjw", "ysj", "sh", "hn", "kp")


def annual_reports(b):
    for unit in ANNUAL_REPORT_UNITS:
        name = UNITS[unit][0]
        day = workday(datetime.date(2026, 1, b.rng.randint(12, 26)))
        b.add(unit=unit, title=f"{name}2025年政府信息公开工作年度报告", genre="计划总结", topic="综合政务",
              columns=["公开年报"], keywords=["政府信息公开", "年度报告", "2025年"], written=day, body=paragraphs(
                  f"本报告由{name}根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室印发的"
                  "政府信息公开工作年度报告格式编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
                  "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。",
                  "一、总体情况",
                  f"2025年，{name}坚持以公开为常态、不公开为例外，主动公开政府信息{b.rng.randint(300, 2400)}条，"
                  f"受理政府信息公开申请{b.rng.randint(8, 260)}件，均在法定期限内答复。",
                  "二、存在的主要问题及改进情况",
                  "政策解读形式还不够丰富，部分栏目更新不够及时。下一步将推进图解、视频等多元化解读，建立栏目更新提醒机制。"))


DECISIONS = [
    ("szfb", "关于公开征求《沈阳市停车场管理办法（征求意见稿）》意见的公告", (2026, 6, 16), "tingche"),
    ("szfb", "《沈阳市停车场管理办法（征求意见稿）》意见采纳情况的说明", (2026, 8, 20), "tingche"),
    ("szfb", "沈阳市人民政府2026年度重大行政决策事项目录", (2026, 3, 12), "fazhi"),
    ("szfb", "沈阳市人民政府2025年度重大行政决策事项目录", (2025, 3, 11), "fazhi"),
    ("sfj", "关于公开征求《沈阳市重大行政决策程序规定（草案）》意见的公告", (2026, 5, 12), "fazhi"),
    ("sh", "关于公开征求《沈河区城镇老旧小区改造实施方案（2025—2027年）》意见的公告", (2025, 2, 25), "laojiu"),
]


def decisions(b):
    for unit, title, day, theme in DECISIONS:
        day = workday(datetime.date(*day))
        t = THEMES[theme]
        if "目录" in title:
            items = ["制定沈阳市城镇老旧小区改造年度计划", "修订沈阳市停车场管理办法", "编制沈阳市“十五五”综合交通运输体系发展规划",
                     "调整沈阳市城市供热价格", "制定沈阳市促进消费若干措施"]
            body = html_table(title, ("序号", "决策事项", "承办单位", "计划完成时间"),
                              [(i, item, b.rng.choice(("市发展改革委", "市自然资源局", "市交通局", "市营商局")), f"{day.year}年{b.rng.randint(6, 12)}月")
                               for i, item in enumerate(items, start=1)],
                              intro=(f"经市政府常务会议审议通过，现将{title}予以公布。目录内事项的承办单位应当严格履行公众参与、专家论证、"
                                     "风险评估、合法性审查和集体讨论决定等法定程序。",))
        elif "采纳" in title:
            body = paragraphs(f"{cn_date(day - datetime.timedelta(days=60))}至{cn_date(day - datetime.timedelta(days=30))}，"
                              "市政府办公室通过政府门户网站公开征求社会公众意见，共收到意见建议46条。",
                              "经研究，采纳或部分采纳意见21条，主要涉及错时共享停车、道路停车泊位收费和新能源汽车充电泊位设置等方面；"
                              "未采纳的意见主要因超出本办法调整范围或与上位法不一致，已逐条说明理由。",
                              "感谢社会各界对本市立法工作的关心和支持。")
        else:
            end = day + datetime.timedelta(days=30)
            body = paragraphs(f"为{t['purpose']}，起草单位起草了《{title.split('《')[1].split('》')[0]}》，现向社会公开征求意见。",
                              f"征求意见时间为{cn_date(day)}至{cn_date(end)}，不少于30日。",
                              "公众可以通过以下方式提出意见：（一）登录政府门户网站“政民互动—意见征集”栏目提交；"
                              "（二）发送电子邮件至 yijian@example.com；（三）邮寄至沈阳市市府大路260号（请在信封上注明“征求意见”）。",
                              "起草单位将认真研究公众意见，并在决策作出后公开意见采纳情况。")
        b.add(unit=unit, title=title, body=body, genre="通知公告", topic="综合政务", columns=["重大决策"],
              keywords=["重大决策", *t["keywords"][:1]], written=day)
    for n, day in ((23, (2026, 9, 24)), (27, (2026, 11, 12))):
        day = workday(datetime.date(*day))
        b.add(unit="szfb", title=f"沈阳市人民政府第{cn(n)}次常务会议纪要", genre="会议纪要", topic="综合政务",
              columns=[], keywords=["常务会议"], written=day, attribute="不予公开",
              reason="会议纪要记录讨论过程，属于过程性信息；会议研究决定的事项另行公开。", ground="art16_2",
              body=paragraphs(f"{cn_date(day)}，市政府召开第{cn(n)}次常务会议，研究城镇老旧小区改造、冬季供热保障等事项。",
                              "会议纪要属于行政机关内部事务信息，依法不予公开。"))


# Kept back: (unit, title, written, topic, attribute, reason, ground of the FOI grounds library)
KEPT_BACK = [
    ("czj", "沈阳市财政局关于2026年城镇老旧小区改造中央补助资金分配方案的请示", (2026, 5, 21), "财政、金融、审计",
     "依申请公开", "请示属于过程性信息，资金分配结果已随预算执行情况公开。", "art16_2"),
    ("fgw", "沈阳市发展和改革委员会关于沈阳市轨道交通第三期建设规划项目前期工作的请示", (2026, 2, 17), "工业、交通",
     "依申请公开", "项目尚在论证阶段，请示属于过程性信息。", "art16_2"),
    ("scj", "沈阳市市场监督管理局关于一起食品生产企业投诉举报处理情况的报告", (2026, 9, 9), "市场监管、安全生产监管",
     "依申请公开", "报告属于行政执法案卷信息，处罚决定已按规定公示。", "art16_2"),
]


def kept_back(b):
    for unit, title, day, topic, attribute, reason, ground in KEPT_BACK:
        day = workday(datetime.date(*day))
        b.add(unit=unit, title=title, body=paragraphs("（正文略）", "本文件涉及具体工作安排，公开属性为依申请公开。"),
              genre="其他", topic=topic, columns=[], keywords=[], written=day, attribute=attribute, prefix=UNITS[unit][2],
              reason=reason, ground=ground)


NOTICES = [
    ("scj", "沈阳市市场监督管理局2026年第三季度“双随机、一公开”抽查结果公告", (2026, 10, 20), "市场监管、安全生产监管", ("监督检查", "通知公告")),
    ("scj", "沈阳市市场监督管理局2026年第二季度“双随机、一公开”抽查结果公告", (2026, 7, 21), "市场监管、安全生产监管", ("监督检查", "通知公告")),
    ("scj", "沈阳市市场监督管理局反不正当竞争典型案例通报（2025年）", (2025, 12, 18), "市场监管、安全生产监管", ("行政处罚和行政强制",)),
    ("fgw", "关于公布《市场准入负面清单（2025年版）》的公告", (2025, 4, 28), "国民经济管理、国有资产监管", ("通知公告", "行政许可")),
    ("fgw", "2026年沈阳市重大建设项目清单", (2026, 2, 26), "国民经济管理、国有资产监管", ("重大建设项目",)),
    ("jyzx", "沈阳市城镇老旧小区改造（2026年第一批）施工总承包项目招标公告", (2026, 4, 22), "城乡建设、环境保护", ("政府采购", "通知公告")),
    ("jyzx", "沈阳市城镇老旧小区改造（2026年第一批）施工总承包项目中标结果公示", (2026, 5, 29), "城乡建设、环境保护", ("政府采购", "通知公告")),
    ("jyzx", "沈阳公共资源交易中心关于启用远程异地评标系统的公告", (2025, 9, 24), "综合政务", ("通知公告",)),
    ("wjw", "沈阳市2026年度流感疫苗接种点公告", (2026, 9, 29), "卫生、体育", ("通知公告", "民生领域")),
    ("jtj", "沈阳市交通运输局道路运输经营许可信息公示（2026年第10期）", (2026, 11, 10), "工业、交通", ("行政许可",)),
    ("jtj", "沈阳市交通运输局行政处罚决定信息公示（2026年第3季度）", (2026, 10, 14), "工业、交通", ("行政处罚和行政强制",)),
    ("sfj", "沈阳市2026年度行政执法统计年报公示", (2026, 1, 27), "公安、安全、司法", ("通知公告",)),
    ("szfb", "沈阳市人民政府办公室2026年元旦、春节期间值班安排的通知", (2025, 12, 26), "综合政务", ("通知公告",)),
    ("ysj", "沈阳市惠企政策“免申即享”事项清单（第二批）", (2026, 8, 27), "国民经济管理、国有资产监管", ("通知公告",)),
    ("xxzx", "沈阳市政府网站集约化平台迁移期间暂停服务的公告", (2025, 10, 17), "综合政务", ("通知公告",)),
    ("czj", "关于沈阳市财政局拟任职人选的公示", (2026, 6, 30), "劳动、人事、监察", ("通知公告",)),
]


def notices(b):
    for unit, title, day, topic, columns in NOTICES:
        day = workday(datetime.date(*day))
        genre = "行政许可" if "许可" in title else "行政处罚" if "处罚" in title else "人事信息" if "任职" in title else "通知公告"
        body = notice_body(b, unit, title, day)
        b.add(unit=unit, title=title, body=body, genre=genre, topic=topic, columns=columns, keywords=notice_keywords(title),
              written=day, attachments=["沈阳市2026年度流感疫苗接种点名单.docx"] if "流感疫苗接种点" in title else ())


def notice_keywords(title):
    words = [w for w in ("双随机一公开", "市场准入", "重大建设项目", "老旧小区改造", "招标", "中标", "流感疫苗", "行政许可",
                         "行政处罚", "行政执法", "值班", "免申即享", "网站集约化", "任前公示", "反不正当竞争", "远程异地评标")
             if w in title.replace("、", "").replace("“", "").replace("”", "")]
    return words or ["公告"]


def notice_body(b, unit, title, day):
    name = UNITS[unit][0]
    if "抽查结果" in title:
        checked = b.rng.randint(600, 1500)
        return html_table("抽查结果汇总", ("抽查事项", "抽查户数", "未发现问题", "责令整改", "立案查处"),
                          [(item, n := b.rng.randint(80, 300), n - (k := b.rng.randint(3, 20)) - (p := b.rng.randint(0, 4)), k, p)
                           for item in ("食品经营许可事项", "产品质量", "特种设备安全", "广告发布")],
                          intro=(f"根据年度抽查工作计划，{name}本季度共抽查市场主体{checked}户，现将抽查结果公告如下。",
                                 "对发现问题的市场主体已依法责令整改，涉嫌违法的已立案查处。"))
    if "值班" in title:
        return paragraphs("各区、县（市）人民政府办公室，市政府各部门办公室：",
                          "元旦、春节期间，各单位要严格落实领导带班和24小时值班制度，值班人员要坚守岗位、保持通信畅通。",
                          "遇有突发事件，要按照规定及时报告，不得迟报、漏报、瞒报。", "值班表请于节前3个工作日报送市政府总值班室。")
    if "任职" in title:
        return paragraphs("根据《党政领导干部选拔任用工作条例》，经局党组研究，拟任用下列同志：",
                          "王某某，男，1982年出生，研究生学历，现任预算处副处长，拟任预算处处长。",
                          f"公示期为{cn_date(day)}至{cn_date(add_workdays(day, 5))}。对公示对象有问题反映的，可在公示期内向局机关党委反映。")
    for words, make in NOTICE_BODIES:
        if any(word in title for word in words):
            return make(b, name, title, day)
    return paragraphs(f"{name}现将有关事项公告如下：", "社会公众如有疑问，可在工作时间通过12345政务服务便民热线咨询。",
                      name, cn_date(day))


def _negative_list(b, name, title, day):
    return paragraphs("根据国家发展改革委、商务部印发的《市场准入负面清单（2025年版）》，现将有关事项公告如下：",
                      "一、清单包括禁止准入事项和许可准入事项。对禁止准入事项，市场主体不得进入；对许可准入事项，"
                      "由市场主体提出申请，行政机关依法依规作出是否予以准入的决定；清单以外的行业、领域、业务等，各类市场主体皆可依法平等进入。",
                      "二、清单全文已在市政府门户网站、沈阳市政务服务网和各级政务服务大厅公开，并将根据国家调整情况实时更新。",
                      "三、各地区、各部门不得另行制定市场准入性质的负面清单，发现违背清单要求的做法可通过12345热线反映。",
                      name, cn_date(day))


def _projects(b, name, title, day):
    projects = (("沈阳地铁6号线一期工程", "交通", 2016), ("沈阳市城镇老旧小区改造（2026年）", "城市更新", 86),
                ("浑南科技城集成电路产业园", "产业", 120), ("沈阳市中心城区供热管网改造工程", "市政", 38),
                ("沈阳市第四人民医院新院区", "社会事业", 24), ("铁西区工业遗产保护利用项目", "文旅", 15))
    return html_table(title, ("序号", "项目名称", "类别", "总投资（亿元）"),
                      [(i, p, c, n) for i, (p, c, n) in enumerate(projects, start=1)],
                      intro=(f"经市政府同意，现将{title}予以公布。清单内项目的审批、核准、备案、建设进展和竣工验收信息"
                             "按照重大建设项目领域基层政务公开标准指引逐项公开。",))


def _tender(b, name, title, day):
    if "中标" in title:
        return paragraphs("沈阳市城镇老旧小区改造（2026年第一批）施工总承包项目评标工作已经结束，现将中标结果公示如下：",
                          "第一标段：中标人某建设集团有限公司，中标价人民币壹亿贰仟叁佰肆拾万元整，工期240日历天。",
                          "第二标段：中标人某城建工程有限公司，中标价人民币玖仟捌佰陆拾万元整，工期240日历天。",
                          f"公示期为{cn_date(day)}至{cn_date(add_workdays(day, 3))}。投标人或者其他利害关系人对中标结果有异议的，"
                          "应当在公示期内向招标人提出。")
    if "招标" in title:
        return paragraphs("一、招标条件：本项目已由市发展改革委批准建设，资金来源为中央补助资金、地方政府专项债券和地方配套资金，"
                          "项目已具备招标条件，现进行公开招标。",
                          "二、项目概况：涉及和平、沈河、大东、皇姑、铁西5个区的62个老旧小区，改造建筑面积约186万平方米，分两个标段。",
                          "三、投标人资格要求：具备建筑工程施工总承包二级及以上资质，并在人员、设备、资金等方面具有相应的施工能力。",
                          f"四、招标文件获取：{cn_date(day)}至{cn_date(add_workdays(day, 5))}，通过沈阳公共资源交易平台下载。",
                          "五、投标截止时间和开标：投标截止时间为招标文件规定的时间，开标采用不见面开标方式。")
    return paragraphs("为进一步提高评标工作的公平性和效率，沈阳公共资源交易中心已完成远程异地评标系统建设，自发布之日起启用。",
                      "远程异地评标项目的评标专家从省内异地评标专家库中随机抽取，评标全过程音视频记录并存档。",
                      "各招标人、招标代理机构在项目进场登记时可申请采用远程异地评标方式。", name, cn_date(day))


def _vaccination(b, name, title, day):
    return paragraphs("为方便市民就近接种流感疫苗，现将2026年度全市流感疫苗接种点公告如下（名单见附件）。",
                      "接种对象：6月龄以上无接种禁忌的人群，重点推荐60岁以上老年人、慢性病患者、医务人员和中小学生接种。",
                      "接种时请携带身份证件，儿童请携带预防接种证。具体接种时间请关注各接种点通知或拨打12345热线咨询。",
                      name, cn_date(day))


def _licences(b, name, title, day):
    kinds = ("道路旅客运输经营许可", "道路货物运输经营许可", "机动车维修经营备案", "网络预约出租汽车经营许可")
    return html_table(title, ("序号", "许可事项", "行政相对人", "决定日期"),
                      [(i, b.rng.choice(kinds), f"沈阳某{b.rng.choice(('运输', '物流', '出行', '客运'))}有限公司",
                        cn_date(day - datetime.timedelta(days=b.rng.randint(1, 20)))) for i in range(1, 6)],
                      intro=(f"根据《中华人民共和国行政许可法》，现将{name}近期作出的行政许可决定公示如下。",))


def _penalties(b, name, title, day):
    if "案例" in title:
        return paragraphs("为加大反不正当竞争执法信息公开力度，发挥典型案例警示教育作用，现将2025年度反不正当竞争典型案例通报如下。",
                          "案例一：某商贸有限公司虚假宣传案。当事人在网店宣传中使用“全网销量第一”等无事实依据的用语，"
                          "依法责令停止违法行为，罚款人民币5万元。",
                          "案例二：某科技有限公司商业混淆案。当事人擅自使用与他人有一定影响的商品名称相近似的标识，依法没收违法商品并罚款。",
                          "案例三：某医药公司商业贿赂案。当事人为争取交易机会给予医院工作人员财物，依法没收违法所得并罚款。")
    return html_table(title, ("序号", "案件名称", "处罚决定", "决定日期"),
                      [(i, f"{b.rng.choice(('某客运', '某出租汽车', '某货运'))}公司{b.rng.choice(('未按规定维护车辆', '超范围经营', '未按规定报送统计资料'))}案",
                        "警告并罚款人民币" + str(b.rng.choice((2000, 5000, 10000))) + "元",
                        cn_date(day - datetime.timedelta(days=b.rng.randint(5, 60)))) for i in range(1, 5)],
                      intro=("根据行政执法公示制度，行政处罚决定作出之日起7个工作日内向社会公开，现将第三季度行政处罚决定信息公示如下。",))


def _enforcement_report(b, name, title, day):
    return paragraphs("根据行政执法公示制度，现将沈阳市2025年度行政执法数据统计情况公示如下。",
                      "2025年，全市各行政执法机关共实施行政许可38.6万件、行政处罚2.1万件、行政强制1260件、行政检查5.4万次。",
                      "行政执法决定法制审核率100%，行政执法案卷评查优秀率较上年提高3.2个百分点。", name, cn_date(day))


def _exempt_list(b, name, title, day):
    items = (("高新技术企业认定奖励", "市科技局"), ("规模以上工业企业首次入统奖励", "市工业和信息化局"),
             ("稳岗返还", "市人力资源社会保障局"), ("外贸企业出口信用保险保费补贴", "市商务局"))
    return html_table(title, ("序号", "政策事项", "兑现部门", "兑现方式"),
                      [(i, item, dept, "免申即享") for i, (item, dept) in enumerate(items, start=1)],
                      intro=("经市营商局会同政策制定部门梳理，现将第二批“免申即享”惠企政策事项清单予以公布。清单内事项无需企业申报，"
                             "由兑现部门依托数据比对主动甄别、主动兑现。",))


def _migration(b, name, title, day):
    return paragraphs("根据政府网站集约化工作安排，市政府网站集约化平台将进行数据迁移和系统升级。",
                      f"迁移期间（{cn_date(day + datetime.timedelta(days=1))}20:00至{cn_date(day + datetime.timedelta(days=2))}8:00），"
                      "部分区县（市）和部门网站将暂停访问，政府信息公开申请在线提交功能暂停使用。",
                      "由此带来的不便，敬请谅解。", name, cn_date(day))


NOTICE_BODIES = (
    (("负面清单",), _negative_list), (("重大建设项目清单",), _projects), (("招标", "中标", "评标"), _tender),
    (("流感疫苗",), _vaccination), (("许可",), _licences), (("处罚", "案例"), _penalties),
    (("执法统计",), _enforcement_report), (("免申即享",), _exempt_list), (("迁移",), _migration),
)


# Units' news: how many items and the day the column last changed. Some units keep their news current
# (within the two weeks of 国办 19号), some have been quiet for months, two for more than a year.
NEWS = {
    "ysj": (5, (2026, 11, 27)), "wjw": (4, (2026, 11, 26)), "sh": (5, (2026, 11, 25)), "szfb": (4, (2026, 11, 24)),
    "scj": (4, (2026, 11, 20)), "hn": (4, (2026, 11, 19)), "fgw": (4, (2026, 11, 23)), "xwb": (3, (2026, 11, 18)),
    "wlj": (3, (2026, 9, 18)), "jtj": (3, (2026, 10, 16)), "hp": (3, (2026, 8, 14)), "tx": (3, (2026, 11, 5)),
    "sfj": (2, (2026, 6, 12)), "dd": (2, (2026, 10, 9)), "kp": (2, (2025, 9, 19)), "xm": (2, (2025, 6, 20)),
}

NEWS_TEMPLATES = {
    "ysj": ["{short}召开优化营商环境工作推进会", "{short}开展12345热线诉求办理质量专项检查", "全市“免申即享”惠企政策兑现资金超过3亿元",
            "{short}举办“政企面对面”座谈会", "企业开办“一网通办”实现全程0.5个工作日办结", "{short}聘任第三批营商环境监督员"],
    "wjw": ["{short}部署冬春季呼吸道传染病防控工作", "全市二级以上医院发热门诊全部开诊", "{short}开展爱国卫生月活动",
            "{short}督导检查医疗机构院感防控工作", "健康科普进社区活动走进沈河区"],
    "sh": ["沈河区完成2026年老旧小区改造项目竣工验收", "沈河区召开基层政务公开标准化工作推进会", "沈河区社区老年食堂覆盖全部街道",
           "沈河区开展政务公开日活动", "沈河区12345热线诉求办结率连续三个月位居全市前列", "沈河区启动冬季供热保障专项行动"],
    "szfb": ["全市政务公开工作推进会召开", "市政府召开第二十七次常务会议", "市政府办公室开展政府网站和政务新媒体检查",
             "市政府办公室组织政务公开业务培训", "全市政府信息公开申请办理情况通报会召开"],
    "scj": ["{short}开展冬季特种设备安全检查", "{short}公布第三季度“双随机、一公开”抽查结果", "{short}开展反不正当竞争执法培训",
            "{short}推进个体工商户分型分类精准帮扶"],
    "hn": ["浑南区召开国际化营商环境示范区建设推进会", "浑南区新增3个城市书房", "浑南区开展惠企政策宣讲进园区活动", "浑南区政务服务中心“周末不打烊”"],
    "fgw": ["{short}召开重大项目谋划推进会", "{short}开展“十五五”规划纲要宣讲", "{short}调度全市固定资产投资运行情况", "{short}推进沈阳现代化都市圈建设"],
    "xwb": ["沈阳市城镇老旧小区改造工作新闻发布会召开", "沈阳市冬季供热保障工作新闻发布会召开", "沈阳市优化营商环境新闻发布会召开"],
    "wlj": ["{short}举办2026沈阳工业文化旅游季", "沈阳冰雪季系列活动筹备工作启动", "{short}开展旅游市场秩序专项整治"],
    "jtj": ["{short}新开通5条社区公交微循环线路", "{short}完成农村公路养护工程", "{short}开展出租汽车行业服务质量提升行动"],
    "hp": ["和平区老旧街区更新改造项目开工", "和平区开展政务公开进社区活动", "和平区召开营商环境优化提升大会"],
    "tx": ["铁西区先进制造业项目集中签约", "铁西区开展老旧小区改造居民意见征集", "铁西区推进工业遗产保护利用"],
    "sfj": ["{short}开展行政执法案卷评查", "{short}组织行政规范性文件合法性审核培训"],
    "dd": ["大东区召开优化营商环境工作会议", "大东区开展安全生产大检查"],
    "kp": ["康平县召开县域商业体系建设推进会", "康平县开展秸秆禁烧督查"],
    "xm": ["新民市农村互助养老服务站投入使用", "新民市开展防汛应急演练"],
}

NEWS_LEADS = (
    (("会", "签约"), "会议听取了前一阶段工作情况汇报，分析了存在的问题，对下一步工作作出部署。"),
    (("检查", "督导", "督查", "评查", "整治"), "检查采取“四不两直”方式，重点检查制度落实、台账记录和问题整改情况，对发现的问题立行立改。"),
    (("活动", "宣讲", "培训", "公开日", "演练", "季"), "活动通过现场讲解、发放资料、答疑解惑等方式，面向企业和群众宣传相关政策，现场解答群众咨询百余人次。"),
    (("", ), "此项工作是今年民生实事的重要内容，惠及群众数万人，得到了企业和群众的普遍好评。"),
)


def news_lead(title):
    return next(text for words, text in NEWS_LEADS if any(word in title for word in words))


def news(b):
    for unit, (count, last) in NEWS.items():
        last = workday(datetime.date(*last), forward=False)
        titles = NEWS_TEMPLATES[unit][:count]
        days = [last]
        for _ in titles[1:]:
            days.append(workday(days[-1] - datetime.timedelta(days=b.rng.randint(12, 50)), forward=False))
        for title, day in zip(titles, days, strict=True):
            short = UNITS[unit][1]
            title = title.format(short=short)
            body = paragraphs(
                f"{day.month}月{day.day}日，{title}。",
                news_lead(title),
                f"{short}有关负责同志表示，下一步将坚持问题导向，细化工作措施，压实工作责任，推动各项任务落地见效，"
                "不断提升企业和群众的获得感、满意度。",
                f"（{short}供稿）")
            b.add(unit=unit, title=title, body=body, genre="工作动态", topic="综合政务", columns=["工作动态"],
                  keywords=[w for w in ("营商环境", "12345热线", "老旧小区改造", "政务公开", "传染病防控", "惠企政策", "供热")
                            if w.replace("热线", "") in title] or ["工作动态"],
                  written=day, published=day)


def emergency(b):
    specs = [
        ("wjw", "沈阳市2025年1月新型冠状病毒感染等呼吸道传染病疫情情况", (2025, 2, 12)),
        ("wjw", "沈阳市2025年2月新型冠状病毒感染等呼吸道传染病疫情情况", (2025, 3, 12)),
        ("wjw", "沈阳市卫生健康委员会关于春节期间医疗服务安排的公告", (2025, 1, 20)),
        ("szfb", "沈阳市人民政府办公室关于做好2025年春运期间疫情防控工作的通知", (2025, 1, 8)),
    ]
    for unit, title, day in specs:
        day = workday(datetime.date(*day))
        b.add(unit=unit, title=title, genre="应急管理", topic="卫生、体育", columns=["应急管理"],
              keywords=["疫情防控", "呼吸道传染病"], written=day, body=paragraphs(
                  f"{cn_date(day)}，{UNITS[unit][1]}发布相关疫情防控信息。",
                  "当前我市呼吸道传染病疫情总体处于平稳态势，流感病毒为主要流行病原体，新冠病毒感染处于低水平流行。",
                  "请广大市民做好个人防护，老年人、慢性病患者等重点人群尽量减少前往人员密集场所，出现症状及时就医。",
                  "全市各发热门诊、发热诊室正常开诊，可通过“健康沈阳”公众号查询就诊信息。"))


def build():
    b = Builder()
    for section in (rules, normative, other_policies, plans, budgets, statistics, annual_reports, decisions, kept_back,
                    notices, news, emergency):
        section(b)
    return b.numbered()


# ---------------------------------------------------------------------------------------------------
# The attachments: a tiny PDF and a DOCX, generated so the repository holds no binary it cannot rebuild.


def tiny_pdf(lines):
    """A one-page PDF with ASCII text lines (kept tiny: no embedded CJK font)."""
    text = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{obj}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def tiny_docx(paragraph_texts):
    """A minimal DOCX (Chinese text is fine: the reader supplies the font)."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraph_texts)
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # fixed: the same bytes every run
            archive.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


ATTACHMENTS = {
    "沈阳市国民经济和社会发展第十五个五年规划纲要.pdf": lambda: tiny_pdf([
        "Shenyang 15th Five-Year Plan (2026-2030): outline", "Demo attachment generated by gongkai/demo/make_documents.py"]),
    "沈阳市2026年度流感疫苗接种点名单.docx": lambda: tiny_docx([
        "沈阳市2026年度流感疫苗接种点名单", "和平区：和平区疾病预防控制中心接种门诊，工作日8:30—16:00",
        "沈河区：沈河区大南街道社区卫生服务中心，工作日8:30—16:00", "浑南区：浑南区五三街道社区卫生服务中心，周一至周六8:30—16:00"]),
}


def write():
    documents = build()
    with OUTPUT.open("w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
    FILES.mkdir(exist_ok=True)
    for name, make in ATTACHMENTS.items():
        (FILES / name).write_bytes(make())
    return documents


if __name__ == "__main__":
    written = write()
    print(f"{len(written)} documents → {OUTPUT}")
