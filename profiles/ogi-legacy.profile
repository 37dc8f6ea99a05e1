# ogix profile: reports on 2008–2018, before the national 2019 table (../shared/spec/ogi-legacy.md).
# One indicator table (统计数据 / 统计表): a row per indicator, a unit column, one or two period
# columns. Which indicators appear differs by agency and year: only the rows the source has are
# written; a row naming no code below is kept as extra_N with its label and unit.
# Syntax: that of ogi-2019.profile (label statements for the codebook included), plus
#   detect indicator-table                       never chosen by wording: a document with no 2019/2021
#                                                wording and an indicator table (header naming
#                                                LABEL-COL and UNIT-COL, or three rows of indicators
#                                                with numbers) follows this profile
#   label-col = VARIANT | …                      header of the label column (指标名称)
#   unit-col = VARIANT | …                       header of the unit column: each row's unit
#   col CODE = VARIANT | …                       a period column by its header
#   year-col CODE                                a header "YYYY年" / "YYYY年度" naming the report year
#   units UNIT …                                 the units a unit column holds (crawler copies glue
#                                                them to the label: 主动公开信息数条)
#   unit ROW 万元                                  a money row: values converted to 万元 from the row's unit
#   stated ROW = PHRASE | …                      the report's prose states the row's figure as
#                                                PHRASE + number (累计 just before it: the cumulative
#                                                column, else the current one); used only to decide
#                                                how a run-together crawler row splits
#   rule LN …                                    a rule numbered as the legacy spec does (L1–L7)
#   rule N TABLE parts LHS = RHS                 per period column: LHS = the sum of the RHS rows the
#                                                source has ("x.*" = x's rows one level down);
#                                                unchecked when fewer than two parts are present
#   rule N TABLE not-less COL COL                per row: the first column ≥ the second
# Labels are matched whole after dropping numbering, 其中：, spaces, punctuation and a bracketed
# remark; "GROUP>LABEL" requires GROUP among the labels the row stands under.
profile ogi-legacy
describe 2008–2018 indicator tables (统计数据), State Council 2014–2018 table and earlier subsets
detect indicator-table

section overview = 概述 | 总体情况 | 基本情况 | 主要工作概述 | 工作开展情况 | 政府信息公开工作概述 | 政府信息公开工作基本情况
section proactive = 主动公开政府信息情况 | 政府信息主动公开情况 | 主动公开政府信息 | 主动公开情况 | 主动公开
section applications = 依申请公开政府信息情况 | 依申请公开政府信息办理情况 | 政府信息依申请公开办理情况 | 依申请公开 | 收到和处理政府信息公开申请情况 | 政府信息公开申请情况
section fees = 政府信息公开的收费及减免情况 | 依申请公开收费及减免情况 | 收费及减免
section review_litigation = 因政府信息公开申请行政复议、提起行政诉讼情况 | 复议、诉讼情况 | 行政复议、行政诉讼情况 | 申请行政复议 | 行政复议
section consultations = 咨询处理情况 | 政府信息公开咨询情况
section problems = 存在的主要问题及改进措施 | 主要问题和改进措施 | 存在的主要问题 | 存在的问题 | 问题及改进 | 存在的不足
section other_matters = 其他需要报告的事项 | 需要说明的事项 | 需要说明的其他事项 | 其他需要报告
section annex = 附件 | 附表 | 统计数据 | 统计表

label section preamble = （前言） | Preamble
label section overview = 概述 | Overview
label section proactive = 主动公开政府信息情况 | Proactive disclosure
label section applications = 依申请公开政府信息情况 | Requests for disclosure
label section fees = 政府信息公开的收费及减免情况 | Fees and waivers
label section review_litigation = 因政府信息公开申请行政复议、提起行政诉讼情况 | Administrative review and litigation
label section consultations = 咨询处理情况 | Consultations
label section problems = 存在的主要问题及改进措施 | Main problems and improvements
label section other_matters = 需要说明的事项 | Other matters
label section annex = 附件（统计数据） | Annex (statistics)

table indicators
label-col = 指标名称 | 指标
unit-col = 计量单位 | 单位
col current = 本年 | 本年度 | 本期 | 本期实际 | 本年累计 | 年末统计 | 数量 | 数值 | 统计数
col cumulative = 历年累计 | 累计 | 总计
year-col current
label table = 政府信息公开情况统计表 | Indicator table
label col current = 本年度 | Report year
label col cumulative = 历年累计 | Cumulative since 2008
units 条 件 项 个 次 人 人次 篇 场 册 期 份 家 部 元 千元 万元 亿元 % ％

