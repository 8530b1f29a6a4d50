/*
 * The audit plugin's texts (README, "Auditors in Cockpit"). Chinese for officials, English as the fallback,
 * chosen like Cockpit chooses its own locale: the browser's first language, Chinese unless it is English.
 * WebappAuditPluginTest checks that both languages have the same keys and that every Chinese text is Chinese.
 */

export const TEXTS = {
  zh: {
    menu: '审计查询',
    searchTitle: '流程审计查询',
    searchHint: '查询三个流程的全部实例（运行中和已结束）。本页只读，不能修改任何数据。',
    process: '流程',
    allProcesses: '全部流程',
    applicationNo: '申请编号',
    filingNo: '备案编号',
    orgName: '机构名称',
    uscc: '统一社会信用代码',
    recommender: '推荐部门',
    province: '所在省份',
    any: '不限',
    state: '状态/结果',
    running: '运行中',
    finished: '已结束',
    startedFrom: '开始日期自',
    startedTo: '开始日期至',
    search: '查询',
    reset: '清空条件',
    exportCsv: '导出 CSV',
    sortBy: '排序',
    sortStart: '开始时间',
    sortEnd: '结束时间',
    sortKey: '业务编号',
    descending: '降序',
    ascending: '升序',
    businessKey: '业务编号',
    started: '开始时间',
    ended: '结束时间',
    open: '查看',
    total: '共 {n} 条',
    page: '第 {page} / {pages} 页',
    previous: '上一页',
    next: '下一页',
    nothingFound: '没有符合条件的流程实例。',
    loading: '正在加载…',
    loadFailed: '加载失败：{message}',
    back: '返回查询',
    instanceTitle: '流程实例审计',
    outletTitle: '网点全生命周期',
    outletOf: '网点 {filingNo} 的全生命周期',
    outletLink: '查看该网点的全生命周期',
    diagram: '流程图（已执行的环节和连线已标出，数字为执行次数）',
    diagramUnavailable: '无法显示流程图，下表列出了已执行的环节。',
    timeline: '办理过程',
    activity: '环节',
    who: '办理人',
    when: '时间',
    startTime: '开始',
    endTime: '结束',
    decision: '决定和意见',
    variables: '变量及其变更历史',
    variable: '变量',
    value: '值',
    changedAt: '变更时间',
    revision: '版本',
    history: '变更历史',
    download: '下载',
    documents: '备案材料（盖章备案表扫描件、相关工作制度、归档备案表，含被替换的版本）',
    document: '材料',
    fileName: '文件',
    uploadedBy: '上传人',
    uploadedAt: '上传时间',
    route: '途径',
    inForce: '现行',
    superseded: '已被替换',
    formPdf: '下载备案表（按当前数据生成的 PDF）',
    missingDocuments: '尚缺：{names}',
    incidents: '事件（含已解决）',
    incidentType: '类型',
    message: '消息',
    resolved: '已解决',
    open_: '未解决',
    jobLog: '作业日志',
    job: '作业',
    jobEvent: '事件',
    operationLog: '用户操作日志',
    operation: '操作',
    property: '属性',
    from: '原值',
    to: '新值',
    user: '用户',
    comments: '意见和备注',
    comment: '内容',
    none: '无',
    status: '状态',
    outcome: '结果',
    runningSince: '运行中（自 {date}）',
    finishedAt: '已结束（{date}）',
    noOutlet: '没有备案编号为 {filingNo} 的网点。',
    registerStatus: '名录状态',
    instance: '流程实例',
    readOnly: '只读视图',
    csvFailed: '导出失败：{message}',
    tooMany: '最多导出 {max} 条，请缩小查询范围。',
    historyView: '历史',
    system: '系统',
    yes: '是',
    no: '否'
  },
  en: {
    menu: 'Audit search',
    searchTitle: 'Process audit search',
    searchHint: 'Searches every instance of the three processes, running and finished. Read-only: nothing can be changed here.',
    process: 'Process',
    allProcesses: 'All processes',
    applicationNo: 'Application number',
    filingNo: 'Filing number',
    orgName: 'Institution name',
    uscc: 'USCC',
    recommender: 'Recommender',
    province: 'Province',
    any: 'Any',
    state: 'Status / outcome',
    running: 'Running',
    finished: 'Finished',
    startedFrom: 'Started from',
    startedTo: 'Started until',
    search: 'Search',
    reset: 'Reset',
    exportCsv: 'Export CSV',
    sortBy: 'Sort',
    sortStart: 'Start time',
    sortEnd: 'End time',
    sortKey: 'Business key',
    descending: 'descending',
    ascending: 'ascending',
    businessKey: 'Business key',
    started: 'Started',
    ended: 'Ended',
    open: 'Open',
    total: '{n} in all',
    page: 'Page {page} of {pages}',
    previous: 'Previous',
    next: 'Next',
    nothingFound: 'No process instance matches.',
    loading: 'Loading…',
    loadFailed: 'Loading failed: {message}',
    back: 'Back to the search',
    instanceTitle: 'Process instance audit',
    outletTitle: 'Outlet across its life',
    outletOf: 'Outlet {filingNo} across its life',
    outletLink: 'Show this outlet across its life',
    diagram: 'Diagram (executed steps and flows highlighted, numbers are executions)',
    diagramUnavailable: 'The diagram cannot be shown; the table lists the executed steps.',
    timeline: 'Activity timeline',
    activity: 'Step',
    who: 'By',
    when: 'When',
    startTime: 'Start',
    endTime: 'End',
    decision: 'Decision and opinion',
    variables: 'Variables and their changes',
    variable: 'Variable',
    value: 'Value',
    changedAt: 'Changed at',
    revision: 'Revision',
    history: 'Changes',
    download: 'Download',
    documents: 'Filing documents (sealed filing form scan, work rules, archived filing form; replaced versions too)',
    document: 'Document',
    fileName: 'File',
    uploadedBy: 'Uploaded by',
    uploadedAt: 'Uploaded at',
    route: 'Route',
    inForce: 'in force',
    superseded: 'replaced',
    formPdf: 'Download the filing form (PDF from the current data)',
    missingDocuments: 'Missing: {names}',
    incidents: 'Incidents (resolved too)',
    incidentType: 'Type',
    message: 'Message',
    resolved: 'Resolved',
    open_: 'Open',
    jobLog: 'Job log',
    job: 'Job',
    jobEvent: 'Event',
    operationLog: 'User operation log',
    operation: 'Operation',
    property: 'Property',
    from: 'From',
    to: 'To',
    user: 'User',
    comments: 'Comments',
    comment: 'Text',
    none: 'None',
    status: 'Status',
    outcome: 'Outcome',
    runningSince: 'Running (since {date})',
    finishedAt: 'Finished ({date})',
    noOutlet: 'No outlet has the filing number {filingNo}.',
    registerStatus: 'Register status',
    instance: 'Process instance',
    readOnly: 'Read-only view',
    csvFailed: 'Export failed: {message}',
    tooMany: 'At most {max} rows are exported; narrow the search.',
    historyView: 'History',
    system: 'System',
    yes: 'yes',
    no: 'no'
  }
};

