"""Generate the templated part of the scamguard corpus: datasets/templated.csv.

    python datasets/tools/generate_templates.py

Slot templates are filled with brands and their official numbers/domains from
scamguard/data/official_contacts.json (legit rows), or with fake numbers of every kind, look-alike
domains, shorteners, IP links, WeChat/QQ IDs and meeting numbers (scam rows). About 20% of scam
rows and 5% of legit rows then get one or two disguises (padding, full-width, traditional
characters, homoglyphs, V信, Chinese numerals, spelled-out dots, zero-width characters).

Deterministic: one random.Random(SEED), no dependence on time, hash randomisation or set order.
Standard library only. The output has the handwritten SPEC columns plus `template`.

Guarantees checked before writing (the script stops if one fails):
- a legit row names only the official numbers/domains of the brand it comes from (plus a
  courier's or a person's own mobile where the template says so, and 96110/110 in anti-fraud
  notices);
- a scam row never contains a number or domain that is official for ANY brand in the directory;
- texts are unique, 20-150 characters, and no template has more than MAX_PER_TEMPLATE rows.
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
import random

ROOT = Path(__file__).resolve().parents[1]
CONTACTS = ROOT / "scamguard" / "data" / "official_contacts.json"
OUTPUT = ROOT / "datasets" / "templated.csv"
COLUMNS = ["text", "label", "category", "sector", "brand", "source", "template"]

SEED = 20261125
TARGET = {"scam": 1300, "legit": 1100}
MAX_PER_TEMPLATE = 25
MIN_LEN, MAX_LEN = 20, 150
OBFUSCATION_RATE = {"scam": 0.20, "legit": 0.05}

# =============================================================================================
# Data tables
# =============================================================================================

# How each directory brand is written in messages: (brand column / name in text, 【signature】
# variants, latin slugs used to build look-alike domains for scams). Numbers and domains always
# come from official_contacts.json. A directory brand missing here falls back to its first alias.
DISPLAY = {
    "apple": ("Apple", ["Apple", "Apple ID", "苹果公司"], ["apple", "icloud", "appleid", "apple-id"]),
    "huawei": ("华为", ["华为", "华为服务", "HUAWEI"], ["huawei", "hw", "vmall", "hicloud"]),
    "xiaomi": ("小米", ["小米", "小米服务"], ["xiaomi", "mi", "micloud"]),
    "oppo": ("OPPO", ["OPPO", "OPPO服务"], ["oppo"]),
    "vivo": ("vivo", ["vivo", "vivo服务"], ["vivo"]),
    "honor": ("荣耀", ["荣耀", "HONOR"], ["honor", "hihonor"]),
    "samsung": ("三星", ["三星", "Samsung"], ["samsung"]),
    "icbc": ("工商银行", ["工商银行", "中国工商银行"], ["icbc", "icbc-cn"]),
    "abc": ("农业银行", ["农业银行", "中国农业银行"], ["abchina", "abc"]),
    "boc": ("中国银行", ["中国银行"], ["boc", "bankofchina"]),
    "ccb": ("建设银行", ["建设银行", "中国建设银行"], ["ccb", "ccb-cn"]),
    "bocom": ("交通银行", ["交通银行"], ["bankcomm", "bocom"]),
    "psbc": ("邮储银行", ["邮储银行", "中国邮政储蓄银行"], ["psbc"]),
    "cmb": ("招商银行", ["招商银行", "招商银行信用卡"], ["cmb", "cmbchina"]),
    "pingan_bank": ("平安银行", ["平安银行"], ["pingan", "pab"]),
    "citic": ("中信银行", ["中信银行"], ["citic", "citicbank"]),
    "spdb": ("浦发银行", ["浦发银行"], ["spdb"]),
    "cib": ("兴业银行", ["兴业银行"], ["cib"]),
    "ceb": ("光大银行", ["光大银行"], ["ceb", "cebbank"]),
    "cmbc": ("民生银行", ["民生银行"], ["cmbc"]),
    "hxb": ("华夏银行", ["华夏银行"], ["hxb"]),
    "cgb": ("广发银行", ["广发银行"], ["cgb", "cgbchina"]),
    "bob": ("北京银行", ["北京银行"], ["bob", "bankofbeijing"]),
    "bosc": ("上海银行", ["上海银行"], ["bosc"]),
    "webank": ("微众银行", ["微众银行"], ["webank", "weilidai"]),
    "cmcc": ("中国移动", ["中国移动"], ["10086", "cmcc", "chinamobile"]),
    "unicom": ("中国联通", ["中国联通"], ["10010", "unicom", "chinaunicom"]),
    "telecom": ("中国电信", ["中国电信"], ["189", "chinatelecom", "ctc"]),
    "cbn": ("中国广电", ["中国广电"], ["10099", "cbn"]),
    "alipay": ("支付宝", ["支付宝", "蚂蚁花呗"], ["alipay", "zhifubao", "huabei"]),
    "wechatpay": ("微信支付", ["微信支付"], ["wechat", "weixin", "wxpay"]),
    "unionpay": ("中国银联", ["中国银联", "云闪付"], ["unionpay", "ysf"]),
    "taobao": ("淘宝", ["淘宝", "天猫", "淘宝网"], ["taobao", "tmall"]),
    "jd": ("京东", ["京东", "京东商城"], ["jd", "jingdong", "jdjr"]),
    "pdd": ("拼多多", ["拼多多"], ["pdd", "pinduoduo"]),
    "douyin": ("抖音", ["抖音", "抖音商城"], ["douyin", "dy"]),
    "kuaishou": ("快手", ["快手"], ["kuaishou", "ks"]),
    "meituan": ("美团", ["美团", "美团外卖"], ["meituan", "mt"]),
    "eleme": ("饿了么", ["饿了么"], ["eleme", "ele"]),
    "vip": ("唯品会", ["唯品会"], ["vip", "vipshop"]),
    "sf": ("顺丰", ["顺丰速运", "顺丰"], ["sf-express", "sf", "sfexpress"]),
    "zto": ("中通", ["中通快递"], ["zto"]),
    "yto": ("圆通", ["圆通速递", "圆通快递"], ["yto"]),
    "sto": ("申通", ["申通快递"], ["sto"]),
    "yunda": ("韵达", ["韵达快递"], ["yunda", "yundaex"]),
    "ems": ("EMS", ["中国邮政", "EMS"], ["ems", "chinapost"]),
    "jdl": ("京东物流", ["京东物流", "京东快递"], ["jdl", "jdwl"]),
    "cainiao": ("菜鸟", ["菜鸟驿站", "菜鸟"], ["cainiao"]),
    "jtexpress": ("极兔", ["极兔速递"], ["jtexpress", "jt"]),
    "airchina": ("中国国航", ["中国国航", "国航"], ["airchina", "ca-air"]),
    "ceair": ("东方航空", ["东方航空", "东航"], ["ceair", "mu-air"]),
    "csair": ("南方航空", ["南方航空", "南航"], ["csair", "cz-air"]),
    "hnair": ("海南航空", ["海南航空", "海航"], ["hnair"]),
    "ctrip": ("携程", ["携程旅行", "携程"], ["ctrip", "xiecheng"]),
    "rail12306": ("12306", ["铁路12306", "铁路客服"], ["12306", "rail12306"]),
    "qunar": ("去哪儿", ["去哪儿旅行", "去哪儿网"], ["qunar"]),
    "chinalife": ("中国人寿", ["中国人寿"], ["chinalife", "gsrs"]),
    "pingan_ins": ("中国平安", ["中国平安", "平安保险"], ["pingan", "pa18"]),
    "cpic": ("太平洋保险", ["太平洋保险"], ["cpic"]),
    "picc": ("中国人保", ["中国人保", "人保财险"], ["picc"]),
    "taikang": ("泰康", ["泰康保险", "泰康人寿"], ["taikang"]),
    "police110": ("公安局", ["公安局"], ["gaj", "police", "jingfang"]),
    "antifraud": ("国家反诈中心", ["国家反诈中心", "反诈中心"], ["fanzha", "96110"]),
    "gov12345": ("12345热线", ["12345热线", "12345政务服务便民热线"], ["12345", "zwfw"]),
    "samr": ("12315", ["市场监管", "12315"], ["12315", "samr"]),
    "mohrss": ("人社局", ["人社局", "社保中心", "人力资源和社会保障局"], ["shebao", "mohrss", "12333"]),
    "tax": ("税务局", ["国家税务总局", "税务局", "个人所得税"], ["chinatax", "geshui", "tax"]),
    "traffic": ("交管12123", ["交管12123"], ["122", "12123", "jiaoguan"]),
    "nhsa": ("医保局", ["医保局", "国家医保服务平台"], ["yibao", "nhsa"]),
    "tencent": ("腾讯", ["腾讯", "腾讯客服"], ["tencent", "qq"]),
    "meizu": ("魅族", ["魅族"], ["meizu", "flyme"]),
    "czbank": ("浙商银行", ["浙商银行"], ["czbank"]),
    "mybank": ("网商银行", ["网商银行"], ["mybank", "wsyh"]),
    "cdb": ("国家助学贷款", ["国家助学贷款", "生源地助学贷款", "助学贷款中心"], ["zhuxue", "cdb", "xszx"]),
    "xianyu": ("闲鱼", ["闲鱼"], ["xianyu", "goofish"]),
    "suning": ("苏宁易购", ["苏宁易购"], ["suning"]),
    "deppon": ("德邦快递", ["德邦快递"], ["deppon", "db-wl"]),
    "xiamenair": ("厦门航空", ["厦门航空", "厦航"], ["xiamenair", "mf-air"]),
    "fliggy": ("飞猪", ["飞猪旅行"], ["fliggy", "feizhu"]),
    "newchina": ("新华保险", ["新华保险"], ["newchina", "xhrs"]),
    "taiping": ("中国太平", ["中国太平", "太平人寿"], ["taiping"]),
    "sinosig": ("阳光保险", ["阳光保险"], ["sinosig", "ygbx"]),
    "miit": ("工信部", ["工信部", "工业和信息化部"], ["miit", "gxb"]),
    "etc": ("ETC", ["ETC服务", "ETC服务中心", "高速ETC"], ["etc", "etcfw", "etc-gs"]),
    "pbc": ("人民银行", ["人民银行征信中心", "征信中心"], ["pbccrc", "zhengxin", "credit"]),
    "nfra": ("金融监管总局", ["金融监管总局"], ["nfra", "jrjg"]),
}

# Directory brands a scam template may claim; if the directory lacks one, this stand-in is used.
FALLBACK = {"etc": "x_etc", "miit": "x_miit", "cdb": "x_student", "pbc": "x_credit"}
# Directory brands left out of "sector:" pools (they do not send that sector's messages).
NOT_IN_SECTOR_POOLS = {"cdb", "mybank"}

# Official domains a legit message of these brands normally shows (must also be in the directory).
PREFERRED_DOMAINS = {"apple": ["apple.com.cn", "apple.com"], "taobao": ["tb.cn", "taobao.com", "tmall.com"],
                     "jd": ["3.cn", "jd.com"], "cmcc": ["10086.cn"], "unicom": ["10010.com", "10010.cn"],
                     "telecom": ["189.cn"], "wechatpay": ["wechatpay.cn", "tenpay.com"]}

# Names scams claim that are not (or need not be) in the directory. Never used by legit templates.
PSEUDO_BRANDS = {
    "x_etc": ("ETC", ["ETC服务", "高速ETC", "ETC中心", "粤通卡"], ["etc", "etcfw", "etc-gs"]),
    "x_court": ("法院", ["人民法院"], ["court", "fayuan", "susong"]),
    "x_miit": ("工信部", ["工信部", "工业和信息化部"], ["miit", "gxb"]),
    "x_subsidy": ("财政部", ["财政部", "补贴发放中心", "人社部"], ["butie", "czb", "subsidy"]),
    "x_student": ("国家助学贷款", ["国家助学贷款", "助学贷款中心"], ["zhuxue", "xszx"]),
    "x_credit": ("征信中心", ["征信中心", "人行征信中心"], ["zhengxin", "credit"]),
    "x_wzry": ("王者荣耀", ["王者荣耀"], ["wzry", "pvp-qq"]),
    "x_hpjy": ("和平精英", ["和平精英"], ["hpjy", "gp-qq"]),
    "x_genshin": ("原神", ["原神"], ["genshin", "ys-mhy"]),
    "x_netease": ("网易游戏", ["网易游戏"], ["163game", "netease"]),
    "x_jym": ("交易猫", ["交易猫"], ["jiaoyimao", "jym"]),
    "x_loan1": ("安心借", ["安心借"], ["anxinjie", "axj"]),
    "x_loan2": ("鑫易贷", ["鑫易贷"], ["xinyidai", "xyd"]),
    "x_loan3": ("惠民金融", ["惠民金融"], ["huimin", "hmjr"]),
    "x_loan4": ("速融通", ["速融通"], ["surongtong", "srt"]),
    "x_tvshow": ("节目组", ["奔跑吧节目组", "中国好声音", "开心辞典"], ["benpaoba", "zgsy", "hdtv"]),
    "x_invest": ("财富管家", ["财富管家", "金鼎投资", "牛市研究院"], ["caifu", "jd-touzi", "niushi"]),
}

# Sector in the directory -> the default sector slug of the SPEC.
SECTOR_SLUG = {"airline": "airline_travel", "travel": "airline_travel", "internet": "game"}

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN_CHARS = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞辉宇浩凯晨欣怡婷雪琳佳悦子轩梓涵一诺思雨嘉瑶博文俊昊天晓东海燕春兰建国志坤鑫")
NICK_PREFIX = ["小", "阿", "老"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京", "天津", "苏州",
          "长沙", "郑州", "青岛", "沈阳", "宁波", "昆明", "厦门", "合肥", "福州", "济南", "大连", "哈尔滨",
          "南宁", "贵阳", "太原", "石家庄", "海口", "三亚", "无锡", "佛山", "东莞", "温州", "泉州", "兰州"]
PROVINCE_PLATE = list("京沪粤浙苏川渝鄂陕湘豫鲁辽闽皖津冀晋桂黔云琼")
PRODUCTS = ["羽绒服", "儿童玩具", "空气炸锅", "蓝牙耳机", "补水面膜", "婴儿奶粉", "运动鞋", "床上四件套",
            "电热水壶", "儿童书包", "保温杯", "洗发水", "扫地机器人", "电动牙刷", "羊毛衫", "儿童电话手表",
            "护眼台灯", "加湿器", "口红套装", "纸尿裤"]
PRIZE_ITEMS = ["iPhone 16一台", "华为平板一台", "戴森吹风机一台", "笔记本电脑一台", "千足金手镯一只",
               "电动自行车一辆", "五星酒店双人套餐", "扫地机器人一台"]
MERCHANTS = ["财付通-美团", "支付宝-滴滴出行", "美团", "拼多多", "京东商城", "盒马鲜生", "中国石化",
             "星巴克", "瑞幸咖啡", "肯德基", "永辉超市", "沃尔玛", "山姆会员店", "华润万家", "麦当劳",
             "财付通-京东", "支付宝-饿了么", "海底捞", "优衣库", "中国石油"]
CARRIER_PACKAGES = ["5G智享套餐", "全家享融合套餐", "视频会员流量包", "亲情号码业务", "副卡业务",
                    "宽带续约", "夜间流量包", "来电提醒业务", "国际漫游日租包"]
COUNTRIES = ["中国香港", "日本", "泰国", "新加坡", "韩国", "马来西亚", "中国澳门", "越南", "法国"]
COMMUNITIES = ["阳光花园", "锦绣家园", "翠湖小区", "滨江苑", "金地名都", "幸福里", "绿城桂花园",
               "万科城", "学府路", "西湖新村", "城南公寓", "和平里"]
HOTELS = ["全季酒店", "亚朵酒店", "汉庭酒店", "如家酒店", "希尔顿欢朋酒店", "维也纳酒店", "桔子水晶酒店"]
ROADS = ["中山路与解放路路口", "人民大道", "滨江路", "建设北路", "环城西路", "科技大道", "长江路口",
         "机场高速收费站", "二环高架", "学院路"]
RESTAURANTS = ["老地方烧烤", "海底捞", "楼下川菜馆", "那家火锅店", "公司对面的湘菜馆", "万达的日料店"]
COMPANIES = ["星海科技", "恒远物流", "蓝鲸教育", "锦程设计", "启明软件", "华辰贸易", "远航传媒", "青禾餐饮"]
OFFICE_ADDRS = ["科技园{n}号楼{m}层", "软件园{n}栋{m}楼", "金融中心{n}座{m}层", "创业大厦{m}楼{n}室"]
GAMES_NOTE = ["点券", "皮肤", "钻石", "金币"]
SCREEN_APPS = ["向日葵", "ToDesk", "腾讯会议", "钉钉", "Zoom", "云视讯", "TeamViewer", "全时云会议"]
COURIER_NAMES = ["中通", "圆通", "韵达", "申通", "极兔", "邮政", "京东"]
LOAN_PRODUCTS = {"jd": ["京东金条", "京东白条"], "webank": ["微粒贷"], "alipay": ["借呗", "花呗"],
                 "cmb": ["闪电贷"], "ccb": ["快贷"], "icbc": ["融e借"], "_": ["信用贷", "备用金"]}
AIRLINE_CODES = {"airchina": "CA", "ceair": "MU", "csair": "CZ", "hnair": "HU", "xiamenair": "MF", "_": ["CA", "MU", "CZ", "HU", "3U", "ZH", "MF"]}
TRACKING = {"sf": ("SF", 13), "zto": ("7", 14), "yto": ("YT", 13), "sto": ("77", 11), "yunda": ("43", 11),
            "ems": ("11", 11), "jdl": ("JDX", 12), "jtexpress": ("JT", 13), "deppon": ("DPK", 12), "_": ("YT", 13)}
MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
                   "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "171",
                   "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186",
                   "187", "188", "189", "191", "198", "199"]
AREA_CODES_3 = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029"]
AREA_CODES_4 = ["0755", "0571", "0512", "0592", "0731", "0871", "0898", "0769", "0431", "0532", "0591", "0851"]
DOMAIN_WORDS = ["verify", "secure", "service", "kefu", "help", "support", "refund", "tuikuan", "lipei",
                "pay", "online", "vip", "cn", "center", "id", "unlock", "account", "update", "login",
                "auth", "jf", "card", "app", "check", "my", "web", "safe", "kf", "renzheng", "fuwu", "hk"]
CHEAP_TLDS = ["top", "xyz", "vip", "cc", "icu", "club", "shop", "site", "online", "live", "cyou", "sbs",
              "buzz", "info", "com", "net", "cn", "me", "co", "work", "ltd", "pw", "link", "wang", "ren"]
SHORTENERS = ["t.cn", "dwz.cn", "url.cn", "bit.ly", "suo.im", "tinyurl.com", "is.gd", "mrw.so", "cutt.ly"]
LINK_PATHS = ["login", "verify", "index.html", "m", "h5/#/", "refund?id={x}", "?u={x}", "lp/{x}", "pay",
              "kf", "a/{x}", "#/claim", "user/auth", "{x}", "wap/{x}.html"]
IP_FIRST_OCTETS = [43, 45, 47, 101, 103, 106, 107, 110, 111, 114, 117, 118, 119, 120, 121, 123, 139,
                   146, 154, 156, 175, 182, 185, 194, 203, 211]
WECHAT_PREFIXES = ["kf", "kefu", "lipei", "tk", "vip", "zx", "fw", "service", "help", "gf", "sh"]
FEES = [29, 39, 68, 88, 99, 128, 168, 198, 288, 299, 388, 499, 588, 699, 799, 998]
DEADLINES = ["24小时", "48小时", "2小时", "72小时", "12小时", "3个工作日", "两小时", "24小时"]
OVERSEAS = [  # (prefix, national digits, leading digits, groups)
    ("852", 8, "569", (4, 4)), ("853", 8, "6", (4, 4)), ("63", 10, "9", (3, 3, 4)),
    ("855", 9, "1789", (2, 3, 4)), ("60", 9, "1", (2, 3, 4)), ("66", 9, "89", (2, 3, 4)),
    ("95", 9, "9", (1, 4, 4)), ("1", 10, "2345678", (3, 3, 4)),
]

# ~220 common simplified -> traditional characters (one-to-one cases only).
TRAD_PAIRS = """
银銀 户戶 账賬 号號 码碼 务務 话話 请請 验驗 证證 认認 冻凍 结結 关關 闭閉 开開 费費 额額 还還
单單 订訂 货貨 递遞 员員 联聯 络絡 网網 点點 击擊 链鏈 时時 间間 将將 过過 动動 态態 积積 兑兌
换換 现現 领領 奖獎 励勵 补補 贴貼 个個 税稅 办辦 资資 产產 审審 卖賣 买買 实實 际際 东東 国國
电電 讯訊 达達 发發 给給 红紅 优優 会會 级級 处處 罚罰 违違 规規 险險 应應 该該 为為 这這 们們
对對 让讓 后後 从從 来來 气氣 万萬 与與 专專 业業 丢丟 两兩 严嚴 临臨 义義 乐樂 书書 乱亂 亏虧
云雲 亲親 价價 众眾 传傳 伤傷 体體 余餘 债債 储儲 儿兒 兴興 养養 册冊 军軍 农農 决決 准準 减減
则則 创創 删刪 别別 剧劇 劳勞 势勢 区區 医醫 华華 协協 卫衛 压壓 县縣 参參 双雙 变變 吗嗎 启啟
响響 问問 团團 园園 围圍 图圖 场場 坏壞 块塊 报報 声聲 备備 头頭 妈媽 学學 宝寶 宽寬 导導 层層
属屬 岁歲 币幣 师師 带帶 帮幫 库庫 异異 张張 强強 归歸 当當 录錄 总總 恶惡 惊驚 战戰 执執 扫掃
扰擾 抢搶 护護 担擔 拥擁 择擇 挂掛 据據 损損 数數 断斷 无無 旧舊 显顯 暂暫 术術 机機 杀殺 权權
条條 极極 标標 样樣 档檔 检檢 楼樓 欢歡 毕畢 汇匯 没沒 济濟 测測 览覽 满滿 灵靈 热熱 爱愛 状狀
独獨 环環 画畫 疗療 监監 盖蓋 盘盤 确確 离離 种種 称稱 稳穩 签簽 简簡 类類 紧緊 纪紀 约約 纳納
线線 练練 组組 细細 终終 经經 绑綁 统統 继繼 续續 维維 职職 胜勝 脑腦 脸臉 举舉 节節 苹蘋 获獲
营營 装裝 见見 观觀 视視 觉覺 计計 议議 记記 讲講 许許 论論 设設 访訪 评評 识識 诈詐 诉訴 询詢
试試 详詳 语語 误誤 说說 读讀 谁誰 调調 谈談 谢謝 质質 购購 贷貸 赔賠 转轉 软軟 载載 输輸 边邊
运運 进進 远遠 连連 选選 遗遺 邮郵 释釋 钉釘 钥鑰 钱錢 铁鐵 销銷 锁鎖 错錯 长長 门門 闲閒 闻聞
阶階 陆陸 随隨 隐隱 难難 顺順 须須 预預 频頻 题題 风風 飞飛 饭飯 馆館 鱼魚 鸟鳥 黄黃 龙龍 齐齊
腾騰 绍紹 闪閃 仅僅 亿億 写寫 够夠 庆慶 讨討 训訓 赠贈 赢贏 凭憑 侦偵 缉緝 罗羅 队隊 贵貴 页頁
迟遲 适適 顾顧 圆圓 韵韻 门門 纸紙 厅廳 陈陳 刘劉 杨楊 赵趙 吴吳 孙孫 郑鄭 冯馮 邓鄧 韩韓
"""
TRAD = dict(pair for pair in (tuple(p) for p in TRAD_PAIRS.split()) if len(pair) == 2)

# Latin letter -> look-alike Cyrillic/Greek letters.
HOMOGLYPHS = {"a": "аα", "e": "е", "o": "оο", "p": "рρ", "c": "с", "x": "хχ", "i": "іι", "y": "у",
              "k": "κ", "v": "ν", "A": "АΑ", "E": "ЕΕ", "O": "ОΟ", "P": "РΡ", "C": "С", "X": "ХΧ",
              "T": "ТΤ", "H": "НΗ", "K": "КΚ", "M": "МΜ", "B": "ВΒ", "I": "ІΙ", "N": "Ν"}
TYPOS = {"l": "1", "o": "0", "i": "1", "e": "3", "s": "5", "m": "rn", "w": "vv", "a": "4"}
CN_DIGITS_UPPER = "零壹贰叁肆伍陆柒捌玖"
CN_DIGITS_LOWER = "〇一二三四五六七八九"
WECHAT_DISGUISES = ["V信", "薇信", "威信", "vx", "VX", "wx", "微❤", "嶶信", "徽信", "v信"]
QQ_DISGUISES = ["扣扣", "Q Q", "企鹅号", "qq", "扣扣号"]
PAD_SEPARATORS = [" ", "*", "-", "·", "|", "/", "_", ".", "  "]
ZERO_WIDTH = ["\u200b", "\u200b", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
SPELLED_DOTS = ["。", "。", "点", "点", "[.]", "(点)", " . ", "(.)"]
PAD_KEYWORDS = ["客服", "退款", "理赔", "冻结", "解冻", "贷款", "征信", "公安", "法院", "中奖", "兼职",
                "刷单", "验证码", "账户", "注销", "补贴", "认证", "返利", "佣金", "保证金", "安全账户"]

# =============================================================================================
# Templates
# =============================================================================================
# Syntax: {slot} is filled by a slot function (same slot name = same value within a message);
# [[a|b|c]] picks one alternative (alternatives may contain slots, not other alternatives).
# A leading {sig} is moved to the end of the message in about a quarter of the rows.
# pool: tuple of brand ids, "sector:<directory sector>", or None (no brand).


@dataclass(frozen=True)
class Template:
    id: str
    label: str
    category: str
    sector: str
    pool: object
    text: str


def S(tid, category, sector, pool, text):
    return Template("scam_" + tid, "scam", category, sector, pool, text)


def L(tid, category, sector, pool, text):
    return Template("legit_" + tid, "legit", category, sector, pool, text)


CS, AUTH, LOAN, ACQ, TASK, INV, PRIZE, SEX, PHISH = (
    "impersonate_customer_service", "impersonate_authority", "loan_credit", "impersonate_acquaintance",
    "task_scam", "investment", "prize", "sextortion", "phishing_link")
PHONE_MAKERS = ("huawei", "xiaomi", "oppo", "vivo", "honor", "samsung", "meizu")
AIRLINES = ("airchina", "ceair", "csair", "hnair", "xiamenair")
SHOPS = ("taobao", "jd", "pdd", "douyin", "kuaishou", "vip", "xianyu", "suning")
CARRIERS = ("cmcc", "unicom", "telecom")
COURIERS = ("sf", "zto", "yto", "sto", "yunda", "ems", "jdl", "jtexpress", "deppon")
GAMES = ("x_wzry", "x_hpjy", "x_genshin", "x_netease")
LOANS = ("x_loan1", "x_loan2", "x_loan3", "x_loan4")

SCAM_TEMPLATES = [
    # ---- customer service: banks
    S("cs_bank_01", CS, "bank", "sector:bank",
      "{sig}尊敬的客户，您尾号{tail}的[[储蓄卡|借记卡|银行卡]]因[[涉嫌异常交易|多次异地登录|身份信息过期]]已被临时冻结，"
      "[[请于{deadline}内|请尽快]]致电{cs_phone}解除，逾期将[[永久冻结|注销账户|影响征信]]。"),
    S("cs_bank_02", CS, "bank", "sector:bank",
      "{sig}您尾号{tail}的信用卡[[已开通|被误开通]]{brand}[[尊享会员|VIP增值服务|账户安全险]]，将于{date}起每月扣费{fee}元，"
      "如非本人办理请联系客服{cs_phone}取消。"),
    S("cs_bank_03", CS, "bank", "sector:bank",
      "{brand}信用卡中心：您的信用卡[[已获提额资格|临时额度已批复]]，可提升至{big}元，[[名额有限|仅限今日办理]]，"
      "[[请添加专属客服{wx}|请回电{mobile}]]办理激活。"),
    S("cs_bank_04", CS, "bank", "sector:bank",
      "{sig}客户您好，因系统升级您的[[网银U盾|手机银行数字证书|银行卡磁条]]已失效，需[[下载{app}|进入{meet}]]由工作人员"
      "远程协助重新认证，咨询{cs_phone}。"),
    # ---- Apple and phone makers
    S("cs_apple_01", CS, "apple", ("apple",),
      "{sig}您的Apple ID[[在异地设备登录|存在异常消费|涉嫌违规充值]]，已被[[临时锁定|限制使用]]，请于{deadline}内致电"
      "Apple[[官方客服|售后中心]]{cs_phone}解锁，逾期[[将永久停用|iCloud数据将被清除]]。"),
    S("cs_apple_02", CS, "apple", ("apple",),
      "[[苹果客服|Apple售后|Apple支持]]提醒：您的iCloud[[自动续费|会员订阅]]将于今晚扣除{fee}元[[年费|费用]]，"
      "若非本人订阅请[[添加客服{wx}|联系{qq}]]办理退订并退款。"),
    S("cs_apple_03", PHISH, "apple", ("apple",),
      "{sig}您的iPhone[[已被标记为丢失|定位已被开启]]，设备信息需在{deadline}内验证，[[请访问|点击]]{fake_url}"
      "[[登录Apple ID|确认机主身份]]，否则设备将被远程锁定。"),
    S("cs_phone_01", CS, "phone_maker", PHONE_MAKERS,
      "{sig}尊敬的用户，您的[[云空间|手机碎屏险|延保服务]]将于{date}到期自动续费{fee}元，如需取消请联系{brand}客服"
      "{cs_phone}，[[逾期不予退还|过期无法办理]]。"),
    S("cs_phone_02", CS, "phone_maker", PHONE_MAKERS,
      "{brand}售后：经检测您购买的机型存在[[电池批次问题|主板质量隐患|屏幕批次缺陷]]，可申请[[召回补偿|双倍赔付]]{amount}元，"
      "请添加售后专员{wx}登记。"),
    # ---- carriers
    S("cs_carrier_01", PHISH, "carrier", CARRIERS,
      "{sig}尊敬的客户，您的话费积分{points}分将于本月底清零，[[可兑换|现可兑换]]{amount}元现金红包，"
      "[[登录|点击]]{link}[[立即兑换|领取]]。"),
    S("cs_carrier_02", CS, "carrier", CARRIERS,
      "{sig}您好，您的手机号[[实名信息不完整|未完成二次实名认证|涉嫌违规外呼]]，将于{deadline}后停机，"
      "[[请拨打|请回电]]{cs_phone}[[办理认证|核实]]。"),
    S("cs_carrier_03", CS, "carrier", CARRIERS,
      "{brand}客服：您的套餐[[资费已下调|被重复收费]]，系统核查需退还您{amount}元，请[[下载{app}|进入{meet}]]"
      "配合操作[[领取退款|完成退费]]。"),
    # ---- couriers
    S("cs_courier_01", CS, "courier", COURIERS,
      "{sig}您好，您的快递{tracking}在运输途中[[丢失|破损|被雨水浸泡]]，[[我司|公司]]将按[[三倍|双倍]]赔偿{amount}元，"
      "请添加理赔专员{wx}[[办理|登记]]理赔。"),
    S("cs_courier_02", PHISH, "courier", COURIERS,
      "{sig}您的包裹因[[地址不详|收件信息有误|门牌号不全]]暂无法派送，请于{deadline}内[[点击|登录]]{link}更新地址，"
      "逾期将退回寄件人。"),
    S("cs_courier_03", CS, "courier", COURIERS,
      "我是{brand}客服，您{date}的快递在[[中转站|分拣中心]]被[[判定含违禁品|海关扣留]]，需缴纳[[保证金|清关费]]{amount}元，"
      "[[请联系|详询]]{cs_phone}。"),
    # ---- e-commerce
    S("cs_ecom_01", CS, "ecommerce", SHOPS,
      "{brand}客服：您好，您购买的{product}经质检[[不合格|甲醛超标|存在安全隐患]]，已被下架，现为您办理[[双倍退款|三倍赔付]]"
      "{amount}元，请[[添加{wx}|联系{cs_phone}]]。"),
    S("cs_ecom_02", CS, "ecommerce", SHOPS,
      "{sig}您在{brand}开通的[[店铺会员|VIP主播会员|直播带货权限]]即将每月扣费{fee}元，如非本人开通请于{deadline}内联系客服"
      "{cs_phone}关闭，否则将[[自动扣款|影响个人征信]]。"),
    S("cs_ecom_03", CS, "ecommerce", SHOPS,
      "亲，您在{brand}[[下的订单|购买的商品]]{order}因[[仓库缺货|系统异常]]无法发货，我们将为您退款{amount}元，"
      "请[[点击|打开]]{link}填写退款信息。"),
    S("cs_ecom_04", CS, "ecommerce", ("taobao", "jd", "pdd", "meituan", "eleme", "douyin"),
      "您好，我是{brand}售后，您{date}买的{product}[[有质量问题|快递丢件了]]，给您退款{amount}元，请[[打开支付宝备用金|在{app}里]]"
      "按我说的操作，[[不要挂电话|别告诉别人]]。"),
    # ---- payment apps
    S("cs_pay_01", CS, "payment", ("alipay", "wechatpay"),
      "{sig}您已开通[[百万保障|百万医疗保障|账户安全险]]服务，试用期结束后将每月自动扣费{fee}元，如需关闭请致电{cs_phone}。"),
    S("cs_pay_02", CS, "payment", ("alipay",),
      "[[支付宝客服|蚂蚁金服客服]]：您的[[花呗|借呗]]账户[[因年龄不符|利率不合规|存在违规套现]]需关闭，否则将[[上报征信|影响征信]]，"
      "请于{deadline}内联系{cs_phone}办理。"),
    S("cs_pay_03", CS, "student_loan", ("jd", "alipay", "webank"),
      "{brand}通知：您大学期间开通的[[校园贷|学生账户]]未注销，按[[银保监会|金融监管局]]要求须在{deadline}内处理，"
      "否则将[[影响征信|记入失信名单]]，客服{cs_phone}。"),
    S("cs_pay_04", CS, "payment", ("wechatpay", "alipay", "unionpay"),
      "{sig}您的[[账户|收款码]]因涉嫌[[违规收款|赌博资金流入]]已被限制，需[[缴纳保证金|完成资金验证]]后解封，"
      "请[[添加客服{qq}|联系{cs_phone}]]。"),
    S("cs_pay_05", LOAN, "loan", ("pbc",),
      "{sig}您的个人征信存在[[逾期记录|不良记录]]，现可[[免费|一次性]]申请修复，[[名额有限|今日截止]]，请联系{wx}办理。"),
    # ---- airlines and travel
    S("cs_air_01", CS, "airline_travel", AIRLINES,
      "{sig}尊敬的旅客，您预订的{date}{city}飞往{city2}的{flight}航班因[[机械故障|天气原因|航空管制]]已取消，"
      "请致电{cs_phone}办理改签，[[每人可获|另有]]延误补偿{amount}元。"),
    S("cs_air_02", PHISH, "airline_travel", AIRLINES,
      "[[{brand}|航空公司]]通知：您乘坐的{flight}航班已取消，[[改签及理赔|退票及补偿]]请[[点击|访问]]{link}，{deadline}内有效。"),
    S("cs_air_03", CS, "airline_travel", ("ctrip", "qunar", "fliggy"),
      "{brand}客服：您{date}的{flight}航班[[因故取消|延误超过4小时]]，为您申请了理赔{amount}元，因银行卡绑定错误无法到账，"
      "请[[联系|回拨]]{cs_phone}处理。"),
    # ---- insurers
    S("cs_ins_01", CS, "insurer", "sector:insurer",
      "{sig}尊敬的客户，您的[[意外险|医疗保险|车险]]保单[[即将到期|已到期]]，系统将自动扣除{fee}元续保，"
      "[[如需退保请联系|取消请致电]]{cs_phone}。"),
    S("cs_ins_02", CS, "insurer", "sector:insurer",
      "{brand}理赔中心：您有一笔[[保单分红|理赔款|退保金]]{amount}元待领取，[[因银行卡信息有误|账户核验未通过]]，"
      "请添加理赔专员{wx}领取。"),
    # ---- games
    S("cs_game_01", CS, "game", GAMES,
      "{sig}检测到您的账号[[存在未成年人充值|被盗刷{note}]]，可申请[[全额退款|充值退还]]{amount}元，请于{deadline}内联系客服{qq}办理。"),
    S("cs_game_02", CS, "game", GAMES + ("x_jym",),
      "您在[[{brand}|交易平台]]出售的游戏账号已被买家拍下，但您的账户[[被冻结|资金异常]]无法提现，需缴纳[[解冻金|保证金]]{amount}元，"
      "联系客服{wx}。"),
    # ---- authorities
    S("auth_police_01", AUTH, "police", ("police110",),
      "[[我是|这里是]]{city}市公安局[[刑侦支队|经侦大队]]，你的身份证涉嫌一起[[洗钱|非法集资|诈骗]]案件，请立即回电{landline}"
      "配合调查，[[不要告诉任何人|案件保密]]。"),
    S("auth_police_02", AUTH, "police", ("police110",),
      "{city}公安：你名下银行卡[[涉嫌洗钱|被用于诈骗]]，需将资金转入[[安全账户|国家清查账户]]接受核查，核查后[[原路退回|24小时内返还]]，"
      "[[请下载{app}|请进入{meet}]]配合办案。"),
    S("auth_court_01", AUTH, "government", ("x_court",),
      "【{city}市人民法院】您有一张[[法院传票|诉讼文书]]未领取，案号{case_no}，[[请于{deadline}内|请尽快]]致电{cs_phone}查询，"
      "逾期将[[强制执行|缺席判决]]。"),
    S("auth_court_02", PHISH, "government", ("x_court",),
      "{city}人民法院通知：您因[[信用卡欠款|网贷逾期]]被起诉，[[电子传票|起诉书]]已发送，请查看{link}，逾期未处理将"
      "[[冻结名下资产|列入失信名单]]。"),
    S("auth_etc_01", PHISH, "government", ("etc",),
      "{sig}您的ETC[[认证已失效|卡已过期]]，[[即将停用|暂停通行]]，请[[点击|登录]]{link}[[重新认证|办理解锁]]，以免影响高速通行。"),
    S("auth_etc_02", AUTH, "government", ("etc",),
      "{sig}[[尊敬的车主|车主您好]]，您的车辆{plate}的ETC[[设备未激活|信息核验失败]]，可[[拨打|咨询]]{cs_phone}[[办理|激活]]，"
      "逾期将[[注销|扣除违约金{fine}元]]。"),
    S("auth_yibao_01", AUTH, "government", ("nhsa",),
      "{sig}您的医保卡[[存在异常刷卡|被他人冒用|涉嫌违规套现]]，[[即将冻结|已暂停使用]]，请致电{cs_phone}核实，"
      "[[否则将影响报销|逾期追究法律责任]]。"),
    S("auth_yibao_02", PHISH, "government", ("nhsa",),
      "{sig}[[今年|本年度]]医保[[个人账户余额|补贴]]可提现{amount}元，请于{deadline}内[[登录|访问]]{link}[[申领|完成认证]]，逾期作废。"),
    S("auth_tax_01", PHISH, "government", ("tax",),
      "{sig}您有一笔个人所得税退税{amount}元[[待领取|尚未办理]]，[[请于{deadline}内|请尽快]]登录{fake_url}填写银行卡信息办理，"
      "逾期视为放弃。"),
    S("auth_tax_02", AUTH, "government", ("tax",),
      "[[税务局|个税中心]]提示：您的个税[[申报异常|存在漏报]]，需补缴税款及滞纳金{amount}元，[[请联系|详询]]专员{cs_phone}，"
      "否则[[纳入征信|罚款处理]]。"),
    S("auth_shebao_01", PHISH, "government", ("mohrss",),
      "{sig}您的社保卡[[将于{date}停用|需进行年度认证]]，请[[点击|登录]]{link}完成[[人脸认证|资格认证]]，"
      "否则[[养老金暂停发放|医保无法使用]]。"),
    S("auth_subsidy_01", AUTH, "government", ("x_subsidy",),
      "{sig}您符合本年度[[个人劳动补贴|育儿补贴|职业技能补贴|电子消费券]]领取条件，金额{amount}元，请于{deadline}内"
      "[[访问|扫码或登录]]{link}申领。"),
    S("auth_student_01", AUTH, "student_loan", ("cdb",),
      "{sig}您在校期间办理的助学贷款[[账户未注销|利率需调整]]，[[按国家规定|根据最新政策]]须于{deadline}内处理，"
      "否则影响征信，[[联系|请加]]工作人员{wx}。"),
    S("auth_traffic_01", PHISH, "government", ("traffic",),
      "{sig}您的车辆{plate}[[有一笔违章未处理|存在未缴罚款]]，罚款{fine}元，[[请于{deadline}内|请尽快]]登录{fake_url}缴纳，"
      "逾期将[[加收滞纳金|暂扣驾驶证]]。"),
    S("auth_miit_01", AUTH, "government", ("miit",),
      "{sig}您的手机号[[涉嫌发送诈骗短信|被大量用户举报]]，[[两小时后|今日内]]将被停机，[[如有疑问请致电|核实请拨打]]{cs_phone}。"),
    # ---- acquaintances
    S("acq_newnum_01", ACQ, "acquaintance", None,
      "[[爸|妈|老爸|老妈]]，我手机[[掉水里了|坏了|丢了]]，[[这是我|先用这个]]新号，[[你加我这个微信|加下我新微信]]{wxid}，"
      "有急事[[跟你说|找你]]。"),
    S("acq_leader_01", ACQ, "acquaintance", None,
      "[[你好|小{surname}]]，我是{surname2}[[总|局|主任]]，这是我[[新换的微信|工作新号]]，[[加一下|你加我一下]]{wx}，"
      "有[[事情|急事]]交代你。"),
    S("acq_leader_02", ACQ, "acquaintance", None,
      "我是你们{surname}总，明天上午来我办公室一趟。[[先|另外]]帮我[[给合作方|给一个客户]]转一笔{amount}元[[保证金|定金]]，"
      "我在开会不方便，[[账户我发你|转好截图给我]]。"),
    S("acq_friend_01", ACQ, "acquaintance", None,
      "[[兄弟|老同学|哥]]，我是{name}，[[在外地|在医院]]急用钱，手机号换了这个{mobile}，能先借我{amount}元吗？"
      "[[明天就还|周末还你]]，微信转不了，直接转卡吧。"),
    S("acq_teacher_01", ACQ, "acquaintance", None,
      "各位家长好，我是{surname}老师，[[本学期|下学期]]资料费{fee}元[[请于今天内|今晚前]]缴纳，[[请加我新微信|扫码进收费群或加]]"
      "{wxid}，[[逾期影响孩子领书|统一开收据]]。"),
    S("acq_relative_01", ACQ, "acquaintance", None,
      "[[表姐|姐|舅舅]]，我是{given}，这个号是新办的，旧号不用了。我[[在外面出了点事|被朋友坑了]]，你先别告诉我爸妈，"
      "[[能不能|方便]]转我{amount}块应急？"),
    # ---- task scams
    S("task_01", TASK, "part_time", None,
      "[[招聘|急招]]兼职[[点赞员|刷单员|打字员]]，[[手机操作|在家就能做]]，一单{commission}元，日结[[两三百|三五百]]，"
      "[[有意者|感兴趣的]]加{wx}[[详谈|咨询]]。"),
    S("task_02", TASK, "part_time", ("douyin", "kuaishou", "taobao"),
      "{sig}诚招[[居家|线上]]兼职，[[关注主播|给视频点赞]]即可获得{commission}元佣金，[[当日结算|秒到账]]，[[请访问|点击]]{link}报名，回T退订"),
    S("task_03", TASK, "part_time", None,
      "您好，您的[[简历|求职信息]]已通过[[筛选|初审]]，我司招聘[[网络客服|线上刷单员|商品评价员]]，[[时间自由|每天一两小时]]，"
      "日薪{wage}元，[[面试|详情]]请加{qq}"),
    S("task_04", TASK, "part_time", None,
      "[[第一单|新人任务]]已返佣完成，接下来是[[组合任务|连单任务]]，需[[一次性垫付|先充值]]{advance}元，完成后本金加佣金"
      "{payback}元一起返还，[[请尽快操作|超时视为放弃]]。"),
    S("task_05", TASK, "part_time", None,
      "恭喜成为[[电商|直播间]]合作推广员！[[下载|打开]]{link}[[注册|登录]]，每完成一单返{percent}%佣金，[[首单必返|三单结算]]，"
      "导师{wx}"),
    # ---- investment
    S("inv_01", INV, "investment", None,
      "[[{name}老师|股神{surname}老师]]内部[[荐股群|交流群]]今日[[免费|限时]]开放，[[明日涨停股|三只牛股]]已选好，"
      "[[加{wxid}进群|加{qq}进群]]，[[名额仅剩{small}个|满员即止]]。"),
    S("inv_02", INV, "investment", ("x_invest",),
      "{sig}恭喜您获得[[新股申购|打新]]内部额度，[[中签率100%|稳赚不赔]]，[[下载APP：|登录]]{link}[[开户|认购]]，"
      "[[导师一对一指导|专人带单]]。"),
    S("inv_03", INV, "investment", None,
      "USDT[[搬砖|套利]]项目，[[日收益|每天稳定收益]]{percent}%，[[本金随时可提|无风险]]，[[平台|交易所]]地址{link}，"
      "[[邀请码|注册码]]{code}，有问题[[找我|私聊我]]。"),
    S("inv_04", INV, "investment", None,
      "[[恭喜您被选为|您已入选]][[私募|理财]][[VIP客户|内部会员]]，[[黄金|外汇|原油]]带单[[月收益超30%|稳赚不亏]]，"
      "[[导师{surname}老师|分析师]]{wx}，添加后领取[[体验金|见面礼]]{small}元。"),
    # ---- loans and credit
    S("loan_01", LOAN, "loan", LOANS,
      "{sig}您的[[信用额度|备用金]]{big}元已[[审批通过|到账待提]]，[[无抵押|免征信]]，[[年化利率低至3.6%|当天放款]]，"
      "[[点击|登录]]{link}[[领取|提现]]，回T退订"),
    S("loan_02", LOAN, "loan", None,
      "[[您好|亲]]，您申请的贷款{big}元[[因银行卡号填写错误|流水不足]]已被冻结，需[[缴纳解冻金|补足流水]]{amount}元才能放款，"
      "[[请联系|请加]]客服{wx}处理。"),
    S("loan_03", LOAN, "loan", None,
      "[[急用钱|缺钱周转]]？[[无需抵押|不看征信|黑户可贷]]，{big}[[当天|两小时]]到账，[[手续费全免|先放款后收费]]，"
      "[[联系|咨询]]{mobile}[[王经理|{surname}经理]]。"),
    S("loan_04", LOAN, "loan", ("jd", "webank", "alipay"),
      "{sig}您的{loan_product}额度[[已提升至|可临时提额至]]{big}元，[[仅限今日领取|{deadline}内有效]]，"
      "[[请致电{cs_phone}|请登录{fake_url}]]激活。"),
    S("loan_05", LOAN, "loan", ("jd", "alipay", "webank"),
      "您在{brand}的[[借款|贷款]]已逾期[[{small}天|多日]]，[[已上报征信|将移交法务]]，[[请立即联系|今日内回电]]{cs_phone}"
      "协商还款，否则[[将通知您的通讯录联系人|上门催收]]。"),
    # ---- prizes
    S("prize_01", PRIZE, "prize", ("x_tvshow",),
      "{sig}恭喜您被抽选为[[场外幸运观众|二等奖用户]]，获得[[奖金|现金]]{big}元及{prize_item}，[[请登录|领取请访问]]{link}，"
      "验证码{code}。"),
    S("prize_02", PRIZE, "prize", ("cmcc", "taobao", "jd", "huawei", "unicom", "telecom"),
      "{sig}尊敬的用户，恭喜您在[[年终回馈|周年庆]]活动中[[抽中|获得]]{prize_item}，[[需支付邮费|仅需缴纳{small}元手续费]]，"
      "请[[添加客服{wx}|点击{link}]]领取。"),
    S("prize_03", PRIZE, "prize", None,
      "[[您快递里的刮刮卡|店铺回馈卡]]已中[[一等奖|特等奖]]{big}元，[[请扫背面二维码或访问|领取请访问]]{link}兑奖，"
      "[[客服|兑奖热线]]{cs_phone}。"),
    S("prize_04", PRIZE, "prize", ("jd", "taobao", "pdd", "meituan"),
      "恭喜您[[被抽中|中奖]]！{brand}[[会员日|店庆]]免单名额，[[领取请回复1|回复Y领取]]，[[名额有限|今日截止]]，"
      "[[工作人员将联系您|稍后客服会联系您]]。"),
    # ---- phishing links
    S("phish_bank_01", PHISH, "bank", "sector:bank",
      "{sig}您的[[手机银行|网银]][[数字证书|安全控件]]将于今日过期，请[[立即|及时]]登录{fake_url}[[更新|升级]]，"
      "[[以免影响|否则将暂停]]正常使用。"),
    S("phish_bank_02", PHISH, "bank", "sector:bank",
      "{sig}[[您的账户积分|信用卡积分]]{points}可兑换[[现金{amount}元|{prize_item}]]，[[今日|本周]]到期，[[兑换|详情]]：{link}"),
    S("phish_parcel_01", PHISH, "phishing", None,
      "[[您有一个包裹|你的快递]]派送失败，请[[在|于]]{deadline}内更新[[收货|送货]]地址：{short}"),
    S("phish_apple_01", PHISH, "apple", ("apple",),
      "Apple[[支付|付款方式]]验证失败，您的[[Apple ID|iCloud]]将于{date}被停用。请[[立即|尽快]]访问{fake_url}更新"
      "[[账单信息|付款信息]]。"),
    S("phish_wechat_01", PHISH, "payment", ("wechatpay",),
      "【微信安全中心】您的账号于{time}在[[异地|陌生设备]]登录，[[存在封号风险|已被限制登录]]，[[请|立即]]访问{fake_url}解除限制。"),
    # ---- sextortion
    S("sex_01", SEX, "sextortion", None,
      "[[你的视频|你刚才的视频]]我已经录屏了，[[你通讯录我也导出了|你的通讯录在我手上]]，[[不想|如果不想]]让你家人同事看到，"
      "[[{deadline}内|今天]]转{amount}到指定账户，[[加|联系]]{wx}。"),
    S("sex_02", SEX, "sextortion", None,
      "[[同城|附近]][[寂寞|单身]]美女[[在线|约会]]，[[上门服务|视频聊天]]，[[先交|需付]]{fee}元[[定金|保证金]]，"
      "[[下载|登录]]{link}注册。"),
]

LEGIT_TEMPLATES = [
    # ---- transaction alerts
    L("txn_01", "transaction_alert", "bank", "sector:bank",
      "{sig}您尾号{tail}卡{date}{time}[[支出|消费|快捷支付]]({merchant}){money}元，余额{balance}元。"),
    L("txn_02", "transaction_alert", "bank", "sector:bank",
      "{sig}您尾号{tail}的账户{date}{time}[[工资|代发工资|转账]]收入{bigmoney}元，余额{balance}元。[[详询{ophone}。|]]"),
    L("txn_03", "transaction_alert", "bank", "sector:bank",
      "{sig}您尾号{tail}的信用卡{month}月{bill}，到期还款日{due}。[[可通过手机银行还款|详询{ophone}]]。"),
    L("txn_04", "transaction_alert", "bank", "sector:bank",
      "{sig}您尾号{tail}的信用卡已逾期，[[当前欠款|应还金额]]{money}元，请尽快还款以免影响个人征信。如已还款请忽略，详询{ophone}。"),
    L("txn_05", "transaction_alert", "bank", "sector:bank",
      "{sig}您尾号{tail}的账户因[[长期未使用|超过一年无交易]]已转为[[久悬账户|不动户]]，如需恢复请本人携带身份证到网点办理。"
      "[[咨询{ophone}。|]]"),
    L("txn_06", "transaction_alert", "payment", ("alipay",),
      "{sig}您的花呗{month}月账单{money}元，[[还款日为|最后还款日]]{due}，可在支付宝APP内还款。[[逾期将产生违约金，请按时还款。|如已还款请忽略。]]"),
    L("txn_07", "transaction_alert", "bank", "sector:bank",
      "{sig}您尾号{tail}的卡于{date}{time}自动还款失败，[[余额不足|账户余额不足]]，[[请及时存入|请确保卡内余额充足]]，以免产生逾期记录。客服{ophone}"),
    L("txn_08", "transaction_alert", "bank", "sector:bank",
      "{sig}[[您尾号{tail}的信用卡|您的信用卡]]{date}{time}在{merchant}消费{money}元。[[非本人交易请致电{ophone}|如有疑问请拨打{ophone}]]。"),
    L("txn_09", "transaction_alert", "payment", ("wechatpay",),
      "【微信支付】您于{date}{time}向{merchant}付款{money}元，支付方式：零钱。[[账单详情可在微信支付账单中查看。|如有疑问请致电{ophone}。]]"),
    # ---- verification codes
    L("code_01", "verification_code", "bank", "sector:bank",
      "{sig}验证码{code}，您正在[[进行网上支付，金额{money}元|登录手机银行|绑定新设备|进行大额转账，金额{bigmoney}元]]，任何人索取验证码均为诈骗，切勿泄露！"),
    L("code_02", "verification_code", "apple", ("apple",),
      "[[您的 Apple 账户验证码为|你的 Apple ID 验证码是|Apple ID 验证码]]：{code}。请勿与他人共享。[[|Apple 不会通过电话向你索取此代码。]]"),
    L("code_03", "verification_code", "payment", ("alipay",),
      "{sig}验证码：{code}，[[您正在登录支付宝|用于支付宝身份验证|您正在修改支付密码]]，[[工作人员不会向您索取|支付宝工作人员不会索取]]，请勿泄露。"),
    L("code_04", "verification_code", "airline_travel", ("rail12306",),
      "{sig}验证码：{code}，您正在[[使用手机号注册12306|进行12306账号验证|修改12306绑定手机]]，[[请勿向任何人提供|切勿告知他人]]。"),
    L("code_05", "verification_code", "ecommerce", ("taobao", "jd", "pdd", "meituan", "eleme", "douyin", "vip"),
      "{sig}验证码{code}，[[用于登录|您正在登录]]{brand}账号，{minutes}分钟内有效。[[请勿泄露给他人。|如非本人操作请忽略。]]"),
    L("code_06", "verification_code", "carrier", CARRIERS,
      "{sig}您的[[短信验证码|随机验证码]]为{code}，[[您正在登录{brand}APP|用于办理业务身份校验]]，请勿向任何人透露，{brand}工作人员不会索取。"),
    L("code_07", "verification_code", "police", ("antifraud",),
      "{sig}验证码{code}，您正在[[注册|登录]]国家反诈中心APP，[[{minutes}分钟内有效|请勿泄露]]。[[如非本人操作请忽略。|]]"),
    L("code_08", "verification_code", "payment", ("unionpay", "huawei", "xiaomi", "tencent", "ctrip", "cmcc"),
      "{sig}{code}是您的{brand}验证码，[[{minutes}分钟内有效|请在{minutes}分钟内输入]]，[[切勿转发或告诉他人|工作人员不会向您索要]]。"),
    # ---- delivery
    L("del_01", "delivery", "courier", COURIERS,
      "{sig}您的快递[[已到|正在派送]]，快递员{surname}师傅{courier_mobile}，[[如不在家请联系|有问题请致电]]。[[运单号{tracking}|]]"),
    L("del_02", "delivery", "courier", ("cainiao",),
      "{sig}您的{courier_name}包裹已到{station}，取件码{pickup}，请于{date}前取件。[[|如有疑问请联系驿站。]]"),
    L("del_03", "delivery", "courier", COURIERS,
      "{sig}您的快件{tracking}已[[签收|由本人签收|放入快递柜]]，[[感谢使用{brand}|如有疑问请致电{ophone}]]。"),
    L("del_04", "delivery", "courier", ("sf", "jdl", "ems", "zto", "yto"),
      "{sig}您的快件{tracking}[[正在派送中|已出发]]，派送员：{surname}师傅，电话{courier_mobile}，[[预计{time}前送达|今日送达]]。"
      "[[查询请登录{odomain}|客服{ophone}]]"),
    L("del_05", "delivery", "ecommerce", ("meituan", "eleme"),
      "{sig}您的订单[[骑手已取餐|正在配送]]，骑手{surname}师傅{courier_mobile}，预计{time}送达。[[|祝您用餐愉快。]]"),
    L("del_06", "delivery", "ecommerce", ("jd",),
      "{sig}您的订单{order}已[[出库|发货]]，[[由京东快递配送|配送员{surname}师傅{courier_mobile}]]，[[可在京东APP查看物流|详询{ophone}]]。"),
    L("del_07", "delivery", "courier", COURIERS,
      "{sig}您好，您有一个快件因[[地址不详|电话无人接听]]暂未派送，[[请联系快递员{courier_mobile}|请致电{ophone}]]确认地址，谢谢。"),
    # ---- carrier notices
    L("car_01", "carrier_notice", "carrier", CARRIERS,
      "{sig}尊敬的客户，您{month}月[[话费账单|消费]]{money}元，[[当前余额|账户余额]]{balance}元。详情可登录{odomain}或拨打{ophone}查询。"),
    L("car_02", "carrier_notice", "carrier", CARRIERS,
      "{sig}您本月[[套餐内|通用]]流量已使用{pct}%，剩余{gb}GB，[[超出部分按标准资费计费|建议合理使用]]。[[详询{ophone}|查询请登录{odomain}]]。"),
    L("car_03", "carrier_notice", "carrier", CARRIERS,
      "{sig}您的话费余额[[已不足|仅剩]]{small}元，为避免[[停机|影响使用]]，请及时充值。可通过{brand}APP或{odomain}缴费。"),
    L("car_04", "carrier_notice", "carrier", CARRIERS,
      "{sig}您已成功办理{pkg}，[[次月|本月]]生效，月费{planfee}元。如有疑问请拨打{ophone}。"),
    L("car_05", "carrier_notice", "carrier", CARRIERS,
      "{sig}您的积分{points}分[[将于年底到期|即将到期]]，可在{brand}APP积分商城兑换话费或流量。"
      "[[我司不会以短信链接方式办理积分兑换。|详询{ophone}。]]"),
    L("car_06", "carrier_notice", "carrier", CARRIERS,
      "{sig}欢迎来到{country}，[[您的手机已开通国际漫游|国际及港澳台漫游已开通]]，[[日租包{dayfee}元/天|流量按日封顶计费]]。"
      "[[咨询请拨打{ophone}|详询{ophone}]]。"),
    # ---- marketing
    L("mkt_01", "marketing", "bank", "sector:bank",
      "{sig}[[周五|周末|本月]]{merchant}[[消费|刷卡支付]]{promo}，[[名额有限|每户限一次]]，详见手机银行APP活动页。回T退订"),
    L("mkt_02", "marketing", "ecommerce", ("jd", "taobao", "vip"),
      "{sig}[[双11|年货节|618|周年庆]][[大促开启|狂欢来袭]]，[[{promo}|跨店满减]]，[[戳|详见]]{ourl} 回T退订"),
    L("mkt_03", "marketing", "carrier", CARRIERS,
      "{sig}[[{gb}GB流量包|视频会员流量包]]限时{pkgfee}元/月，[[回复KT办理|在{brand}APP办理]]，[[详询{ophone}|退订回TD]]。"),
    L("mkt_04", "marketing", "airline_travel", AIRLINES,
      "{sig}会员专享：[[冬季|春季|暑期]]航线特惠，{city}至{city2}单程[[低至|仅]]{fee}元起，[[登录{odomain}预订|详见官网{odomain}]]。拒收请回复R"),
    L("mkt_05", "marketing", "apple", ("apple",),
      "{sig}[[新款 iPhone|新款 iPad|新款 Mac]][[现已发售|现已开售]]，[[可在|前往]]{ourl}[[选购|了解详情]]，[[或致电|咨询]]{ophone}。回T退订"),
    L("mkt_06", "marketing", "ecommerce", ("meituan", "eleme"),
      "{sig}您有{small}元[[红包|外卖券]][[即将过期|今日到期]]，[[打开{brand}APP即可使用|下单自动抵扣]]。回T退订"),
    # ---- anti-fraud notices
    L("af_01", "anti_fraud_notice", "police", ("antifraud",),
      "{sig}[[公检法机关|公安机关]]不会通过电话办案，[[不存在所谓的|没有]]“安全账户”，凡是要求转账到安全账户的都是诈骗！"
      "[[如有疑问请拨打{ophone}|接到可疑电话请拨打{ophone}]]。"),
    L("af_02", "anti_fraud_notice", "bank", "sector:bank",
      "{sig}警惕！凡是要求您下载{app}进行屏幕共享的都是诈骗，[[银行工作人员不会|我行不会]]要求您转账或提供验证码。"
      "[[反诈专线{afphone}|如有疑问请致电{ophone}]]。"),
    L("af_03", "anti_fraud_notice", "courier", COURIERS + ("taobao", "jd", "pdd"),
      "{sig}提醒：凡是自称客服以[[质量问题|快递丢失]]为由[[主动联系您退款|要求添加微信理赔]]的都是诈骗，请认准官方客服{ophone}。"),
    L("af_04", "anti_fraud_notice", "police", ("antifraud",),
      "{sig}刷单[[返利|兼职]]就是诈骗！[[先垫付后返佣|做任务赚佣金]]都是骗局，[[不要轻信|切勿相信]]。"
      "[[接到可疑电话请拨打{ophone}|请下载国家反诈中心APP]]。"),
    L("af_05", "anti_fraud_notice", "bank", "sector:bank",
      "{sig}[[近期|年底]]冒充[[ETC|医保|社保]]工作人员发送“认证失效”短信的诈骗高发，请勿点击陌生链接，{brand}客服电话{ophone}。"),
    L("af_06", "anti_fraud_notice", "payment", ("alipay", "wechatpay", "jd"),
      "{sig}{brand}[[不会|从不会]]以“[[关闭百万保障|注销学生账户|取消会员扣费|修复征信]]”[[等理由|为由]]要求您[[转账|共享屏幕|下载会议软件]]，"
      "[[接到此类电话请挂断|请勿相信]]，[[官方客服|客服电话]]{ophone}。"),
    L("af_07", "anti_fraud_notice", "carrier", CARRIERS,
      "{sig}[[温馨提示|反诈提醒]]：[[冒充领导熟人|冒充亲友]]诈骗高发，收到“换号了”“加新微信”的借钱信息务必电话核实。"
      "[[反诈专线{afphone}|]]"),
    # ---- service notices
    L("svc_01", "service_notice", "apple", ("apple",),
      "[[您的 Apple 订单|你的订单]]{apple_order}已发货，[[可前往|访问]]{odomain}/shop/order/list[[查看订单状态|跟踪物流]]。如有疑问请致电{ophone}。"),
    L("svc_02", "service_notice", "airline_travel", AIRLINES,
      "{sig}尊敬的旅客，您预订的{date}{flight}航班（{city}-{city2}）因[[天气原因|航空管制|飞机调配]]计划起飞时间调整为{time}，"
      "[[给您带来不便敬请谅解|如需改签或退票请拨打{ophone}]]。"),
    L("svc_03", "service_notice", "airline_travel", AIRLINES,
      "{sig}您{date}的{flight}航班已取消，[[您可免费改签或全额退票|可在{odomain}或{brand}APP办理免费改退]]，详询{ophone}。"),
    L("svc_04", "service_notice", "airline_travel", ("rail12306",),
      "{sig}订单{order12306}，{name}您已购{date}{train}次{seat}，{city}站{time}开。[[请携带有效身份证件乘车。|检票口见车站公告。]]"),
    L("svc_05", "service_notice", "insurer", "sector:insurer",
      "{sig}尊敬的{surname}先生/女士，您的保单{policy}已[[生效|续保成功]]，保费{money}元。[[查询保单请登录{odomain}|服务热线{ophone}]]。"),
    L("svc_06", "service_notice", "ecommerce", ("taobao", "jd", "vip", "douyin", "meituan"),
      "{sig}您的退款申请已通过，{money}元将[[原路退回|退回至原支付账户]]，预计1-3个工作日到账。[[您可在APP订单详情中查看进度|详询{ophone}]]。"),
    L("svc_07", "service_notice", "airline_travel", ("ctrip", "qunar"),
      "{sig}您预订的{city}{hotel}（{date}入住，{nights}晚）已确认，订单号{order}。[[如需帮助请拨打{ophone}|查看订单请登录{odomain}]]。"),
    L("svc_08", "service_notice", "phone_maker", PHONE_MAKERS + ("apple",),
      "{sig}您送修的设备已[[维修完成|检测完毕]]，请凭服务单号{order}到{city}服务中心取机。[[服务热线{ophone}|]]"),
    L("svc_09", "service_notice", "bank", "sector:bank",
      "{sig}您尾号{tail}的信用卡即将到期，新卡已寄出，[[收到后请通过手机银行激活|请留意查收并妥善保管]]。[[如有疑问请致电{ophone}|]]"),
    # ---- government notices
    L("gov_01", "government_notice", "government", ("traffic",),
      "{sig}您的车辆{plate}于{date}在{road}[[违反道路交通信号灯通行|超速行驶|违法停车]]，请及时[[登录交管12123APP|到交管部门]]处理。"),
    L("gov_02", "government_notice", "government", ("tax",),
      "{sig}[[年度|上一年度]]个人所得税[[综合所得汇算|汇算清缴]][[已开始|将于{date}截止]]，请[[通过个人所得税APP办理|登录个人所得税APP或{odomain}办理]]，"
      "[[无需点击任何链接|谨防冒充税务机关的退税诈骗|税务部门不会发送退税链接]]。[[咨询{ophone}|如有疑问请拨打{ophone}]]。"),
    L("gov_03", "government_notice", "government", ("mohrss",),
      "{sig}您的[[城乡居民养老保险|社保]]{month}月缴费{money}元已到账，[[可登录{odomain}查询|咨询请拨打{ophone}]]。"),
    L("gov_04", "government_notice", "government", ("nhsa",),
      "{sig}您的医保个人账户{month}月划入{money}元，[[当前余额|余额]]{balance}元。[[医保部门不会以短信链接要求认证。|咨询{ophone}。]]"),
    L("gov_05", "government_notice", "government", ("gov12345",),
      "{sig}您反映的[[小区噪音|道路积水|物业收费]]问题已转办至相关部门，工单号{order}，[[办理结果将短信告知|如有疑问请拨打{ophone}]]。"),
    # ---- personal
    L("per_01", "personal", "personal", None,
      "[[我换号了|这是我新号]]，以后打这个{personal_mobile}，旧号下周停用，[[存一下哈|记得改备注]]。——{given}"),
    L("per_02", "personal", "personal", None,
      "[[钱|房租|上次的{cash}]]已经[[转你支付宝了|微信转你了]]，[[记得查收|收到回个话]]。"),
    L("per_03", "personal", "personal", None,
      "[[妈|爸]]，我[[下周五|周末]]回家，{time}的高铁，[[不用来接|到了给你打电话]]，[[别做太多菜|带了点特产]]。"),
    L("per_04", "personal", "personal", None,
      "[[今晚|周六]]聚餐AA，每人{aa}元，[[转我微信就行|群里收款]]，{etime}{restaurant}见。"),
    L("per_05", "personal", "personal", None,
      "{given}，[[上次借你的|之前你垫的]]{cash}块我刚[[转你卡上了|转你微信了]]，[[你看下到没|谢啦]]。"),
    L("per_06", "personal", "personal", None,
      "[[师傅|你好]]，我是{surname}女士，[[家里水管漏水|空调不制冷]]，[[明天|今天]]{wtime}能过来看看吗？我电话{personal_mobile}。"),
    # ---- work
    L("work_01", "work", "work", None,
      "[[各位同事|大家好]]，[[周三|明天]]{wtime}[[项目例会|部门周会]]改为线上，腾讯会议号{meeting}，[[请准时参加|提前五分钟入会]]。"),
    L("work_02", "work", "work", None,
      "{surname}经理您好，[[您的|本月]]报销款{money}元已[[打到工资卡|提交财务]]，[[请注意查收|预计周五到账]]。"),
    L("work_03", "work", "work", None,
      "【{company}】{name}您好，[[诚邀您参加|您已通过初试，请参加]]{date}{wtime}的面试，地点：{addr}，联系人{surname}女士{personal_mobile}。"),
]

# =============================================================================================
# Directory
# =============================================================================================


@dataclass
class Brand:
    id: str
    name: str
    signatures: list
    slugs: list
    numbers: list
    domains: list
    directory_sector: str = ""
    aliases: list = field(default_factory=list)
    label: str = ""  # value of the `brand` column: the text name if the directory knows it, else an alias


def load_directory(path: Path = CONTACTS) -> dict:
    """Directory brands by id, in file order, plus the pseudo brands scams claim."""
    if not path.exists():
        sys.exit(f"error: {path} not found. This generator takes every official number and domain from "
                 "scamguard/data/official_contacts.json (legit rows must use only those, scam rows must avoid "
                 "them); create or restore that file first.")
    data = json.loads(path.read_text(encoding="utf-8"))
    brands = {}
    for rec in data["brands"]:
        aliases = [a for a in rec.get("aliases", []) if a]
        name, sigs, slugs = DISPLAY.get(rec["id"], (aliases[0] if aliases else rec["name"], [rec["name"]], [rec["id"].replace("_", "")]))
        known = aliases + [rec["name"]]
        label = name if name in known else next((a for a in known if name in a), known[0])
        brands[rec["id"]] = Brand(rec["id"], name, list(sigs), list(slugs),
                                  [str(n) for n in rec.get("numbers", [])], [d.lower() for d in rec.get("domains", [])],
                                  rec.get("sector", ""), known, label)
    for bid, (name, sigs, slugs) in PSEUDO_BRANDS.items():
        brands[bid] = Brand(bid, name, list(sigs), list(slugs), [], [], "", [name] + list(sigs), name)
    return brands


def official_sets(brands: dict) -> tuple[frozenset, frozenset]:
    numbers = frozenset(n for b in brands.values() for n in b.numbers)
    domains = frozenset(d for b in brands.values() for d in b.domains)
    return numbers, domains


def host_is_official(host: str, domains) -> bool:
    host = host.lower().strip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


def number_key(text: str) -> str:
    """Digits of a phone number with a Chinese country prefix removed."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