row proactive_total = 主动公开政府信息数 | 主动公开信息数 | 主动公开政府信息总数 | 主动公开信息总数 | 主动公开文件数
row proactive_full_text = 全文电子化的主动公开信息数 | 全文电子化信息数
row proactive_normative_documents = 主动公开规范性文件数 | 新增的行政规范性文件数
row normative_documents_issued = 制发规范性文件总数
row proactive_channel.gazette = 政府公报公开政府信息数 | 政府公报公开数 | 政府公报公开
row proactive_channel.website = 政府网站公开政府信息数 | 政府网站公开数 | 网站公开数 | 网站公开
row proactive_channel.weibo = 政务微博公开政府信息数
row proactive_channel.wechat = 政务微信公开政府信息数
row proactive_channel.other = 其他方式公开政府信息数
row responses_hot_topics = 回应公众关注热点或重大舆情数
row responses.press_conferences = 参加或举办新闻发布会总次数
row responses.press_conferences_principal = 主要负责同志参加新闻发布会次数
row responses.online_interviews = 政府网站在线访谈次数
row responses.online_interviews_principal = 主要负责同志参加政府网站在线访谈次数
row responses.interpretations = 政策解读稿件发布数
row responses.weibo_wechat = 微博微信回应事件数
row responses.other = 其他方式回应事件数
row requests_received = 收到申请数 | 受理政府信息公开申请总数 | 受理依申请公开信息总数 | 受理申请总数 | 申请总数
row requests_channel.in_person = 当面申请数
row requests_channel.fax = 传真申请数
row requests_channel.online = 网络申请数 | 网上申请数
row requests_channel.email = 电子邮件申请数
row requests_channel.mail = 信函申请数
row requests_channel.mail_fax = 信函、传真申请数
row requests_channel.other = 其他形式申请数 | 其它形式申请数
row requests_closed = 申请办结数
row requests_closed.on_time = 按时办结数
row requests_closed.extended = 延期办结数
row replies_total = 申请答复数 | 对申请的答复总数 | 对申请的答复数 | 答复总数
row replies.already_public = 属于已主动公开范围数
row replies.granted = 同意公开答复数
row replies.partially_granted = 同意部分公开答复数
row replies.refused = 不同意公开答复数 | 不予公开答复数 | 否决公开答复总数 | 否决公开答复数
row replies.refused.state_secret = 涉及国家秘密
row replies.refused.commercial_secret = 涉及商业秘密
row replies.refused.privacy = 涉及个人隐私
row replies.refused.security_stability = 危及国家安全、公共安全、经济安全和社会稳定
row replies.refused.not_government_information = 不是《条例》所指政府信息 | 非《条例》所指政府信息数
row replies.refused.other_legal = 法律法规规定的其他情形
row replies.not_this_agency = 不属于本行政机关公开数 | 非本部门掌握数
row replies.not_exist = 申请信息不存在数 | 信息不存在数
row replies.correction_requested = 告知作出更改补充数
row replies.other_channel = 告知通过其他途径办理数
row replies.other = 其他类型答复数 | 其他原因
row review_total = 行政复议数量 | 行政复议数
row review.upheld = 行政复议>维持具体行政行为数
row review.corrected = 行政复议>被依法纠错数
row review.other = 行政复议>其他情形数
row litigation_total = 行政诉讼数量 | 行政诉讼数
row litigation.upheld = 行政诉讼>维持具体行政行为或者驳回原告诉讼请求数
row litigation.corrected = 行政诉讼>被依法纠错数
row litigation.other = 行政诉讼>其他情形数
row complaints = 举报投诉数量 | 接受行政申诉、举报数 | 行政申诉、举报数 | 行政申诉数
row fees_collected = 依申请公开信息收取的费用 | 收取费用
row fees_waived = 政府信息公开收费减免金额 | 减免金额
row capacity.offices = 政府信息公开工作专门机构数
row capacity.reading_points = 设置政府信息公开查阅点数
row capacity.staff = 从事政府信息公开工作人员数
row capacity.staff_full_time = 专职人员数
row capacity.staff_part_time = 兼职人员数
row capacity.budget = 政府信息公开专项经费
row training.meetings = 召开政府信息公开工作会议或专题会议数
row training.courses = 举办各类培训班数
row training.trainees = 接受培训人员数
row consultations.onsite = 现场接待人数
row consultations.online = 网上咨询数
row consultations.phone = 咨询电话接听数
row website_visits = 网站专栏页面访问量