/** Outcomes and statuses as the README names them, in both languages. */
export const OUTCOMES = {
  zh: {
    FILED: '予以备案',
    INELIGIBLE: '不符合备案条件',
    NOT_RECOMMENDED: '推荐部门不予推荐',
    REJECTED: '国家知识产权局不予备案',
    WITHDRAWN: '逾期未补正，视为撤回',
    OBJECTION_UPHELD: '公示期异议成立，不予备案',
    EXPIRED: '已过期',
    REVOKED: '已撤销',
    CANCELLED: '已取消',
    RECTIFYING: '整改中'
  },
  en: {
    FILED: 'Filed',
    INELIGIBLE: 'Ineligible',
    NOT_RECOMMENDED: 'Not recommended',
    REJECTED: 'Rejected by CNIPA',
    WITHDRAWN: 'Withdrawn (no supplement in time)',
    OBJECTION_UPHELD: 'Objection upheld',
    EXPIRED: 'Expired',
    REVOKED: 'Revoked',
    CANCELLED: 'Cancelled',
    RECTIFYING: 'Rectifying'
  }
};

/** The register's status (Art. 8 register), as the public register page names it. */
export const REGISTER_STATUS = {
  zh: { FILED: '有效', RECTIFYING: '整改中', EXPIRED: '已过期', REVOKED: '已撤销', CANCELLED: '已取消' },
  en: { FILED: 'Valid', RECTIFYING: 'Rectifying', EXPIRED: 'Expired', REVOKED: 'Revoked', CANCELLED: 'Cancelled' }
};