# =============================================================================================
# Slot filling
# =============================================================================================


class SlotUnavailable(Exception):
    pass


class Row:
    """State of one message being rendered: chosen values and what kind each one is."""

    def __init__(self, rng: random.Random, brand: Brand | None, ctx: "Context"):
        self.rng = rng
        self.brand = brand
        self.ctx = ctx
        self.values: dict[str, str] = {}
        self.fake: list[str] = []       # scam contacts (numbers, links, chat IDs)
        self.official: list[str] = []   # official numbers/domains put in a legit row
        self.personal: list[str] = []   # a courier's/person's own mobile (allowed in legit rows)
        self.plain: list[str] = []      # everything else (amounts, order numbers, codes, ...)


@dataclass
class Context:
    brands: dict
    official_numbers: frozenset
    official_domains: frozenset


def digits(rng, n, first="0123456789"):
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def alnum(rng, n):
    return "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))


def fmt_groups(s: str, groups, sep: str) -> str:
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


def unused_number(row: Row, make) -> str:
    """Call make() until the number it writes is official for no brand."""
    for _ in range(100):
        text = make()
        if number_key(text) not in row.ctx.official_numbers:
            return text
    raise SlotUnavailable("no unused number")


def fake_mobile(row: Row) -> str:
    rng = row.rng

    def make():
        n = rng.choice(MOBILE_PREFIXES) + digits(rng, 8)
        style = rng.random()
        if style < 0.35:
            return n
        if style < 0.50:
            return fmt_groups(n, (3, 4, 4), "-")
        if style < 0.65:
            return fmt_groups(n, (3, 4, 4), " ")
        return rng.choice(["+86 " + n, "+86 " + fmt_groups(n, (3, 4, 4), " "), "+86-" + fmt_groups(n, (3, 4, 4), "-"),
                           "+86" + n, "0086-" + n, "(+86)" + n])
    return unused_number(row, make)


