# ogix profile: the State Council's 2019 trial format (国办公开办函〔2019〕60号), reports on 2019 and 2020.
# Syntax (one statement a line, '#' starts a comment):
#   profile ID | describe TEXT | evidence WEIGHT TEXT
#   section CODE = VARIANT | VARIANT …          heading wording of a top-level section
#   table CODE                                   starts a table; cols/rows below belong to it
#   col CODE = VARIANT | …                       column header label variants
#   extra-col CODE = VARIANT | …                 a column some agencies add (kept when present)
#   row CODE [: COL COL …] = VARIANT | …         row label variants; "GROUP>LEAF" requires the group
#                                                label in the row's own or spanning cells
#   extra-row CODE [: COLS] = VARIANT | …        a row kept only when the source has it
#   unit COL 万元                                  the unit the column's values are written in
#   rule N TABLE per-col|per-row LHS = RHS      a sum rule; terms joined by +, "x.*" is a family,
#                                                "a.*|b" uses b when every a.* is missing
#   rule N TABLE nonneg|integer EXCEPT-COL …    value checks over a whole table
#   label section CODE = 中文 | English          the printed label and an English one, for the
#   label table = 中文 | English                 codebook (ogix codebook); col/row name a code of
#   label col|row CODE = 中文 | English          the current table
# Variants are compared after dropping spaces, numbering ((一) 1. 一、), digits and punctuation.
profile ogi-2019
describe 国办公开办函〔2019〕60号 (trial format)

evidence 3 本年新制作数量
evidence 3 本年新公开数量
evidence 2 对外公开总数量
evidence 2 上一年项目数量
evidence 2 第二十条第（九）项
evidence 2 采购总金额
evidence 1 政府集中采购
evidence 1 国办公开办函〔2019〕60号

section overview = 总体情况
section proactive = 主动公开政府信息情况 | 主动公开政府信息 | 主动公开情况
section applications = 收到和处理政府信息公开申请情况 | 收到和处理政府信息公开申请 | 政府信息公开申请情况
section review_litigation = 政府信息公开行政复议、行政诉讼情况 | 因政府信息公开工作被申请行政复议、提起行政诉讼情况 | 行政复议、行政诉讼情况 | 被申请行政复议 | 行政复议、行政诉讼 | 行政诉讼情况 | 行政复议情况
section problems = 存在的主要问题及改进情况 | 政府信息公开工作存在的主要问题及改进情况 | 存在的主要问题 | 主要问题及改进 | 问题及改进
section other_matters = 其他需要报告的事项 | 其他需要报告

label section preamble = （前言） | Preamble
label section overview = 总体情况 | Overview
label section proactive = 主动公开政府信息情况 | Proactive disclosure
label section applications = 收到和处理政府信息公开申请情况 | Requests received and handled
label section review_litigation = 政府信息公开行政复议、行政诉讼情况 | Administrative review and litigation
label section problems = 存在的主要问题及改进情况 | Main problems and improvements
label section other_matters = 其他需要报告的事项 | Other matters to report

table proactive
col new_made = 本年新制作数量 | 新制作数量 | 本年新制作
col new_published = 本年新公开数量 | 新公开数量 | 本年新公开
col total_published = 对外公开总数量 | 公开总数量
col previous_year_items = 上一年项目数量 | 上年项目数量
col change = 本年增/减 | 本年增减 | 增/减 | 增减
col decisions = 处理决定数量 | 本年处理决定数量
col procurement_items = 采购项目数量
col procurement_amount = 采购总金额
unit procurement_amount 万元
row rules : new_made new_published total_published = 规章
row normative_documents : new_made new_published total_published = 规范性文件 | 行政规范性文件
row administrative_license : previous_year_items change decisions = 行政许可
row other_external_services : previous_year_items change decisions = 其他对外管理服务事项 | 其他对外管理服务
row administrative_penalty : previous_year_items change decisions = 行政处罚
row administrative_coercion : previous_year_items change decisions = 行政强制
row administrative_fees : previous_year_items change = 行政事业性收费
row government_procurement : procurement_items procurement_amount = 政府集中采购
rule 5 proactive nonneg change
rule 5 proactive integer procurement_amount

label table = 主动公开政府信息情况 | Proactive disclosure
label col new_made = 本年新制作数量 | Made this year
label col new_published = 本年新公开数量 | Published this year
label col total_published = 对外公开总数量 | Total published
label col previous_year_items = 上一年项目数量 | Items last year
label col change = 本年增/减 | Change this year
label col decisions = 处理决定数量 | Decisions
label col procurement_items = 采购项目数量 | Procurement projects
label col procurement_amount = 采购总金额 | Procurement amount
label row rules = 规章 | Rules (规章)
label row normative_documents = 规范性文件 | Normative documents
label row administrative_license = 行政许可 | Administrative licensing
label row other_external_services = 其他对外管理服务事项 | Other external management services
label row administrative_penalty = 行政处罚 | Administrative penalties
label row administrative_coercion = 行政强制 | Administrative coercion
label row administrative_fees = 行政事业性收费 | Administrative fees
label row government_procurement = 政府集中采购 | Centralized government procurement

