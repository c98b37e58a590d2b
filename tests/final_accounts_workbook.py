"""A filled 部门决算 workbook: the national 决算 set's nine tables and its 情况说明, in 万元.

The national writing template (juesuan-template-2024.pdf) prints every table
empty (XXX). This module fills it in as a department would: one sheet per
table, the titles, header rows and columns exactly as the template prints
them, and the 情况说明 sentences the template prescribes with the figures
that follow from the tables. Every figure is derived by hand below; the tests
cite this arithmetic.

The department (测试局, 2024) spends on five 项 of three 类:

=========  ==========================  ======  ======  ======  ======  =====
code       科目                          支出     基本     项目     财政拨款   收入
=========  ==========================  ======  ======  ======  ======  =====
2011301    行政运行                      500.00  500.00          460.00  490.00
2011308    招商引资                      300.00          300.00  300.00  280.00
2080505    机关事业单位基本养老保险缴费支出   60.00   60.00           60.00   60.00
2210201    住房公积金                     40.00   40.00           40.00   40.00
=========  ==========================  ======  ======  ======  ======  =====

- 支出 900.00 = 基本 600.00 + 项目 300.00; 201 = 20113 = 500.00 + 300.00 = 800.00.
- 收入 870.00 = 财政拨款收入 840.00 (460 + 280 + 60 + 40) + 其他收入 30.00 (all 2011301).
- 年初结转和结余 50.00 (财政拨款 30.00, other 20.00); 年末 = 50 + 870 − 900 = 20.00
  (财政拨款 30 + 840 − 860 = 10.00, other 20 + 30 − 40 = 10.00); 总计 920.00 both sides.
- 财政拨款 (all 一般公共预算) spending 860.00 = 基本 560.00 (460 + 60 + 40) + 项目 300.00;
  by 类 201: 760.00, 208: 60.00, 221: 40.00.
- 基本支出 560.00 = 人员经费 470.00 (301: 200 + 110 + 60 + 40 = 410; 303: 60)
  + 公用经费 90.00 (302: 30 + 20 + 10 + 5 + 15 = 80; 310: 10).
- “三公” 预算数 40.00 = 12.00 + 20.00 (0.00 + 20.00) + 8.00;
  决算数 30.00 = 10.00 + 15.00 (0.00 + 15.00) + 5.00 (the 302 codes 30212, 30231, 30217).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

MONEY = "#,##0.00"
DEPARTMENT = "测试局"
Value = str | Decimal | None
Row = tuple[Value, ...]


def d(text: str) -> Decimal:
    """A figure in 万元."""
    return Decimal(text)


_TITLE_ROW = 1  # the table's title
_CAPTION_ROW = 2  # 编制单位 … 单位：万元


def _sheet(workbook: Workbook, name: str, title: str, width: int) -> Worksheet:
    sheet = workbook.create_sheet(name)
    sheet.cell(_TITLE_ROW, 1, title)
    sheet.cell(_CAPTION_ROW, 1, f"编制单位：{DEPARTMENT}")
    sheet.cell(_CAPTION_ROW, width, "单位：万元")
    return sheet


def _rows(sheet: Worksheet, first: int, rows: list[Row]) -> None:
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(first + offset, column, value)
            if isinstance(value, Decimal):
                cell.number_format = MONEY


# 收入支出决算总表: 收入 项目 | 决算数 | 支出 项目 | 决算数 (rows 5 on).
SUMMARY: list[Row] = [
    ("一、一般公共预算财政拨款收入", d("840.00"), "一、一般公共服务支出", d("800.00")),
    ("二、政府性基金预算财政拨款收入", None, "二、外交支出", None),
    ("三、国有资本经营预算财政拨款收入", None, "三、国防支出", None),
    ("四、上级补助收入", None, "四、公共安全支出", None),
    ("五、事业收入", None, "五、教育支出", None),
    ("六、经营收入", None, "六、科学技术支出", None),
    ("七、附属单位上缴收入", None, "七、文化旅游体育与传媒支出", None),
    ("八、其他收入", d("30.00"), "八、社会保障和就业支出", d("60.00")),
    (None, None, "九、卫生健康支出", None),
    (None, None, "十、节能环保支出", None),
    (None, None, "十一、城乡社区支出", None),
    (None, None, "十二、农林水支出", None),
    (None, None, "十三、交通运输支出", None),
    (None, None, "十四、资源勘探工业信息等支出", None),
    (None, None, "十五、商业服务业等支出", None),
    (None, None, "十六、金融支出", None),
    (None, None, "十七、援助其他地区支出", None),
    (None, None, "十八、自然资源海洋气象等支出", None),
    (None, None, "十九、住房保障支出", d("40.00")),
    (None, None, "二十、粮油物资储备支出", None),
    (None, None, "二十一、国有资本经营预算支出", None),
    (None, None, "二十二、灾害防治及应急管理支出", None),
    (None, None, "二十三、其他支出", None),
    (None, None, "二十四、抗疫特别国债安排的支出", None),
    ("本年收入合计", d("870.00"), "本年支出合计", d("900.00")),
    ("使用非财政拨款结余", d("0.00"), "结余分配", d("0.00")),
    ("年初结转和结余", d("50.00"), "年末结转和结余", d("20.00")),
    ("总计", d("920.00"), "总计", d("920.00")),
]

# 收入决算表: code | name | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 |
# 附属单位上缴收入 | 其他收入 (rows 6 on).
INCOME: list[Row] = [
    ("合计", None, d("870.00"), d("840.00"), None, None, None, None, d("30.00")),
    ("201", "一般公共服务支出", d("770.00"), d("740.00"), None, None, None, None, d("30.00")),
    ("20113", "商贸事务", d("770.00"), d("740.00"), None, None, None, None, d("30.00")),
    ("2011301", "行政运行", d("490.00"), d("460.00"), None, None, None, None, d("30.00")),
    ("2011308", "招商引资", d("280.00"), d("280.00"), None, None, None, None, None),
    ("208", "社会保障和就业支出", d("60.00"), d("60.00"), None, None, None, None, None),
    ("20805", "行政事业单位养老支出", d("60.00"), d("60.00"), None, None, None, None, None),
    ("2080505", "机关事业单位基本养老保险缴费支出", d("60.00"), d("60.00"),
     None, None, None, None, None),
    ("221", "住房保障支出", d("40.00"), d("40.00"), None, None, None, None, None),
    ("22102", "住房改革支出", d("40.00"), d("40.00"), None, None, None, None, None),
    ("2210201", "住房公积金", d("40.00"), d("40.00"), None, None, None, None, None),
]  # fmt: skip

# 支出决算表: code | name | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 |
# 对附属单位补助支出 (rows 6 on).
SPENDING: list[Row] = [
    ("合计", None, d("900.00"), d("600.00"), d("300.00"), None, None, None),
    ("201", "一般公共服务支出", d("800.00"), d("500.00"), d("300.00"), None, None, None),
    ("20113", "商贸事务", d("800.00"), d("500.00"), d("300.00"), None, None, None),
    ("2011301", "行政运行", d("500.00"), d("500.00"), None, None, None, None),
    ("2011308", "招商引资", d("300.00"), None, d("300.00"), None, None, None),
    ("208", "社会保障和就业支出", d("60.00"), d("60.00"), None, None, None, None),
    ("20805", "行政事业单位养老支出", d("60.00"), d("60.00"), None, None, None, None),
    ("2080505", "机关事业单位基本养老保险缴费支出", d("60.00"), d("60.00"), None, None, None, None),
    ("221", "住房保障支出", d("40.00"), d("40.00"), None, None, None, None),
    ("22102", "住房改革支出", d("40.00"), d("40.00"), None, None, None, None),
    ("2210201", "住房公积金", d("40.00"), d("40.00"), None, None, None, None),
]

# 财政拨款收入支出决算总表: 收入 项目 | 决算数 | 支出 项目 | 合计 | 一般公共预算财政拨款 |
# 政府性基金预算财政拨款 | 国有资本经营预算财政拨款 (rows 5 on).
FISCAL: list[Row] = [
    ("一、一般公共预算财政拨款", d("840.00"), "一、一般公共服务支出", d("760.00"), d("760.00"),
     None, None),
    ("二、政府性基金预算财政拨款", None, "二、外交支出", None, None, None, None),
    ("三、国有资本经营预算财政拨款", None, "三、国防支出", None, None, None, None),
    (None, None, "四、公共安全支出", None, None, None, None),
    (None, None, "五、教育支出", None, None, None, None),
    (None, None, "六、科学技术支出", None, None, None, None),
    (None, None, "七、文化旅游体育与传媒支出", None, None, None, None),
    (None, None, "八、社会保障和就业支出", d("60.00"), d("60.00"), None, None),
    (None, None, "九、卫生健康支出", None, None, None, None),
    (None, None, "十、节能环保支出", None, None, None, None),
    (None, None, "十一、城乡社区支出", None, None, None, None),
    (None, None, "十二、农林水支出", None, None, None, None),
    (None, None, "十三、交通运输支出", None, None, None, None),
    (None, None, "十四、资源勘探工业信息等支出", None, None, None, None),
    (None, None, "十五、商业服务业等支出", None, None, None, None),
    (None, None, "十六、金融支出", None, None, None, None),
    (None, None, "十七、援助其他地区支出", None, None, None, None),
    (None, None, "十八、自然资源海洋气象等支出", None, None, None, None),
    (None, None, "十九、住房保障支出", d("40.00"), d("40.00"), None, None),
    (None, None, "二十、粮油物资储备支出", None, None, None, None),
    (None, None, "二十一、国有资本经营预算支出", None, None, None, None),
    (None, None, "二十二、灾害防治及应急管理支出", None, None, None, None),
    (None, None, "二十三、其他支出", None, None, None, None),
    (None, None, "二十四、抗疫特别国债安排的支出", None, None, None, None),
    ("本年收入合计", d("840.00"), "本年支出合计", d("860.00"), d("860.00"), None, None),
    ("年初财政拨款结转和结余", d("30.00"), "年末财政拨款结转和结余", d("10.00"), d("10.00"),
     None, None),
    ("一、一般公共预算财政拨款", d("30.00"), None, None, None, None, None),
    ("二、政府性基金预算财政拨款", None, None, None, None, None, None),
    ("三、国有资本经营预算财政拨款", None, None, None, None, None, None),
    ("总计", d("870.00"), "总计", d("870.00"), d("870.00"), None, None),
]  # fmt: skip

# 一般公共预算财政拨款支出决算表: code | name | 合计 | 基本支出 | 项目支出 (rows 6 on).
GENERAL: list[Row] = [
    ("201", "一般公共服务支出", d("760.00"), d("460.00"), d("300.00")),
    ("20113", "商贸事务", d("760.00"), d("460.00"), d("300.00")),
    ("2011301", "行政运行", d("460.00"), d("460.00"), None),
    ("2011308", "招商引资", d("300.00"), None, d("300.00")),
    ("208", "社会保障和就业支出", d("60.00"), d("60.00"), None),
    ("20805", "行政事业单位养老支出", d("60.00"), d("60.00"), None),
    ("2080505", "机关事业单位基本养老保险缴费支出", d("60.00"), d("60.00"), None),
    ("221", "住房保障支出", d("40.00"), d("40.00"), None),
    ("22102", "住房改革支出", d("40.00"), d("40.00"), None),
    ("2210201", "住房公积金", d("40.00"), d("40.00"), None),
    ("合计", None, d("860.00"), d("560.00"), d("300.00")),
]

# 一般公共预算财政拨款基本支出决算表: code | name | 决算数 | code | name | 决算数 (rows 4 on).
BASIC: list[Row] = [
    ("301", "工资福利支出", d("410.00"), "302", "商品和服务支出", d("80.00")),
    ("30101", "基本工资", d("200.00"), "30201", "办公费", d("30.00")),
    ("30102", "津贴补贴", d("110.00"), "30211", "差旅费", d("20.00")),
    ("30108", "机关事业单位基本养老保险缴费", d("60.00"), "30212", "因公出国(境)费用",
     d("10.00")),
    ("30113", "住房公积金", d("40.00"), "30217", "公务接待费", d("5.00")),
    ("303", "对个人和家庭的补助", d("60.00"), "30231", "公务用车运行维护费", d("15.00")),
    ("30302", "退休费", d("60.00"), "310", "资本性支出", d("10.00")),
    (None, None, None, "31002", "办公设备购置", d("10.00")),
    ("人员经费合计", None, d("470.00"), "公用经费合计", None, d("90.00")),
]  # fmt: skip

# “三公”: 预算数 | 决算数 for 合计, 因公出国(境)费, 公务用车购置及运行维护费 小计, 公务用车购置费,
# 公务用车运行维护费, 公务接待费 (row 7).
THREE: Row = (
    d("40.00"), d("30.00"), d("12.00"), d("10.00"), d("20.00"), d("15.00"),
    d("0.00"), d("0.00"), d("20.00"), d("15.00"), d("8.00"), d("5.00"),
)  # fmt: skip

FUND_HEADER: list[Row] = [
    ("项目", None, "年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"),
    ("功能分类科目编码", "科目名称", None, None, "合计", "基本支出", "项目支出", None),
    ("合计", None, None, None, None, None, None, None),
]

NARRATIVE = f"""第三部分 {DEPARTMENT}2024年度部门决算情况说明
一、收入支出决算总体情况说明
{DEPARTMENT}2024年度收入支出总计920.00万元。与2023年度相比，收入支出总计增加20.00万元，增长2.22%。主要原因：招商引资项目增加。
二、收入决算情况说明
本年收入合计870.00万元，其中：财政拨款收入840.00万元，占96.55%；其他收入30.00万元，占3.45%。
三、支出决算情况说明
本年支出合计900.00万元，其中：基本支出600.00万元，占66.67%；项目支出300.00万元，占33.33%。
四、财政拨款收入支出决算总体情况说明
{DEPARTMENT}2024年度财政拨款收入支出总计870.00万元。与2023年度相比，财政拨款收入支出总计增加70.00万元，增长8.75%。主要原因：招商引资项目增加。
五、一般公共预算财政拨款支出决算情况说明
（一）一般公共预算财政拨款支出决算总体情况
一般公共预算财政拨款支出860.00万元，占本年支出合计的95.56%。与2023年度相比，一般公共预算财政拨款支出增加60.00万元，增长7.50%。主要原因：招商引资项目增加。
（二）一般公共预算财政拨款支出决算结构情况
一般公共预算财政拨款支出860.00万元，主要用于以下方面：一般公共服务支出（类）760.00万元，占88.37%；社会保障和就业支出（类）60.00万元，占6.98%；住房保障支出（类）40.00万元，占4.65%。
（三）一般公共预算财政拨款支出决算具体情况
一般公共预算财政拨款支出年初预算为800.00万元，支出决算为860.00万元，完成年初预算的107.50%。决算数大于预算数的主要原因：年中追加招商引资项目经费。其中：
1、一般公共服务支出（类）商贸事务（款）行政运行（项）。主要用于：机关日常运转。年初预算为450.00万元，支出决算为460.00万元。决算数大于预算数的主要原因：人员变动。
2、一般公共服务支出（类）商贸事务（款）招商引资（项）。主要用于：招商推介活动。年初预算为250.00万元，支出决算为300.00万元。决算数大于预算数的主要原因：年中追加项目经费。
3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。主要用于：养老保险缴费。年初预算为60.00万元，支出决算为60.00万元。
4、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：住房公积金缴存。年初预算为40.00万元，支出决算为40.00万元。
六、一般公共预算财政拨款基本支出决算情况说明
一般公共预算财政拨款基本支出560.00万元。其中：人员经费470.00万元，主要包括：基本工资、津贴补贴、机关事业单位基本养老保险缴费、住房公积金、退休费；公用经费90.00万元，主要包括：办公费、差旅费、因公出国（境）费用、公务接待费、公务用车运行维护费、办公设备购置。
七、财政拨款“三公”经费支出决算情况说明
（一）“三公”经费财政拨款支出决算总体情况说明。
“三公”经费财政拨款支出年初预算为40.00万元，支出决算为30.00万元，完成预算的75.00%，其中：因公出国（境）费决算为10.00万元，完成预算的83.33%；公务用车购置及运行维护费支出决算为15.00万元，完成预算的75.00%；公务接待费支出决算为5.00万元，完成预算的62.50%。2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。
2024年度“三公”经费财政拨款支出决算数比2023年度减少5.00万元，下降14.29%，其中：因公出国（境）费支出决算减少2.00万元，下降16.67%；公务用车购置及运行维护费支出决算减少1.00万元，下降6.25%；公务接待费支出决算减少2.00万元，下降28.57%。
（二）“三公”经费财政拨款支出决算具体情况说明。
“三公”经费财政拨款支出决算中，因公出国（境）费支出决算10.00万元，占33.33%；公务用车购置及运行维护费支出决算15.00万元，占50.00%；公务接待费支出决算5.00万元，占16.67%。具体情况如下：
1、因公出国（境）费支出10.00万元。全年安排因公出国（境）团组1个、累计3人次。开支内容包括：参加国际经贸交流活动。
2、公务用车购置及运行维护费支出15.00万元。其中：公务用车购置支出为0.00万元。公务用车运行维护支出15.00万元。主要用于公务用车燃料、维修和保险。2024年，{DEPARTMENT}所属各预算单位开支财政拨款的公务用车保有量为3辆。
3、公务接待费支出5.00万元。其中：国内公务接待支出5.00万元（含外宾接待支出0.00万元）。主要用于接待来访考察团组，共20批次、150人次。
八、政府性基金预算财政拨款收入支出决算情况说明
{DEPARTMENT}2024年度无政府性基金预算财政拨款收入和支出。
九、国有资本经营预算财政拨款收入支出决算情况说明
{DEPARTMENT}2024年度无国有资本经营预算财政拨款收入和支出。"""
# 2.22% = 20 ÷ 900 (2023: 920 − 20); 96.55% = 840 ÷ 870, 3.45% = 30 ÷ 870;
# 66.67% = 600 ÷ 900, 33.33% = 300 ÷ 900; 8.75% = 70 ÷ 800 (2023: 870 − 70);
# 95.56% = 860 ÷ 900; 7.50% = 60 ÷ 800 (2023: 860 − 60); 88.37% = 760 ÷ 860,
# 6.98% = 60 ÷ 860, 4.65% = 40 ÷ 860; 107.50% = 860 ÷ 800 (800 = 450 + 250 + 60 + 40);
# “三公” 75.00% = 30 ÷ 40, 83.33% = 10 ÷ 12, 75.00% = 15 ÷ 20, 62.50% = 5 ÷ 8;
# 2023 “三公” 35 = 12 + 16 + 7: 14.29% = 5 ÷ 35, 16.67% = 2 ÷ 12, 6.25% = 1 ÷ 16,
# 28.57% = 2 ÷ 7; shares 33.33% = 10 ÷ 30, 50.00% = 15 ÷ 30, 16.67% = 5 ÷ 30.


def build(
    path: Path,
    changes: dict[tuple[str, str], Decimal] | None = None,
    narrative: str = NARRATIVE,
) -> Path:
    """Write the filled 决算 workbook to ``path``; ``changes`` overwrite cells (sheet, ref)."""
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "封面"
    cover["A1"] = f"{DEPARTMENT}2024年度部门决算"
    overview = workbook.create_sheet("概况")
    overview["A1"] = f"第一部分 {DEPARTMENT}概况"
    overview["A2"] = "一、主要职能"
    overview["A3"] = f"{DEPARTMENT}负责本市商务发展的综合管理。"
    _summary(workbook)
    _grid(workbook, "收入决算表", "收入决算表", INCOME, 9, _INCOME_HEADER)
    _grid(workbook, "支出决算表", "支出决算表", SPENDING, 8, _SPENDING_HEADER)
    _fiscal(workbook)
    _grid(workbook, "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表",
          GENERAL, 5, _GENERAL_HEADER)  # fmt: skip
    _basic(workbook)
    _three(workbook)
    for name, fund in (("政府性基金", "政府性基金预算"), ("国有资本经营", "国有资本经营预算")):
        sheet = _sheet(workbook, name, f"{fund}财政拨款收入支出决算表", 8)
        _rows(sheet, 3, FUND_HEADER)
        sheet["A7"] = f"说明：{DEPARTMENT}本年度没有{fund}财政拨款收入和支出，故本表无数据。"
    notes = workbook.create_sheet("情况说明")
    for number, paragraph in enumerate(narrative.split("\n"), start=1):
        notes.cell(number, 1, paragraph)
    for (sheet_name, ref), value in (changes or {}).items():
        workbook[sheet_name][ref] = value
        workbook[sheet_name][ref].number_format = MONEY
    workbook.save(path)
    return path


_INCOME_HEADER: list[Row] = [
    ("项目", None, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
     "附属单位上缴收入", "其他收入"),
    ("功能分类科目编码", "科目名称"),
]  # fmt: skip
_SPENDING_HEADER: list[Row] = [
    ("项目", None, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
     "对附属单位补助支出"),
    ("功能分类科目编码", "科目名称"),
]  # fmt: skip
_GENERAL_HEADER: list[Row] = [
    ("项目", None, "合计", "基本支出", "项目支出"),
    ("功能分类科目编码", "科目名称"),
]


def _summary(workbook: Workbook) -> None:
    sheet = _sheet(workbook, "收入支出决算总表", "收入支出决算总表", 4)
    sheet.insert_rows(1)
    sheet["A1"] = f"第二部分 {DEPARTMENT}2024年度部门决算表"
    _rows(sheet, 4, [("收入", None, "支出", None), ("项目", "决算数", "项目", "决算数")])
    _rows(sheet, 6, SUMMARY)


def _grid(
    workbook: Workbook, name: str, title: str, rows: list[Row], width: int, header: list[Row]
) -> None:
    sheet = _sheet(workbook, name, title, width)
    _rows(sheet, 3, header)
    _rows(sheet, 3 + len(header), rows)


def _fiscal(workbook: Workbook) -> None:
    sheet = _sheet(workbook, "财政拨款收入支出决算总表", "财政拨款收入支出决算总表", 7)
    header: list[Row] = [
        ("收入", None, "支出"),
        ("项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
         "国有资本经营预算财政拨款"),
    ]  # fmt: skip
    _rows(sheet, 3, header)
    _rows(sheet, 5, FISCAL)


def _basic(workbook: Workbook) -> None:
    sheet = _sheet(workbook, "基本支出决算表", "一般公共预算财政拨款基本支出决算表", 6)
    header: Row = (
        "经济分类科目编码",
        "科目名称",
        "决算数",
        "经济分类科目编码",
        "科目名称",
        "决算数",
    )
    _rows(sheet, 3, [header])
    _rows(sheet, 4, BASIC)


def _three(workbook: Workbook) -> None:
    sheet = _sheet(workbook, "三公经费", "财政拨款“三公”经费支出决算表", 12)
    header: list[Row] = [
        ("财政拨款“三公”经费",),
        ("合计", None, "因公出国(境)费", None, "公务用车购置及运行维护费", None, None, None,
         None, None, "公务接待费"),
        (None, None, None, None, "小计", None, "公务用车购置费", None, "公务用车运行维护费"),
        ("预算数", "决算数") * 6,
    ]  # fmt: skip
    _rows(sheet, 3, header)
    _rows(sheet, 7, [THREE])


# A filled 政府性基金预算财政拨款收入支出决算表 (rows 5 on): code | name | 年初结转和结余 | 本年收入 |
# 本年支出 合计 | 基本支出 | 项目支出 | 年末结转和结余; 10.00 + 50.00 = 55.00 + 5.00 in every row.
FUND: list[Row] = [
    ("合计", None, d("10.00"), d("50.00"), d("55.00"), None, d("55.00"), d("5.00")),
    ("212", "城乡社区支出", d("10.00"), d("50.00"), d("55.00"), None, d("55.00"), d("5.00")),
    ("21208", "国有土地使用权出让收入安排的支出", d("10.00"), d("50.00"), d("55.00"), None,
     d("55.00"), d("5.00")),
    ("2120899", "其他国有土地使用权出让收入安排的支出", d("10.00"), d("50.00"), d("55.00"), None,
     d("55.00"), d("5.00")),
]  # fmt: skip


def build_fund_table(path: Path, changes: dict[str, Decimal] | None = None) -> Path:
    """A workbook of the 政府性基金 决算 table alone, filled; ``changes`` overwrite its cells."""
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "封面"
    cover["A1"] = f"{DEPARTMENT}2024年度部门决算"
    sheet = _sheet(workbook, "政府性基金", "政府性基金预算财政拨款收入支出决算表", 8)
    _rows(sheet, 3, FUND_HEADER[:2])
    _rows(sheet, 5, FUND)
    for ref, value in (changes or {}).items():
        sheet[ref] = value
        sheet[ref].number_format = MONEY
    workbook.save(path)
    return path