def courier_mobile(row: Row) -> str:
    """A courier's or rider's own mobile, written the way such notices write it."""
    rng = row.rng
    n = rng.choice(MOBILE_PREFIXES) + digits(rng, 8)
    return rng.choice([n, n, n, fmt_groups(n, (3, 4, 4), "-"), fmt_groups(n, (3, 4, 4), " ")])


def fake_400(row: Row) -> str:
    rng = row.rng

    def make():
        n = rng.choice(["400", "400", "400", "400", "800"]) + digits(rng, 7)
        return rng.choice([fmt_groups(n, (3, 3, 4), "-"), n, fmt_groups(n, (3, 3, 4), " "),
                           fmt_groups(n, (4, 3, 3), "-"), fmt_groups(n, (3, 4, 3), "-")])
    return unused_number(row, make)


def fake_landline(row: Row) -> str:
    rng = row.rng

    def make():
        if rng.random() < 0.55:
            area, local = rng.choice(AREA_CODES_3), digits(rng, 8, "2345678")
        else:
            area, local = rng.choice(AREA_CODES_4), digits(rng, rng.choice([7, 8]), "2345678")
        return rng.choice([f"{area}-{local}", f"({area}){local}", f"{area} {fmt_groups(local, (len(local) - 4, 4), ' ')}",
                           f"{area}{local}", f"{area}-{local}"])
    return unused_number(row, make)