export function registerStatusLabel(code) {
  return (code && REGISTER_STATUS[LANG][code]) || '';
}

/** Chinese names of the variables an auditor reads most (the others show their technical name). */
export const VARIABLES = {
  zh: {
    applicationNo: '申请编号', filingNo: '备案编号', orgName: '机构名称', uscc: '统一社会信用代码',
    orgCategory: '机构类别', province: '所在省份', recommenderId: '推荐部门', applicant: '申请人账号',
    outcome: '备案结果', lifecycleOutcome: '网点结果', recommendation: '推荐意见（决定）',
    recommenderOpinion: '推荐部门意见', filingDecision: '国家知识产权局决定', cnipaOpinion: '国家知识产权局意见',
    objection: '异议内容', objectionUpheld: '异议是否成立', objectionFinding: '异议核查结论',
    falseMaterials: '经查实提供虚假材料', validFrom: '有效期起', validUntil: '有效期至',
    publicityStarts: '公示开始', publicityEnds: '公示结束', supplementDeadline: '补正期限',
    eligible: '符合备案条件', ineligibilityReasons: '不符合的原因', documentsComplete: '备案材料是否齐全',
    summaryCompliant: '年度总结是否合格',
    reviewOpinion: '审核意见', rectificationReason: '整改原因', rectificationDeadline: '整改期限',
    rectified: '整改是否到位', verificationOpinion: '核查意见', renewalRecommended: '是否同意续期',
    renewalReviewOpinion: '推荐部门续期意见', renewalApproved: '是否批准续期',
    renewalApprovalOpinion: '国家知识产权局续期意见', renewalCount: '续期次数', changeAccepted: '是否接受变更',
    changeReviewOpinion: '变更审核意见', changeSummary: '变更内容', misconductType: '违规类型',
    designation: '认定类型', phone: '联系电话', email: '电子邮箱', address: '地址', headName: '负责人',
    contactName: '联系人', workRules: '工作制度', sealedForm: '盖章备案表', orgNature: '机构性质',
    independentLegalEntity: '独立法人', platformName: '服务平台名称', platformUrl: '服务平台网址',
    headTitle: '负责人职务', contactTitle: '联系人职务', staffTotal: '服务人员总数', staffFullTime: '专职人数',
    staffPartTime: '兼职人数', serviceTargets: '服务对象', serviceItems: '服务项目', ipCategories: '服务的知识产权类别',
    provincialOutlet: '已是省级网点', workFoundation: '工作基础', teamMembers: '团队人员', developmentPlan: '发展规划',
    typicalCases: '典型案例', declarationTruthful: '承诺材料真实', applicantHandler: '经办人', applicantHead: '单位负责人',
    applicantOpinion: '申请备案机构意见', applicantSignedOn: '申请机构签署日期', recommenderHead: '推荐部门负责人',
    recommenderHandler: '推荐部门经办人', recommenderSignedOn: '推荐部门签署日期', cnipaHead: '备案部门负责人',
    cnipaHandler: '备案部门经办人', cnipaSignedOn: '备案部门签署日期', falseMaterialsConfirmed: '是否确认提供虚假材料',
    falseMaterialsDecision: '虚假材料认定意见',
    publicityEndsAt: '公示期满时刻', outletUser: '网点账号', summaryYear: '总结年度', summaryDue: '总结截止日',
    annualSummary: '年度工作总结', rectificationOrderedOn: '责令整改日期', rectificationReport: '整改报告',
    renewalWindowOpens: '续期窗口开启', renewalBlockedReason: '不能续期的原因', supplementDeadlineAt: '补正期满时刻'
  },
  en: {}
};