table applications
col natural_person = 自然人
col commercial = 商业企业
col research = 科研机构
col social_welfare = 社会公益组织
col legal_service = 法律服务机构
col other_org = 其他
col total = 总计 | 合计
# 法人或其他组织 as a leaf column of its own (no breakdown below it) holds the same sum as 小计.
extra-col legal_person_subtotal = 小计 | 法人或其他组织
row new_received = 本年新收政府信息公开申请数量 | 本年新收
row carried_over = 上年结转政府信息公开申请数量 | 上年结转
row granted = 予以公开
row partially_granted = 部分公开
row denied.state_secret = 属于国家秘密 | 国家秘密
row denied.prohibited_by_law = 其他法律行政法规禁止公开 | 法律行政法规禁止公开 | 其他法律行政止公开 | 禁止公开
row denied.security_stability = 危及三安全一稳定 | 三安全一稳定
row denied.third_party_rights = 保护第三方合法权益 | 第三方合法权益
row denied.internal_affairs = 属于三类内部事务信息 | 内部事务信息
row denied.process_information = 属于四类过程性信息 | 过程性信息
row denied.enforcement_case_file = 属于行政执法案卷 | 行政执法案卷
row denied.administrative_query = 属于行政查询事项 | 行政查询事项
row unavailable.not_held = 本机关不掌握相关政府信息 | 本机关不掌握相关信息 | 不掌握相关
row unavailable.needs_creation = 没有现成信息需要另行制作 | 需要另行制作 | 没有现成信息
row unavailable.unclear_after_correction = 补正后申请内容仍不明确 | 补正后申请内容
row not_processed.petition_complaint = 信访举报投诉类申请 | 信访举报投诉
row not_processed.duplicate = 重复申请
row not_processed.publication = 要求提供公开出版物 | 公开出版物
row not_processed.vexatious = 无正当理由大量反复申请 | 大量反复申请
row not_processed.confirm_or_reissue = 要求行政机关确认或重新出具已获取信息 | 确认或重新出具
row other = 其他处理
row total_processed = 总计 | 合计
row carried_forward = 结转下年度继续办理 | 结转下年度
rule 1 applications per-col new_received + carried_over = total_processed + carried_forward
rule 2 applications per-col total_processed = granted + partially_granted + denied.* + unavailable.* + not_processed.* + other
rule 3 applications per-row total = natural_person + commercial + research + social_welfare + legal_service + other_org
rule 3 applications per-row legal_person_subtotal = commercial + research + social_welfare + legal_service + other_org

label table = 收到和处理政府信息公开申请情况 | Requests received and how they were handled
label col natural_person = 自然人 | Natural persons
label col commercial = 商业企业 | Commercial enterprises
label col research = 科研机构 | Research institutions
label col social_welfare = 社会公益组织 | Public-interest organizations
label col legal_service = 法律服务机构 | Legal service institutions
label col other_org = 其他 | Other legal persons or organizations
label col total = 总计 | Total
label col legal_person_subtotal = 小计 | Legal persons and other organizations, subtotal
label row new_received = 一、本年新收政府信息公开申请数量 | New requests received this year
label row carried_over = 二、上年结转政府信息公开申请数量 | Requests carried over from last year
label row granted = （一）予以公开 | Granted
label row partially_granted = （二）部分公开（区分处理的，只计这一情形，不计其他情形） | Partially granted
label row denied.state_secret = 1.属于国家秘密 | Refused: state secret
label row denied.prohibited_by_law = 2.其他法律行政法规禁止公开 | Refused: prohibited by other laws and regulations
label row denied.security_stability = 3.危及“三安全一稳定” | Refused: endangers security or stability
label row denied.third_party_rights = 4.保护第三方合法权益 | Refused: protects third-party rights
label row denied.internal_affairs = 5.属于三类内部事务信息 | Refused: internal affairs
label row denied.process_information = 6.属于四类过程性信息 | Refused: process information
label row denied.enforcement_case_file = 7.属于行政执法案卷 | Refused: law-enforcement case file
label row denied.administrative_query = 8.属于行政查询事项 | Refused: administrative query matter
label row unavailable.not_held = 1.本机关不掌握相关政府信息 | Unavailable: not held by this agency
label row unavailable.needs_creation = 2.没有现成信息需要另行制作 | Unavailable: would need to be created
label row unavailable.unclear_after_correction = 3.补正后申请内容仍不明确 | Unavailable: unclear after correction
label row not_processed.petition_complaint = 1.信访举报投诉类申请 | Not processed: petition, report or complaint
label row not_processed.duplicate = 2.重复申请 | Not processed: duplicate request
label row not_processed.publication = 3.要求提供公开出版物 | Not processed: asks for a publication
label row not_processed.vexatious = 4.无正当理由大量反复申请 | Not processed: many repeated requests without good reason
label row not_processed.confirm_or_reissue = 5.要求行政机关确认或重新出具已获取信息 | Not processed: asks to confirm or reissue information already obtained
label row total_processed = （七）总计 | Total processed
label row carried_forward = 四、结转下年度继续办理 | Carried forward to next year
label row other = （六）其他处理 | Other handling

table review_litigation
col upheld = 结果维持 | 维持
col corrected = 结果纠正 | 纠正
col other_result = 其他结果
col pending = 尚未审结 | 未审结
col total = 总计 | 合计
row administrative_review = 行政复议
row litigation_direct = 未经复议直接起诉 | 直接起诉
row litigation_after_review = 复议后起诉
rule 4 review_litigation per-row total = upheld + corrected + other_result + pending
label table = 政府信息公开行政复议、行政诉讼情况 | Administrative review and litigation over disclosure
label col upheld = 结果维持 | Upheld
label col corrected = 结果纠正 | Corrected
label col other_result = 其他结果 | Other result
label col pending = 尚未审结 | Pending
label col total = 总计 | Total
label row administrative_review = 行政复议 | Administrative review
label row litigation_direct = 行政诉讼：未经复议直接起诉 | Litigation without prior review
label row litigation_after_review = 行政诉讼：复议后起诉 | Litigation after review