def fake_overseas(row: Row) -> str:
    rng = row.rng
    code, n, lead, groups = rng.choice(OVERSEAS)
    national = digits(rng, n, lead)
    return rng.choice([f"+{code} {fmt_groups(national, groups, ' ')}", f"00{code}-{national}", f"+{code}-{national}",
                       f"+{code}{national}", f"00{code} {fmt_groups(national, groups, ' ')}"])


def fake_cs_phone(row: Row) -> str:
    r = row.rng.random()
    if r < 0.40:
        return fake_400(row)
    if r < 0.65:
        return fake_landline(row)
    if r < 0.87:
        return fake_mobile(row)
    return fake_overseas(row)


def slug_typo(rng, slug: str) -> str:
    spots = [i for i, c in enumerate(slug) if c in TYPOS]
    if not spots:
        return slug
    i = rng.choice(spots)
    return slug[:i] + TYPOS[slug[i]] + slug[i + 1:]


def lookalike_host(row: Row) -> str:
    rng = row.rng
    for _ in range(100):
        slug = rng.choice(row.brand.slugs) if row.brand else rng.choice(["kefu", "fuwu", "app", "vip", "pay", "service"])
        w, w2 = rng.sample(DOMAIN_WORDS, 2)
        tld = rng.choice(CHEAP_TLDS)
        pattern = rng.randrange(9)
        host = [f"{slug}-{w}.{tld}", f"{slug}.{w}-{w2}.{tld}", f"{w}-{slug}.{tld}", f"{slug}{w}.{tld}",
                f"{slug_typo(rng, slug)}-{w}.{tld}", f"{slug}-{w}{rng.randint(1, 99)}.{tld}",
                f"www.{slug}-{w}.{tld}", f"{slug}.com-{w}.{tld}", f"{slug_typo(rng, slug)}.{tld}"][pattern]
        if not host_is_official(host, row.ctx.official_domains):
            return host
    raise SlotUnavailable("no unused domain")