/** Like Cockpit: the browser's first language when it is offered, Chinese otherwise (config.js fallbackLocale). */
/** Codes an auditor meets in decisions, the operation log and the job log, in words. */
export const CODES = {
  zh: {
    RECOMMEND: '推荐', RETURN: '退回补正', NOT_RECOMMEND: '不予推荐', APPROVE: '准予备案', REJECT: '不予备案',
    START: '随申请提交', SUPPLEMENT: '随补正提交', ATTACH: '补充上传', API: '接口上传', TASKLIST: '任务列表上传',
    ARCHIVE: '系统归档',
    UNIVERSITY: '高校', RESEARCH_INSTITUTE: '科研机构', STI_INSTITUTION: '科技情报机构',
    INDUSTRY_ORGANIZATION: '行业组织', PRODUCTIVITY_CENTER: '生产力促进机构', PUBLIC_LIBRARY: '公共图书馆',
    MUSEUM: '博物馆', SERVICE_INSTITUTION: '相关服务机构',
    Create: '创建', Claim: '认领', Complete: '完成', Assign: '指派', Delegate: '委托', Resolve: '解决',
    SetOwner: '设置所有者', SetPriority: '设置优先级', Update: '更新', Delete: '删除', Suspend: '挂起',
    Activate: '激活', Execute: '执行', SetJobRetries: '设置重试次数', SetDueDate: '设置到期日',
    RecalculateDueDate: '重新计算到期日', ModifyProcessInstance: '修改流程实例', Migrate: '迁移',
    CorrelateMessage: '关联消息', SetVariable: '设置变量', SetVariables: '设置变量', ModifyVariable: '修改变量',
    RemoveVariable: '删除变量', DeleteHistory: '删除历史', CreateIncident: '创建事件', SetAnnotation: '添加注释',
    AddComment: '添加意见', DeleteComment: '删除意见', UpdateComment: '更新意见',
    ProcessInstance: '流程实例', Task: '任务', Job: '作业', Variable: '变量', ProcessDefinition: '流程定义',
    Incident: '事件', IdentityLink: '候选人', Comment: '意见', Attachment: '附件',
    'async-continuation': '异步继续', 'timer-intermediate-transition': '定时器（中间事件）',
    'timer-transition': '定时器（边界事件）', 'timer-start-event': '定时器（开始事件）',
    'timer-start-event-subprocess': '定时器（事件子流程）', 'message-start-event': '消息开始事件',
    failedJob: '作业失败', failedExternalTask: '外部任务失败',
    created: '创建', failed: '失败', succeeded: '成功', deleted: '删除'
  },
  en: {}
};

function language() {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  const lang = String(first).toLowerCase().split('-')[0];
  return lang === 'en' ? 'en' : 'zh';
}

export const LANG = language();

export function t(key, params) {
  const text = (TEXTS[LANG] && TEXTS[LANG][key]) || TEXTS.zh[key] || key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (params && params[name] !== undefined ? params[name] : all));
}

export function outcome(code) {
  return (code && (OUTCOMES[LANG][code] || code)) || '';
}

export function codeLabel(code) {
  return (code && CODES[LANG] && CODES[LANG][code]) || code;
}

export function variableLabel(name) {
  return (VARIABLES[LANG] && VARIABLES[LANG][name]) || name;
}