label row proactive_total = 主动公开政府信息数 | Proactive disclosure, total
label row proactive_full_text = 全文电子化的主动公开信息数 | Proactive, full text online
label row proactive_normative_documents = 主动公开规范性文件数 | Proactive, normative documents
label row normative_documents_issued = 制发规范性文件总数 | Normative documents issued
label row proactive_channel.gazette = 政府公报公开政府信息数 | Proactive channel: gazette
label row proactive_channel.website = 政府网站公开政府信息数 | Proactive channel: website
label row proactive_channel.weibo = 政务微博公开政府信息数 | Proactive channel: Weibo
label row proactive_channel.wechat = 政务微信公开政府信息数 | Proactive channel: WeChat
label row proactive_channel.other = 其他方式公开政府信息数 | Proactive channel: other
label row responses_hot_topics = 回应公众关注热点或重大舆情数 | Hot topics answered
label row responses.press_conferences = 参加或举办新闻发布会总次数 | Responses: press conferences
label row responses.press_conferences_principal = 主要负责同志参加新闻发布会次数 | Responses: press conferences with the head
label row responses.online_interviews = 政府网站在线访谈次数 | Responses: online interviews
label row responses.online_interviews_principal = 主要负责同志参加政府网站在线访谈次数 | Responses: online interviews with the head
label row responses.interpretations = 政策解读稿件发布数 | Responses: policy interpretations
label row responses.weibo_wechat = 微博微信回应事件数 | Responses: Weibo/WeChat responses
label row responses.other = 其他方式回应事件数 | Responses: other
label row requests_received = 收到申请数 | Requests received
label row requests_channel.in_person = 当面申请数 | Request channel: in person
label row requests_channel.fax = 传真申请数 | Request channel: fax
label row requests_channel.online = 网络申请数 | Request channel: online
label row requests_channel.email = 电子邮件申请数 | Request channel: e-mail
label row requests_channel.mail = 信函申请数 | Request channel: mail
label row requests_channel.mail_fax = 信函、传真申请数 | Request channel: mail or fax
label row requests_channel.other = 其他形式申请数 | Request channel: other
label row requests_closed = 申请办结数 | Requests closed
label row requests_closed.on_time = 按时办结数 | Requests closed: on time
label row requests_closed.extended = 延期办结数 | Requests closed: extended
label row replies_total = 申请答复数 | Replies, total
label row replies.already_public = 属于已主动公开范围数 | Replies: already public
label row replies.granted = 同意公开答复数 | Replies: granted
label row replies.partially_granted = 同意部分公开答复数 | Replies: partially granted
label row replies.refused = 不同意公开答复数 | Replies: refused
label row replies.refused.state_secret = 涉及国家秘密 | Replies: refused: state secret
label row replies.refused.commercial_secret = 涉及商业秘密 | Replies: refused: commercial secret
label row replies.refused.privacy = 涉及个人隐私 | Replies: refused: privacy
label row replies.refused.security_stability = 危及国家安全、公共安全、经济安全和社会稳定 | Replies: refused: security and stability
label row replies.refused.not_government_information = 不是《条例》所指政府信息 | Replies: refused: not government information
label row replies.refused.other_legal = 法律法规规定的其他情形 | Replies: refused: other legal grounds
label row replies.not_this_agency = 不属于本行政机关公开数 | Replies: not held by this agency
label row replies.not_exist = 申请信息不存在数 | Replies: does not exist
label row replies.correction_requested = 告知作出更改补充数 | Replies: correction requested
label row replies.other_channel = 告知通过其他途径办理数 | Replies: other channel
label row replies.other = 其他类型答复数 | Replies: other
label row review_total = 行政复议数量 | Administrative reviews, total
label row review.upheld = 维持具体行政行为数 | Administrative review: upheld
label row review.corrected = 被依法纠错数 | Administrative review: corrected
label row review.other = 其他情形数 | Administrative review: other
label row litigation_total = 行政诉讼数量 | Litigation, total
label row litigation.upheld = 维持具体行政行为或者驳回原告诉讼请求数 | Litigation: upheld
label row litigation.corrected = 被依法纠错数 | Litigation: corrected
label row litigation.other = 其他情形数 | Litigation: other
label row complaints = 举报投诉数量 | Complaints
label row fees_collected = 依申请公开信息收取的费用 | Fees collected
label row fees_waived = 政府信息公开收费减免金额 | Fees waived
label row capacity.offices = 政府信息公开工作专门机构数 | Capacity: dedicated offices
label row capacity.reading_points = 设置政府信息公开查阅点数 | Capacity: reading points
label row capacity.staff = 从事政府信息公开工作人员数 | Capacity: staff
label row capacity.staff_full_time = 专职人员数 | Capacity: full-time staff
label row capacity.staff_part_time = 兼职人员数 | Capacity: part-time staff
label row capacity.budget = 政府信息公开专项经费 | Capacity: budget
label row training.meetings = 召开政府信息公开工作会议或专题会议数 | Training: meetings
label row training.courses = 举办各类培训班数 | Training: courses
label row training.trainees = 接受培训人员数 | Training: trainees
label row consultations.onsite = 现场接待人数 | Consultations: on site
label row consultations.online = 网上咨询数 | Consultations: online
label row consultations.phone = 咨询电话接听数 | Consultations: by phone
label row website_visits = 网站专栏页面访问量 | Website visits

unit fees_collected 万元
unit fees_waived 万元
unit capacity.budget 万元

stated proactive_total = 主动公开政府信息 | 主动公开信息
stated requests_received = 受理政府信息公开申请 | 收到政府信息公开申请 | 受理依申请公开信息 | 受理申请

rule L1 indicators parts requests_received = requests_channel.*
rule L2 indicators parts replies_total = replies.*
rule L3 indicators parts replies.refused = replies.refused.*
rule L4 indicators parts requests_closed = requests_closed.*
rule L5 indicators parts review_total = review.*
rule L5 indicators parts litigation_total = litigation.*
rule L6 indicators parts capacity.staff = capacity.staff_full_time + capacity.staff_part_time
rule L7 indicators not-less cumulative current