def link_path(rng) -> str:
    return rng.choice(LINK_PATHS).replace("{x}", alnum(rng, rng.randint(4, 8)))


def fake_url(row: Row) -> str:
    rng = row.rng
    host = lookalike_host(row)
    scheme = rng.choice(["", "", "http://", "https://", "https://"])
    if host.startswith("www.") and rng.random() < 0.5:
        scheme = ""
    path = "/" + link_path(rng) if rng.random() < 0.55 else ""
    return scheme + host + path


def short_url(row: Row) -> str:
    rng = row.rng
    host = rng.choice(SHORTENERS)
    return rng.choice(["", "http://", "https://"]) + f"{host}/{alnum(rng, rng.randint(4, 7))}"


def ip_url(row: Row) -> str:
    rng = row.rng
    ip = f"{rng.choice(IP_FIRST_OCTETS)}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}"
    port = rng.choice(["", "", ":8080", ":8888", ":8443", ":9000", ":8000", ":6688", ":81"])
    return rng.choice(["http://", "http://", "https://"]) + ip + port + "/" + link_path(rng)


def any_link(row: Row) -> str:
    r = row.rng.random()
    return fake_url(row) if r < 0.55 else short_url(row) if r < 0.80 else ip_url(row)


def wechat_id(row: Row) -> str:
    rng = row.rng
    r = rng.random()
    if r < 0.15:
        return rng.choice(MOBILE_PREFIXES) + digits(rng, 8)
    if r < 0.30:
        return rng.choice(["zhang", "li", "wang", "chen", "liu", "yang", "zhao", "huang"]) + rng.choice(["", "_", "-"]) + \
            rng.choice(["xin", "lei", "jing", "hao", "yu", "na", "qiang"]) + digits(rng, rng.randint(2, 4))
    prefix = rng.choice(WECHAT_PREFIXES)
    if row.brand and rng.random() < 0.3:
        prefix = re.sub(r"[^a-z]", "", row.brand.slugs[0]) or prefix
        prefix += rng.choice(["_kf", "kf", "-kefu", "_lp", ""])
    wid = prefix + rng.choice(["_", "-", "", ""])
    return wid + digits(rng, max(rng.randint(3, 6), 6 - len(wid)))  # WeChat IDs have 6-20 characters


def raw(row: Row, value: str) -> str:
    """Remember a bare ID inside a phrase (微信：<id>) so that disguises can find it."""
    row.fake.append(value)
    return value


def wechat_phrase(row: Row, wid: str) -> str:
    rng = row.rng
    word = rng.choice(["微信", "微信", "微信", "微信号", "企业微信", "V信", "vx", "薇信"])
    sep = rng.choice(["：", "：", ":", " "] if word.isascii() else ["：", "：", ":", " ", ""])
    return word + sep + wid


def qq_number(row: Row) -> str:
    return digits(row.rng, row.rng.randint(8, 10), "123456789")


def meeting_number(rng) -> str:
    n = digits(rng, 9, "123456789")
    return rng.choice([fmt_groups(n, (3, 3, 3), " "), fmt_groups(n, (3, 3, 3), "-"), n])


def money(rng, lo=5, hi=9999, comma=True) -> str:
    value = round(math.exp(rng.uniform(math.log(lo), math.log(hi))), 2)
    if comma and value >= 1000 and rng.random() < 0.6:
        return f"{value:,.2f}"
    return f"{value:.2f}"


def scam_amount(rng) -> str:
    return str(rng.choice([rng.randint(2, 60) * 100, rng.randint(50, 999), rng.choice([88, 188, 388, 588, 888, 1288, 2999, 3888, 5000, 6800, 9999])]))


def big_amount(rng) -> str:
    return rng.choice([f"{rng.choice([3, 5, 8, 10, 15, 20, 30, 50])}万", f"{rng.choice([1, 3, 5, 8, 10, 20])}0000",
                       f"{rng.choice(['2.8', '6.6', '8.8', '12.5', '18.8'])}万", f"{rng.randint(2, 20) * 5000}"])


def a_date(rng) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def a_time(rng) -> str:
    return f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"


def a_given(rng) -> str:
    if rng.random() < 0.3:
        return rng.choice(NICK_PREFIX) + rng.choice(SURNAMES + GIVEN_CHARS)
    return "".join(rng.sample(GIVEN_CHARS, rng.choice([1, 2])))


def tracking_number(row: Row) -> str:
    prefix, n = TRACKING.get(row.brand.id if row.brand else "_", TRACKING["_"])
    return prefix + digits(row.rng, n)


def flight_number(row: Row) -> str:
    rng = row.rng
    code = AIRLINE_CODES.get(row.brand.id) if row.brand else None
    code = code or rng.choice(AIRLINE_CODES["_"])
    return code + str(rng.randint(1001, 9899) if rng.random() < 0.7 else rng.randint(101, 999))


def official_phone(row: Row) -> str:
    if not row.brand or not row.brand.numbers:
        raise SlotUnavailable("brand has no official number")
    n = row.rng.choice(row.brand.numbers)
    if len(n) == 10 and n[:3] in ("400", "800"):
        return row.rng.choice([fmt_groups(n, (3, 3, 4), "-"), n, fmt_groups(n, (3, 3, 4), " ")])
    return n


def official_domain(row: Row) -> str:
    if not row.brand or not row.brand.domains:
        raise SlotUnavailable("brand has no official domain")
    doms = [d for d in PREFERRED_DOMAINS.get(row.brand.id, []) if d in row.brand.domains] or row.brand.domains
    d = doms[0] if row.rng.random() < 0.6 else row.rng.choice(doms)
    return ("www." + d) if d.count(".") == 1 and len(d) > 6 and row.rng.random() < 0.4 else d


def official_url(row: Row) -> str:
    rng = row.rng
    d = official_domain(row)
    path = rng.choice(["", "", "/" + alnum(rng, 6), "/act/" + alnum(rng, 5), "/m", "/promo"])
    return rng.choice(["", "https://", "https://"]) + d + path


def antifraud_phone(row: Row) -> str:
    b = row.ctx.brands.get("antifraud")
    if not b or not b.numbers:
        raise SlotUnavailable("no anti-fraud number in the directory")
    return b.numbers[0]


def brand_name(row: Row) -> str:
    if not row.brand:
        raise SlotUnavailable("no brand")
    return row.brand.name


def signature(row: Row) -> str:
    if not row.brand:
        raise SlotUnavailable("no brand")
    return "【" + row.rng.choice(row.brand.signatures) + "】"


def advance(row: Row) -> str:
    return str(row.rng.choice([500, 800, 1000, 1500, 2000, 3000, 5000, 8000]))


def payback(row: Row) -> str:
    """Principal plus the promised commission on the {advance} of the same message."""
    base = int(row.values.get("advance") or advance(row))
    return str(int(base * row.rng.choice([1.15, 1.2, 1.3, 1.25])))


def bill_line(row: Row) -> str:
    rng = row.rng
    total = round(rng.uniform(300, 20000), 2)
    return f"账单金额{total:,.2f}元，最低还款额{total / 10:,.2f}元"


def promo(rng) -> str:
    thr, off = rng.choice([(199, 30), (300, 50), (299, 40), (500, 80), (99, 10), (100, 20), (60, 15)])
    return rng.choice([f"满{thr}减{off}", f"满{thr}元立减{off}元", f"每满{thr}减{off}"])


# slot name -> (kind, function(row) -> str). kind: fake / official / personal / plain / brand
SLOTS = {
    "sig": ("brand", signature),
    "brand": ("brand", brand_name),
    # scam contacts
    "mobile": ("fake", fake_mobile),
    "landline": ("fake", fake_landline),
    "p400": ("fake", fake_400),
    "intl": ("fake", fake_overseas),
    "cs_phone": ("fake", fake_cs_phone),
    "fake_url": ("fake", fake_url),
    "short": ("fake", short_url),
    "ip_url": ("fake", ip_url),
    "link": ("fake", any_link),
    "wxid": ("fake", wechat_id),
    "wx": ("fake", lambda r: wechat_phrase(r, raw(r, wechat_id(r)))),
    "qq": ("fake", lambda r: r.rng.choice(["QQ：", "QQ:", "QQ ", "QQ号", "QQ号："]) + raw(r, qq_number(r))),
    "meet": ("fake", lambda r: r.rng.choice(["腾讯会议", "腾讯会议号", "会议号", "钉钉会议", "腾讯会议室"])
             + r.rng.choice(["", "：", " "]) + raw(r, meeting_number(r.rng))),
    # legit contacts
    "ophone": ("official", official_phone),
    "odomain": ("official", official_domain),
    "ourl": ("official", official_url),
    "afphone": ("official", antifraud_phone),
    "courier_mobile": ("personal", courier_mobile),
    "personal_mobile": ("personal", lambda r: fake_mobile(r)),
    "meeting": ("personal", lambda r: meeting_number(r.rng)),
    # everything else
    "app": ("plain", lambda r: r.rng.choice(SCREEN_APPS)),
    "amount": ("plain", lambda r: scam_amount(r.rng)),
    "money": ("plain", lambda r: money(r.rng)),
    "bigmoney": ("plain", lambda r: money(r.rng, 3000, 30000)),
    "balance": ("plain", lambda r: money(r.rng, 10, 60000)),
    "big": ("plain", lambda r: big_amount(r.rng)),
    "fee": ("plain", lambda r: str(r.rng.choice(FEES))),
    "pkgfee": ("plain", lambda r: str(r.rng.choice([5, 9, 10, 15, 19, 20, 25, 30, 39]))),
    "planfee": ("plain", lambda r: str(r.rng.choice([29, 39, 59, 79, 99, 129, 169, 199, 239]))),
    "dayfee": ("plain", lambda r: str(r.rng.choice([5, 10, 15, 25, 30, 35]))),
    "wage": ("plain", lambda r: str(r.rng.choice([150, 180, 200, 260, 300, 350, 400, 500]))),
    "cash": ("plain", lambda r: str(r.rng.choice([100, 200, 300, 500, 800, 1000, 1500, 2000, 2500, 3000, 5000]))),
    "due": ("plain", lambda r: f"{int(r.values.get('month', r.rng.randint(1, 12))) % 12 + 1}月{r.rng.randint(1, 28)}日"),
    "wtime": ("plain", lambda r: r.rng.choice(["09:00", "09:30", "10:00", "10:30", "11:00", "14:00", "14:30", "15:00", "16:00", "16:30"])),
    "etime": ("plain", lambda r: r.rng.choice(["18:00", "18:30", "19:00", "19:30", "20:00"])),
    "fine": ("plain", lambda r: str(r.rng.choice([100, 150, 200, 50]))),
    "small": ("plain", lambda r: str(r.rng.randint(2, 50))),
    "commission": ("plain", lambda r: str(r.rng.choice([3, 5, 8, 10, 15, 20, 30, 50, 80, 120]))),
    "percent": ("plain", lambda r: str(r.rng.choice([1.5, 2, 3, 5, 8, 10, 12, 15, 20, 30]))),
    "pct": ("plain", lambda r: str(r.rng.choice([80, 85, 90, 95, 100]))),
    "gb": ("plain", lambda r: str(r.rng.choice([2, 5, 10, 20, 30, 40, 50, 100]))),
    "minutes": ("plain", lambda r: str(r.rng.choice([5, 10, 15, 30]))),
    "points": ("plain", lambda r: str(r.rng.randint(8, 260) * 100 + r.rng.choice([0, 0, 60, 88]))),
    "advance": ("plain", advance),
    "payback": ("plain", payback),
    "bill": ("plain", bill_line),
    "promo": ("plain", lambda r: promo(r.rng)),
    "aa": ("plain", lambda r: str(r.rng.choice([86, 98, 120, 135, 150, 168, 200]))),
    "date": ("plain", lambda r: a_date(r.rng)),
    "month": ("plain", lambda r: str(r.rng.randint(1, 12))),
    "time": ("plain", lambda r: a_time(r.rng)),
    "deadline": ("plain", lambda r: r.rng.choice(DEADLINES)),
    "name": ("plain", lambda r: r.rng.choice(SURNAMES) + "".join(r.rng.sample(GIVEN_CHARS, r.rng.choice([1, 2])))),
    "surname": ("plain", lambda r: r.rng.choice(SURNAMES)),
    "surname2": ("plain", lambda r: r.rng.choice(SURNAMES)),
    "given": ("plain", lambda r: a_given(r.rng)),
    "company": ("plain", lambda r: r.rng.choice(COMPANIES)),
    "addr": ("plain", lambda r: r.rng.choice(OFFICE_ADDRS).format(n=r.rng.randint(1, 12), m=r.rng.randint(2, 28))),
    "restaurant": ("plain", lambda r: r.rng.choice(RESTAURANTS)),
    "city": ("plain", lambda r: r.rng.choice(CITIES)),
    "city2": ("plain", lambda r: r.rng.choice([c for c in CITIES if c != r.values.get("city")])),
    "country": ("plain", lambda r: r.rng.choice(COUNTRIES)),
    "road": ("plain", lambda r: r.rng.choice(ROADS)),
    "hotel": ("plain", lambda r: r.rng.choice(HOTELS)),
    "nights": ("plain", lambda r: str(r.rng.randint(1, 4))),
    "product": ("plain", lambda r: r.rng.choice(PRODUCTS)),
    "prize_item": ("plain", lambda r: r.rng.choice(PRIZE_ITEMS)),
    "merchant": ("plain", lambda r: r.rng.choice(MERCHANTS)),
    "pkg": ("plain", lambda r: r.rng.choice(CARRIER_PACKAGES)),
    "note": ("plain", lambda r: r.rng.choice(GAMES_NOTE)),
    "loan_product": ("plain", lambda r: r.rng.choice(LOAN_PRODUCTS.get(r.brand.id if r.brand else "_", LOAN_PRODUCTS["_"]))),
    "courier_name": ("plain", lambda r: r.rng.choice(COURIER_NAMES)),
    "station": ("plain", lambda r: f"{r.rng.choice(COMMUNITIES)}{r.rng.randint(1, 30)}{r.rng.choice(['号门', '号楼', '栋'])}菜鸟驿站"),
    "pickup": ("plain", lambda r: r.rng.choice([f"{r.rng.randint(1, 9)}-{r.rng.randint(1, 6)}-{r.rng.randint(1000, 9999)}",
                                                 f"{r.rng.randint(1, 30)}-{r.rng.randint(1000, 9999)}",
                                                 f"{r.rng.choice('ABCDEF')}{r.rng.randint(1, 30)}-{r.rng.randint(100, 999)}"])),
    "tail": ("plain", lambda r: digits(r.rng, 4)),
    "code": ("plain", lambda r: digits(r.rng, r.rng.choice([6, 6, 6, 4]))),
    # starts with 2-8 so that no order number reads as a 106/400/95 service number or a mobile
    "order": ("plain", lambda r: digits(r.rng, r.rng.randint(12, 18), "2345678")),
    "order12306": ("plain", lambda r: "E" + digits(r.rng, 9)),
    "apple_order": ("plain", lambda r: "W" + digits(r.rng, 10, "123456789")),
    "policy": ("plain", lambda r: r.rng.choice(["P", "", "PA", "GS"]) + digits(r.rng, r.rng.randint(14, 18), "123456789")),
    "tracking": ("plain", tracking_number),
    "flight": ("plain", flight_number),
    "train": ("plain", lambda r: r.rng.choice("GGGDDK") + str(r.rng.randint(10, 2999))),
    "seat": ("plain", lambda r: f"{r.rng.choice(['二等座', '二等座', '一等座'])}{r.rng.randint(1, 16)}车{r.rng.randint(1, 20)}{r.rng.choice('ABCDF')}号"),
    "plate": ("plain", lambda r: r.rng.choice(PROVINCE_PLATE) + r.rng.choice("ABCDEFGHJK") + r.rng.choice(["", "·"])
              + "".join(r.rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ" if i == 1 else "0123456789") for i in range(5))),
    "case_no": ("plain", lambda r: f"（{r.rng.choice([2025, 2026])}）{r.rng.choice(PROVINCE_PLATE)}{r.rng.randint(101, 199):04d}"
                f"{r.rng.choice(['民初', '执', '民特'])}{r.rng.randint(1000, 29999)}号"),
}

ALT_RE = re.compile(r"\[\[(.*?)\]\]")
SLOT_RE = re.compile(r"\{(\w+)\}")


def fill(template_text: str, row: Row) -> str:
    rng = row.rng
    text = ALT_RE.sub(lambda m: rng.choice(m.group(1).split("|")), template_text)
    if text.startswith("{sig}") and rng.random() < 0.25:
        text = text[len("{sig}"):] + "{sig}"

    def slot(m):
        name = m.group(1)
        if name in row.values:
            return row.values[name]
        kind, fn = SLOTS[name]
        value = fn(row)
        row.values[name] = value
        {"fake": row.fake, "official": row.official, "personal": row.personal}.get(kind, row.plain).append(value)
        return value

    text = SLOT_RE.sub(slot, text)
    text = re.sub(r"([，。！？])\1+", r"\1", text).replace("。。", "。").replace("，。", "。").strip()
    return text


# =============================================================================================
# Obfuscations: each takes (text, row) and returns the disguised text, or None if it does not apply
# =============================================================================================

HAN = r"\u4e00-\u9fff"


def pad_chars(text: str, row: Row):
    """【工 商 银 行】: spaces or symbols between the characters of the brand or a keyword."""
    rng = row.rng
    targets = [m.group(1) for m in re.finditer(rf"【([{HAN}]{{2,8}})】", text)]
    if row.brand and re.fullmatch(rf"[{HAN}]{{2,8}}", row.brand.name) and row.brand.name in text:
        targets.append(row.brand.name)
    targets += [k for k in PAD_KEYWORDS if k in text]
    if not targets:
        return None
    target = rng.choice(targets)
    sep = rng.choice(PAD_SEPARATORS)
    return text.replace(target, sep.join(target), 1)


def fullwidth(text: str, row: Row):
    """ＡＰＰＬＥ, １３８: full-width letters and/or digits."""
    mode = row.rng.choice(["all", "all", "digits", "letters"])

    def conv(c):
        if (mode in ("all", "digits") and c.isdigit() and c.isascii()) or \
           (mode in ("all", "letters") and c.isascii() and c.isalpha()):
            return chr(ord(c) + 0xFEE0)
        return c
    out = "".join(conv(c) for c in text)
    return out if out != text else None


def traditional(text: str, row: Row):
    """Traditional characters from the built-in table."""
    out = "".join(TRAD.get(c, c) for c in text)
    return out if sum(a != b for a, b in zip(out, text)) >= 3 else None


def homoglyphs(text: str, row: Row):
    """aрple.com: Cyrillic/Greek letters inside latin words and domains."""
    rng = row.rng
    words = [v for v in row.fake if v in text and re.search(r"[A-Za-z]", v)]
    words += [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ("http", "https", "www")]
    words = [w for w in words if any(c in HOMOGLYPHS for c in w)]
    if not words:
        return None
    word = rng.choice(words)
    chars = list(word)
    start = word.find("://") + 3 if "://" in word else 0
    spots = [i for i, c in enumerate(chars) if c in HOMOGLYPHS and i >= start]
    if not spots:
        return None
    for i in rng.sample(spots, min(len(spots), rng.choice([1, 1, 2]))):
        chars[i] = rng.choice(HOMOGLYPHS[chars[i]])
    return text.replace(word, "".join(chars), 1)


def contact_app_disguise(text: str, row: Row):
    """V信 / 薇信 / vx / 加V / 扣扣 instead of 微信 and QQ."""
    rng = row.rng

    def latin_gap(word, m):
        # a latin disguise glued to a latin ID would read as one word: "vxkf123" -> "vx：kf123"
        nxt = m.string[m.end():m.end() + 1]
        return word + rng.choice(["：", " "]) if word[-1].isascii() and nxt.isascii() and nxt.isalnum() else word

    out = text
    if rng.random() < 0.4:
        out = re.sub(r"加(客服|专员|我|老师)?(新)?微信(?:号)?", lambda m: latin_gap(
            "加" + (m.group(1) or "") + (m.group(2) or "") + rng.choice(["V", "V", "v", "V信"]), m), out)
    out = re.sub(r"微信(?!支付|安全中心)", lambda m: latin_gap(rng.choice(WECHAT_DISGUISES), m), out)
    out = re.sub(r"QQ(号)?", lambda m: latin_gap(rng.choice(QQ_DISGUISES), m), out)
    return out if out != text else None


def chinese_numerals(text: str, row: Row):
    """壹叁捌 / 一三八 for the digits of a phone or QQ number."""
    rng = row.rng
    numbers = [v for v in row.fake + row.personal if v in text and len(re.sub(r"\D", "", v)) >= 7
               and not re.search(r"[A-Za-z/]", v)]
    if not numbers:
        return None
    table = rng.choice([CN_DIGITS_UPPER, CN_DIGITS_LOWER, CN_DIGITS_LOWER.replace("一", "幺"), "零一二三四五六七八九"])
    v = rng.choice(numbers)
    return text.replace(v, "".join(table[int(c)] if c.isdigit() else c for c in v), 1)


def spelled_dots(text: str, row: Row):
    """icbc-verify。top / apple点com: the dots of a link written as 。 or 点."""
    rng = row.rng
    links = [v for v in row.fake if v in text and "." in v and re.search(r"[A-Za-z]", v)]
    if not links:
        return None
    v = rng.choice(links)
    scheme, _, rest = v.rpartition("://")
    host, slash, path = rest.partition("/")
    dot = rng.choice(SPELLED_DOTS)
    new = (scheme + "://" if scheme else "") + host.replace(".", dot) + slash + path
    return text.replace(v, new, 1)


def zero_width(text: str, row: Row):
    """Invisible characters (\\u200b ...) inside the brand, a contact or a keyword."""
    rng = row.rng
    spans = []
    for target in ([row.brand.name] if row.brand else []) + row.fake + [k for k in PAD_KEYWORDS if k in text]:
        i = text.find(target)
        if i >= 0 and len(target) >= 2:
            spans.append((i, i + len(target)))
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(rf"[{HAN}]{{3,}}", text)]
    if not spans:
        return None
    positions = set()
    for _ in range(rng.randint(1, 3)):
        s, e = rng.choice(spans)
        positions.add(rng.randint(s + 1, e - 1))
    out = list(text)
    for p in sorted(positions, reverse=True):
        out.insert(p, rng.choice(ZERO_WIDTH))
    return "".join(out)


OBFUSCATIONS = {
    "scam": [pad_chars, fullwidth, traditional, homoglyphs, contact_app_disguise, chinese_numerals, spelled_dots, zero_width],
    "legit": [fullwidth, traditional, zero_width],
}


def obfuscate(text: str, row: Row, label: str) -> str:
    rng = row.rng
    funcs = list(OBFUSCATIONS[label])
    rng.shuffle(funcs)
    wanted = 2 if rng.random() < 0.3 else 1
    done = 0
    for fn in funcs:
        out = fn(text, row)
        if out is not None and MIN_LEN <= len(out) <= MAX_LEN:
            text, done = out, done + 1
            if done == wanted:
                break
    return text


# =============================================================================================
# Generation and checks
# =============================================================================================


def brand_pool(t: Template, brands: dict) -> list:
    if t.pool is None:
        return [None]
    if isinstance(t.pool, str) and t.pool.startswith("sector:"):
        sector = t.pool.split(":", 1)[1]
        pool = [b for b in brands.values() if b.directory_sector == sector and b.id not in NOT_IN_SECTOR_POOLS]
    else:
        pool = [brands[b] if b in brands else brands[FALLBACK[b]] for b in t.pool if b in brands or FALLBACK.get(b) in brands]
    if t.label == "legit":
        pool = [b for b in pool if not b.id.startswith("x_")]
        if "{ophone}" in t.text:
            pool = [b for b in pool if b.numbers]
        if "{odomain}" in t.text or "{ourl}" in t.text:
            pool = [b for b in pool if b.domains]
    return pool


URL_RE = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]*[A-Za-z0-9](?::\d+)?(?:/[\w\-./?=#&%]*)?")
NUMBER_RE = re.compile(r"(?<![A-Za-z0-9_])\+?\(?\d[\d\-\s()]*\d")


def contacts_in(text: str, row: Row) -> tuple[list, list]:
    """Hosts and phone-like numbers a reader would see, with amounts, codes, IDs and brand names removed."""
    rest = text
    hosts = []
    for m in URL_RE.finditer(text):
        url = m.group(0)
        host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
        if re.search(r"[a-z]", host) or re.fullmatch(r"\d+(?:\.\d+){3}", host):
            hosts.append(host)
            rest = rest.replace(url, " ")
    names = []
    if row.brand:
        names = row.brand.aliases + row.brand.signatures + [row.brand.name]
    for v in sorted(set(row.plain + row.personal + names), key=len, reverse=True):
        rest = re.sub(rf"(?<![0-9A-Za-z]){re.escape(v)}(?![0-9A-Za-z])", " ", rest)
    numbers = [number_key(m.group(0)) for m in NUMBER_RE.finditer(rest)]
    return hosts, [n for n in numbers if len(n) >= 5]


def check_row(text: str, t: Template, row: Row, ctx: Context) -> list:
    problems = []
    hosts, numbers = contacts_in(text, row)
    if t.label == "legit":
        own_numbers = set(row.brand.numbers) if row.brand else set()
        own_domains = row.brand.domains if row.brand else []
        if "afphone" in row.values:
            own_numbers.add(row.values["afphone"])
        for n in numbers:
            if n not in own_numbers:
                problems.append(f"legit number {n} is not official for {row.brand.name if row.brand else 'no brand'}")
        for h in hosts:
            if not host_is_official(h, own_domains):
                problems.append(f"legit domain {h} is not official for {row.brand.name if row.brand else 'no brand'}")
    else:
        for n in numbers:
            if n in ctx.official_numbers:
                problems.append(f"scam uses official number {n}")
        for h in hosts:
            if host_is_official(h, ctx.official_domains):
                problems.append(f"scam uses official domain {h}")
        for v in row.fake:
            if number_key(v) in ctx.official_numbers and not re.search(r"[A-Za-z]", v):
                problems.append(f"scam slot value {v} is official")
    return problems


def generate(ctx: Context, rng: random.Random) -> tuple[list, list]:
    rows, problems, seen, seen_base = [], [], set(), set()  # seen_base: texts before disguises
    for label, templates in (("scam", SCAM_TEMPLATES), ("legit", LEGIT_TEMPLATES)):
        per_template = min(MAX_PER_TEMPLATE, round(TARGET[label] / len(templates)))
        for t in templates:
            pool = brand_pool(t, ctx.brands)
            if not pool:
                print(f"warning: {t.id} skipped, none of its brands is in the directory", file=sys.stderr)
                continue
            made = attempts = 0
            while made < per_template and attempts < per_template * 30:
                attempts += 1
                brand = rng.choice(pool)
                row = Row(rng, brand, ctx)
                try:
                    text = fill(t.text, row)
                except SlotUnavailable:
                    continue
                if not MIN_LEN <= len(text) <= MAX_LEN or text in seen or text in seen_base:
                    continue
                row_problems = check_row(text, t, row, ctx)
                if row_problems:
                    problems += [f"{t.id}: {p}: {text}" for p in row_problems]
                    continue
                plain_text = text
                if rng.random() < OBFUSCATION_RATE[label]:
                    text = obfuscate(text, row, label)
                if text in seen:
                    continue
                seen.add(text)
                seen_base.add(plain_text)
                sector = "apple" if brand and brand.id == "apple" else t.sector
                rows.append({"text": text, "label": label, "category": t.category, "sector": sector,
                             "brand": brand.label if brand else "", "source": "template", "template": t.id,
                             "_obfuscated": text != plain_text})
                made += 1
            if made < per_template:
                print(f"warning: {t.id} produced {made}/{per_template} rows", file=sys.stderr)
    return rows, problems


def report(rows: list) -> None:
    by = lambda key: Counter(r[key] for r in rows)  # noqa: E731
    print(f"rows: {len(rows)}  {dict(by('label'))}")
    for label in ("scam", "legit"):
        sub = [r for r in rows if r["label"] == label]
        cats = Counter(r["category"] for r in sub)
        per_t = Counter(r["template"] for r in sub)
        lengths = sorted(len(r["text"]) for r in sub)
        obf = sum(1 for r in sub if r["_obfuscated"])
        print(f"\n{label}: {len(sub)} rows, {len(per_t)} templates, rows/template {min(per_t.values())}-{max(per_t.values())}, "
              f"length min/median/max {lengths[0]}/{lengths[len(lengths) // 2]}/{lengths[-1]}, "
              f"disguised {obf} ({obf / len(sub):.0%})")
        for c, n in cats.most_common():
            print(f"  {c:30s} {n}")
        short = {t: n for t, n in per_t.items() if n < max(per_t.values())}
        if short:
            print(f"  templates with fewer rows: {short}")
    print("\nsectors:", dict(by("sector").most_common()))
    print("brands (top 25):", dict(by("brand").most_common(25)))


def main() -> None:
    brands = load_directory()
    numbers, domains = official_sets(brands)
    ctx = Context(brands, numbers, domains)
    rng = random.Random(SEED)
    rows, problems = generate(ctx, rng)
    if problems:
        print("\n".join(problems[:50]), file=sys.stderr)
        sys.exit(f"error: {len(problems)} rendered messages broke the official-contact rules (see above)")
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate texts"
    assert all(MIN_LEN <= len(t) <= MAX_LEN for t in texts), "length out of range"
    assert max(Counter(r["template"] for r in rows).values()) <= MAX_PER_TEMPLATE
    with OUTPUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    report(rows)
    print(f"\nwrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
