/*
 * The auditors' history views (README, "Auditors in Cockpit"): the search over all instances of the three
 * processes, one instance's full history, one outlet across its life. Plain DOM, no framework; every
 * engine call goes through EngineReader, which only reads.
 */

import { EngineReader, DocumentsReader, PAGE } from './audit-api.js?v=1';
import { t, outcome, variableLabel, codeLabel, registerStatusLabel, LANG } from './audit-i18n.js?v=1';
import { RECOMMENDERS, PROVINCES } from './audit-names.js?v=1';
import { DiagramView } from './audit-diagram.js?v=1';

export const PROCESSES = ['outlet-filing', 'outlet-lifecycle', 'annual-report'];

const FILING_OUTCOMES = ['FILED', 'INELIGIBLE', 'NOT_RECOMMENDED', 'REJECTED', 'WITHDRAWN', 'OBJECTION_UPHELD'];
const LIFECYCLE_OUTCOMES = ['EXPIRED', 'REVOKED', 'CANCELLED'];
const ROW_VARIABLES = ['applicationNo', 'filingNo', 'orgName', 'uscc', 'recommenderId', 'province', 'outcome',
  'lifecycleOutcome'];
const SEARCH_PAGE = 20;
const CSV_MAX = 5000;

/** The decision and opinion variables each reviewing step sets (its Camunda Form's own fields). */
const DECISIONS_BY_TASK = {
  preliminaryReview: ['recommendation', 'falseMaterials', 'recommenderOpinion', 'recommenderHead'],
  cnipaReview: ['filingDecision', 'falseMaterials', 'cnipaOpinion', 'cnipaHead'],
  handleObjection: ['objectionUpheld', 'falseMaterials', 'objectionFinding', 'cnipaHead'],
  confirmFalseMaterials: ['falseMaterialsConfirmed', 'falseMaterialsDecision', 'cnipaHead'],
  reviewAnnualSummary: ['summaryCompliant', 'reviewOpinion'],
  verifyRectification: ['rectified', 'verificationOpinion'],
  reviewRenewal: ['renewalRecommended', 'renewalReviewOpinion'],
  approveRenewal: ['renewalApproved', 'renewalApprovalOpinion'],
  reviewChangeReport: ['changeAccepted', 'changeReviewOpinion']
};

/** How the register's status changes when these steps end (README, the processes). */
const STATUS_AFTER = {
  Task_Registration: 'FILED',
  Task_InitLifecycle: 'FILED',
  Task_StartRectification: 'RECTIFYING',
  Task_CompleteRectification: 'FILED',
  Task_ExpireOutlet: 'EXPIRED',
  Task_RevokeAfterRectification: 'REVOKED',
  Task_RevokeForMisconduct: 'REVOKED',
  Task_CancelForDesignation: 'CANCELLED'
};

const GATEWAYS = ['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway'];

// --- small DOM helpers -----------------------------------------------------------------------------

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    }
    else if (key === 'text') {
      node.textContent = value;
    }
    else {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

function table(cls, headers, rows) {
  if (!rows.length) {
    return el('p', { class: 'ipo-audit-empty', text: t('none') });
  }
  return el('table', { class: 'table table-condensed ipo-audit-table ' + cls },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { text: h })))),
    el('tbody', {}, rows));
}

function section(id, title, body) {
  return el('section', { class: 'ipo-audit-section', id: 'ipo-audit-' + id },
    el('h3', { text: title }), body);
}

export function formatDate(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (isNaN(date.getTime())) {
    return String(value);
  }
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit', hour12: false
  }).formatToParts(date).reduce((all, part) => Object.assign(all, { [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function recommenderName(id) {
  return id ? (LANG === 'zh' && RECOMMENDERS[id]) || id : '';
}

function provinceName(code) {
  return code ? (LANG === 'zh' && PROVINCES[code]) || code : '';
}

/** A variable's value as text: booleans in words, codes with their names, JSON as it is. */
function valueText(name, value, type) {
  if (type === 'File') {
    return '';
  }
  if (value === null || value === undefined) {
    return t('none');
  }
  if (typeof value === 'boolean' || type === 'Boolean') {
    return value === true || value === 'true' ? t('yes') : t('no');
  }
  if (name === 'recommenderId') {
    return recommenderName(value);
  }
  if (name === 'province') {
    return provinceName(value);
  }
  if (name === 'outcome' || name === 'lifecycleOutcome') {
    return outcome(value);
  }
  if (typeof value === 'string' && codeLabel(value) !== value) {
    return codeLabel(value);
  }
  if ((type === 'Date') && value) {
    return formatDate(value);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function processName(definitions, definitionKey) {
  const definition = definitions[definitionKey];
  return (definition && definition.name) || definitionKey;
}

function failure(error) {
  return el('div', { class: 'alert alert-danger ipo-audit-error', text: t('loadFailed', { message: error.message }) });
}

async function definitionsByKey(reader) {
  const list = await reader.get('/process-definition', { keysIn: PROCESSES.join(','), latestVersion: true });
  return list.reduce((all, d) => Object.assign(all, { [d.key]: d }), {});
}

/** Values of a few variables for many instances, in one bounded request per page. */
async function rowVariables(reader, instanceIds) {
  const values = {};
  if (!instanceIds.length) {
    return values;
  }
  const rows = await reader.all('/history/variable-instance', {
    processInstanceIdIn: instanceIds.join(','), variableNameIn: ROW_VARIABLES.join(','), deserializeValues: false
  });
  rows.forEach(v => {
    values[v.processInstanceId] = values[v.processInstanceId] || {};
    values[v.processInstanceId][v.name] = v.value;
  });
  return values;
}

export function instanceLink(id) {
  return '#/process-instance/' + encodeURIComponent(id) + '/history';
}

export function outletLink(filingNo) {
  return '#/audit-outlet?filingNo=' + encodeURIComponent(filingNo);
}

export function hashParams() {
  const hash = window.location.hash || '';
  const index = hash.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : hash.substring(index + 1));
}

// --- the search --------------------------------------------------------------------------------------

/** The JSON body of POST /history/process-instance for the search form's criteria. */
export function searchQuery(criteria) {
  const body = { processDefinitionKeyIn: criteria.process ? [criteria.process] : PROCESSES.slice(), variables: [] };
  const like = value => '%' + value.replace(/[%_\\]/g, c => '\\' + c) + '%';
  if (criteria.applicationNo) {
    body.variables.push({ name: 'applicationNo', operator: 'like', value: like(criteria.applicationNo) });
  }
  if (criteria.filingNo) {
    body.variables.push({ name: 'filingNo', operator: 'like', value: like(criteria.filingNo) });
  }
  if (criteria.orgName) {
    body.variables.push({ name: 'orgName', operator: 'like', value: like(criteria.orgName) });
  }
  if (criteria.uscc) {
    body.variables.push({ name: 'uscc', operator: 'eq', value: criteria.uscc.toUpperCase() });
  }
  if (criteria.recommenderId) {
    body.variables.push({ name: 'recommenderId', operator: 'eq', value: criteria.recommenderId });
  }
  if (criteria.province) {
    body.variables.push({ name: 'province', operator: 'eq', value: criteria.province });
  }
  if (criteria.state === 'running') {
    body.unfinished = true;
  }
  else if (criteria.state === 'finished') {
    body.finished = true;
  }
  else if (FILING_OUTCOMES.includes(criteria.state)) {
    body.variables.push({ name: 'outcome', operator: 'eq', value: criteria.state });
  }
  else if (LIFECYCLE_OUTCOMES.includes(criteria.state)) {
    body.variables.push({ name: 'lifecycleOutcome', operator: 'eq', value: criteria.state });
  }
  if (criteria.from) {
    body.startedAfter = criteria.from + 'T00:00:00.000+0800';
  }
  if (criteria.to) {
    const end = new Date(criteria.to + 'T00:00:00+08:00');
    end.setUTCDate(end.getUTCDate() + 1);
    body.startedBefore = new Date(end.getTime() + 8 * 3600000).toISOString().substring(0, 10) + 'T00:00:00.000+0800';
  }
  body.sorting = [{ sortBy: criteria.sortBy || 'startTime', sortOrder: criteria.sortOrder || 'desc' }];
  if (!body.variables.length) {
    delete body.variables;
  }
  return body;
}

function rowOf(instance, vars, definitions) {
  const v = vars[instance.id] || {};
  const state = instance.endTime
    ? outcome(v.outcome || v.lifecycleOutcome) || t('finished')
    : (instance.state === 'SUSPENDED' ? instance.state : t('running'));
  return {
    id: instance.id,
    process: processName(definitions, instance.processDefinitionKey),
    businessKey: instance.businessKey || '',
    applicationNo: v.applicationNo || '',
    filingNo: v.filingNo || (instance.processDefinitionKey === 'outlet-lifecycle' ? instance.businessKey : '') || '',
    orgName: v.orgName || '',
    uscc: v.uscc || '',
    recommender: recommenderName(v.recommenderId),
    province: provinceName(v.province),
    state,
    started: formatDate(instance.startTime),
    ended: formatDate(instance.endTime)
  };
}

const CSV_COLUMNS = ['process', 'businessKey', 'applicationNo', 'filingNo', 'orgName', 'uscc', 'recommender',
  'province', 'state', 'started', 'ended', 'id'];

/** CSV as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, CRLF, every field quoted. */
export function toCsv(rows) {
  const header = CSV_COLUMNS.map(c => c === 'id' ? t('instance') + ' ID' : t(c === 'state' ? 'state' : c));
  const quote = value => '"' + String(value === undefined || value === null ? '' : value).replace(/"/g, '""') + '"';
  const lines = [header.map(quote).join(',')].concat(rows.map(r => CSV_COLUMNS.map(c => quote(r[c])).join(',')));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function renderSearch(node, api) {
  const reader = new EngineReader(api);
  const params = hashParams();
  const criteria = {
    process: params.get('process') || '', applicationNo: params.get('applicationNo') || '',
    filingNo: params.get('filingNo') || '', orgName: params.get('orgName') || '', uscc: params.get('uscc') || '',
    recommenderId: params.get('recommenderId') || '', province: params.get('province') || '',
    state: params.get('state') || '', from: params.get('from') || '', to: params.get('to') || '',
    sortBy: params.get('sortBy') || 'startTime', sortOrder: params.get('sortOrder') || 'desc'
  };
  let page = 0;
  let definitions = {};

  const input = (key, label, type) => el('label', { class: 'ipo-audit-field' }, el('span', { text: label }),
    el('input', { class: 'form-control', type: type || 'text', name: key, value: criteria[key],
      onchange: e => { criteria[key] = e.target.value.trim(); } }));
  const select = (key, label, options) => el('label', { class: 'ipo-audit-field' }, el('span', { text: label }),
    el('select', { class: 'form-control', name: key, onchange: e => { criteria[key] = e.target.value; } },
      options.map(([value, text]) => el('option', { value, selected: criteria[key] === value, text }))));

  const results = el('div', { class: 'ipo-audit-results' });
  const status = el('div', { class: 'ipo-audit-status', role: 'status' });
  const form = el('form', { class: 'ipo-audit-form', onsubmit: e => { e.preventDefault(); page = 0; load(); } },
    select('process', t('process'), [['', t('allProcesses')]].concat(PROCESSES.map(k => [k, k]))),
    input('applicationNo', t('applicationNo')),
    input('filingNo', t('filingNo')),
    input('orgName', t('orgName')),
    input('uscc', t('uscc')),
    select('recommenderId', t('recommender'), [['', t('any')]].concat(Object.keys(RECOMMENDERS)
      .map(id => [id, recommenderName(id)]))),
    select('province', t('province'), [['', t('any')]].concat(Object.keys(PROVINCES).map(c => [c, provinceName(c)]))),
    select('state', t('state'), [['', t('any')], ['running', t('running')], ['finished', t('finished')]]
      .concat(FILING_OUTCOMES.concat(LIFECYCLE_OUTCOMES).map(c => [c, outcome(c)]))),
    input('from', t('startedFrom'), 'date'),
    input('to', t('startedTo'), 'date'),
    select('sortBy', t('sortBy'), [['startTime', t('sortStart')], ['endTime', t('sortEnd')], ['businessKey', t('sortKey')]]),
    select('sortOrder', ' ', [['desc', t('descending')], ['asc', t('ascending')]]),
    el('div', { class: 'ipo-audit-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary ipo-audit-search', text: t('search') }),
      el('button', { type: 'button', class: 'btn btn-default ipo-audit-export', text: t('exportCsv'),
        onclick: () => exportCsv() })));

  node.appendChild(el('div', { class: 'ipo-audit' },
    el('h2', { text: t('searchTitle') }),
    el('p', { class: 'ipo-audit-hint', text: t('searchHint') }),
    form, status, results));

  let latest = 0;

  /** Runs the search; only the latest of overlapping searches shows its result. */
  async function load() {
    const mine = ++latest;
    status.textContent = t('loading');
    results.innerHTML = '';
    try {
      if (!Object.keys(definitions).length) {
        definitions = await definitionsByKey(reader);
        form.querySelectorAll('select[name=process] option').forEach(o => {
          if (o.value) {
            o.textContent = processName(definitions, o.value);
          }
        });
      }
      const body = searchQuery(criteria);
      const [count, instances] = await Promise.all([
        reader.query('/history/process-instance/count', body),
        reader.query('/history/process-instance', body, { firstResult: page * SEARCH_PAGE, maxResults: SEARCH_PAGE })
      ]);
      const vars = await rowVariables(reader, instances.map(i => i.id));
      if (mine !== latest) {
        return;
      }
      results.innerHTML = '';
      const rows = instances.map(i => rowOf(i, vars, definitions));
      const pages = Math.max(1, Math.ceil(count.count / SEARCH_PAGE));
      status.textContent = t('total', { n: count.count });
      if (!rows.length) {
        results.appendChild(el('p', { class: 'ipo-audit-empty', text: t('nothingFound') }));
        return;
      }
      results.appendChild(table('ipo-audit-hits',
        [t('process'), t('businessKey'), t('orgName'), t('uscc'), t('recommender'), t('state'), t('started'),
          t('ended'), ''],
        rows.map(r => el('tr', { class: 'ipo-audit-hit', 'data-instance': r.id },
          el('td', { text: r.process }), el('td', { class: 'ipo-audit-key', text: r.businessKey }),
          el('td', { text: r.orgName }), el('td', { text: r.uscc }), el('td', { text: r.recommender }),
          el('td', { class: 'ipo-audit-state', text: r.state }), el('td', { text: r.started }),
          el('td', { text: r.ended }),
          el('td', {}, el('a', { href: instanceLink(r.id), class: 'ipo-audit-open', text: t('open') }))))));
      results.appendChild(el('div', { class: 'ipo-audit-pager' },
        el('button', { type: 'button', class: 'btn btn-default btn-sm', disabled: page === 0, text: t('previous'),
          onclick: () => { page--; load(); } }),
        el('span', { text: ' ' + t('page', { page: page + 1, pages }) + ' ' }),
        el('button', { type: 'button', class: 'btn btn-default btn-sm', disabled: page + 1 >= pages, text: t('next'),
          onclick: () => { page++; load(); } })));
    }
    catch (error) {
      if (mine === latest) {
        status.textContent = '';
        results.appendChild(failure(error));
      }
    }
  }

  async function exportCsv() {
    try {
      const body = searchQuery(criteria);
      const count = (await reader.query('/history/process-instance/count', body)).count;
      if (count > CSV_MAX) {
        status.textContent = t('tooMany', { max: CSV_MAX });
        return;
      }
      if (!Object.keys(definitions).length) {
        definitions = await definitionsByKey(reader);
      }
      const rows = [];
      for (let first = 0; first < count; first += PAGE) {
        const instances = await reader.query('/history/process-instance', body, { firstResult: first, maxResults: PAGE });
        const vars = await rowVariables(reader, instances.map(i => i.id));
        rows.push(...instances.map(i => rowOf(i, vars, definitions)));
        if (instances.length < PAGE) {
          break;
        }
      }
      const blob = new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
      const link = el('a', { href: URL.createObjectURL(blob), download: 'audit-' + new Date().toISOString()
        .substring(0, 10) + '.csv', class: 'ipo-audit-download' });
      document.body.appendChild(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
    }
    catch (error) {
      status.textContent = t('csvFailed', { message: error.message });
    }
  }

  load();
}

// --- one instance --------------------------------------------------------------------------------------

/** Variable updates grouped by name, oldest first. */
function changesByName(details) {
  const byName = {};
  details.filter(d => d.type === 'variableUpdate').forEach(d => {
    (byName[d.variableName] = byName[d.variableName] || []).push(d);
  });
  return byName;
}

/**
 * The decisions and opinions a step recorded: the last non-empty update of each of its decision variables made
 * while it ran (its start up to its end; decision variables are cleared when a task opens, README).
 */
function decisionsOf(activity, updates) {
  const names = DECISIONS_BY_TASK[activity.activityId];
  if (activity.activityType !== 'userTask' || !activity.endTime || !names) {
    return [];
  }
  const start = Date.parse(activity.startTime);
  const end = Date.parse(activity.endTime);
  const seen = {};
  updates.filter(d => names.includes(d.variableName) && d.value !== null && d.value !== ''
    && Date.parse(d.time) >= start && Date.parse(d.time) <= end).forEach(d => { seen[d.variableName] = d; });
  return names.filter(n => seen[n]).map(n => seen[n]);
}

export async function instanceData(reader, id) {
  const instance = await reader.get('/history/process-instance/' + encodeURIComponent(id));
  const by = { processInstanceId: id };
  const [activities, details, incidents, jobs, operations, tasks, variables] = await Promise.all([
    reader.all('/history/activity-instance', Object.assign({ sortBy: 'startTime', sortOrder: 'asc' }, by)),
    reader.all('/history/detail', Object.assign({ sortBy: 'time', sortOrder: 'asc', deserializeValues: false }, by)),
    reader.all('/history/incident', by),
    reader.all('/history/job-log', Object.assign({ sortBy: 'timestamp', sortOrder: 'asc' }, by)),
    reader.all('/history/user-operation', Object.assign({ sortBy: 'timestamp', sortOrder: 'asc' }, by)),
    reader.all('/history/task', by),
    reader.all('/history/variable-instance', Object.assign({ deserializeValues: false }, by))
  ]);
  const comments = (await Promise.all(tasks.map(task => reader.get('/task/' + encodeURIComponent(task.id) + '/comment')
    .then(list => list.map(c => Object.assign({ taskName: task.name }, c)))
    .catch(() => [])))).flat().sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return { instance, activities, details, incidents, jobs, operations, tasks, variables, comments };
}

/** The assignee of a user task, the starter for the instance's first event, the system for the rest. */
function whoDid(activity, data) {
  if (activity.activityType === 'userTask') {
    return activity.assignee || '';
  }
  if (activity.activityType === 'startEvent' && !activity.parentActivityInstanceId.includes(':')
      && data.instance.startUserId) {
    return data.instance.startUserId;
  }
  return t('system');
}

function timelineRows(data) {
  const updates = data.details.filter(d => d.type === 'variableUpdate');
  return data.activities
    .filter(a => !(GATEWAYS.includes(a.activityType) || a.activityType === 'sequenceFlow'))
    .filter(a => a.activityName || a.activityType === 'userTask')
    .map(a => {
      const who = whoDid(a, data);
      const decisions = decisionsOf(a, updates);
      return el('tr', { class: 'ipo-audit-step', 'data-activity': a.activityId },
        el('td', { text: a.activityName || a.activityId }),
        el('td', { class: 'ipo-audit-who', text: who }),
        el('td', { text: formatDate(a.startTime) }),
        el('td', { text: a.canceled ? formatDate(a.endTime) + '（' + t('none') + '）' : formatDate(a.endTime) }),
        el('td', { class: 'ipo-audit-decision' }, decisions.map(d => el('div', {},
          el('strong', { text: variableLabel(d.variableName) + '：' }),
          valueText(d.variableName, d.value, d.variableType)))));
    });
}

function variableRows(data, reader) {
  const byName = changesByName(data.details);
  const current = data.variables.reduce((all, v) => Object.assign(all, { [v.name + '@' + v.activityInstanceId]: v }), {});
  return Object.keys(byName).sort().map(name => {
    const changes = byName[name];
    const last = changes[changes.length - 1];
    const file = last.variableType === 'File';
    const stored = current[name + '@' + last.activityInstanceId];
    const lastValue = file
      ? (stored ? el('a', { href: reader.fileUrl(stored.id), class: 'ipo-audit-file',
        text: t('download') + ' ' + ((stored.valueInfo && stored.valueInfo.filename) || '') }) : '')
      : valueText(name, last.value, last.variableType);
    return el('tr', { class: 'ipo-audit-variable', 'data-variable': name },
      el('td', {}, el('strong', { text: variableLabel(name) }), el('div', { class: 'text-muted', text: name })),
      el('td', { class: 'ipo-audit-last' }, lastValue),
      el('td', {}, el('details', { class: 'ipo-audit-changes' },
        el('summary', { text: t('history') + '（' + changes.length + '）' }),
        el('ol', {}, changes.map(c => el('li', { class: 'ipo-audit-change' },
          el('span', { class: 'ipo-audit-change-time', text: formatDate(c.time) }), ' ',
          el('span', { class: 'ipo-audit-change-value', text: file ? c.variableType : valueText(name, c.value, c.variableType) }),
          c.revision !== undefined ? el('span', { class: 'text-muted', text: ' #' + c.revision }) : null))))));
  });
}

/** The filing's documents from the documents store, each a download; every version, the one in force marked. */
function documentsSection(api, applicationNo) {
  const body = el('div', { class: 'ipo-audit-documents', 'data-application-no': applicationNo }, el('p', { text: t('loading') }));
  const documents = new DocumentsReader(api);
  documents.application(applicationNo).then(application => {
    body.textContent = '';
    body.appendChild(el('p', {}, el('a', { href: documents.url(application.formPdf), class: 'ipo-audit-form-pdf', text: t('formPdf') })));
    body.appendChild(table('ipo-audit-document-list', [t('document'), t('fileName'), t('uploadedBy'), t('uploadedAt'), t('route')],
      application.documents.map(d => el('tr', { class: 'ipo-audit-document', 'data-field': d.field, 'data-current': d.current ? 'true' : 'false' },
        el('td', { text: d.label + '（' + (d.current ? t('inForce') : t('superseded')) + '）' }),
        el('td', {}, el('a', { href: documents.url(d.href), class: 'ipo-audit-document-link', text: d.fileName })),
        el('td', { text: d.uploadedBy || '' }), el('td', { text: formatDate(d.uploadedAt) }),
        el('td', { text: codeLabel(d.route || '') })))));
    if (application.missing.length) {
      const names = application.missing.map(f => ((application.kinds || []).find(k => k.field === f) || { label: f }).label);
      body.appendChild(el('p', { class: 'text-warning ipo-audit-missing', text: t('missingDocuments', { names: names.join('、') }) }));
    }
  }).catch(error => {
    body.textContent = '';
    body.appendChild(failure(error));
  });
  return section('documents', t('documents'), body);
}

function incidentRows(data) {
  return data.incidents.map(i => el('tr', { class: 'ipo-audit-incident' },
    el('td', { text: codeLabel(i.incidentType) }), el('td', { text: i.activityId || '' }),
    el('td', { text: i.incidentMessage || '' }), el('td', { text: formatDate(i.createTime) }),
    el('td', { text: i.open ? t('open_') : t('resolved') + ' ' + formatDate(i.endTime) })));
}

function jobRows(data) {
  const event = j => j.creationLog ? 'created' : j.failureLog ? 'failed' : j.successLog ? 'succeeded' : j.deletionLog ? 'deleted' : '';
  return data.jobs.map(j => el('tr', { class: 'ipo-audit-job' },
    el('td', { text: formatDate(j.timestamp) }), el('td', { text: j.activityId || '' }),
    el('td', { text: codeLabel(j.jobDefinitionType || '') }), el('td', { text: codeLabel(event(j)) }),
    el('td', { text: j.jobExceptionMessage || '' })));
}

function operationRows(data) {
  return data.operations.map(o => el('tr', { class: 'ipo-audit-operation' },
    el('td', { text: formatDate(o.timestamp) }), el('td', { class: 'ipo-audit-op-user', text: o.userId || '' }),
    el('td', { class: 'ipo-audit-op-type', text: codeLabel(o.operationType) + ' ' + codeLabel(o.entityType || '') }),
    el('td', { text: o.property || '' }), el('td', { text: o.orgValue || '' }), el('td', { text: o.newValue || '' }),
    el('td', { text: o.annotation || '' })));
}

function commentRows(data) {
  return data.comments.map(c => el('tr', { class: 'ipo-audit-comment' },
    el('td', { text: formatDate(c.time) }), el('td', { text: c.userId || '' }), el('td', { text: c.taskName || '' }),
    el('td', { text: c.message || '' })));
}

export function renderInstance(node, api, id) {
  const reader = new EngineReader(api);
  const root = el('div', { class: 'ipo-audit ipo-audit-instance' },
    el('p', {}, el('a', { href: '#/audit', class: 'ipo-audit-back', text: '← ' + t('back') })),
    el('h2', { text: t('instanceTitle') }),
    el('p', { class: 'ipo-audit-status', text: t('loading') }));
  node.appendChild(root);
  const status = root.querySelector('.ipo-audit-status');

  (async () => {
    let data;
    try {
      data = await instanceData(reader, id);
    }
    catch (error) {
      status.replaceWith(failure(error));
      return;
    }
    const definitions = await definitionsByKey(reader).catch(() => ({}));
    const vars = data.variables.reduce((all, v) => Object.assign(all, { [v.name]: v.value }), {});
    const i = data.instance;
    const filingNo = vars.filingNo || (i.processDefinitionKey === 'outlet-lifecycle' ? i.businessKey : null);
    status.replaceWith(el('dl', { class: 'dl-horizontal ipo-audit-summary' },
      el('dt', { text: t('process') }), el('dd', { text: processName(definitions, i.processDefinitionKey) }),
      el('dt', { text: t('businessKey') }), el('dd', { class: 'ipo-audit-key', text: i.businessKey || '' }),
      el('dt', { text: t('orgName') }), el('dd', { text: vars.orgName || '' }),
      el('dt', { text: t('uscc') }), el('dd', { text: vars.uscc || '' }),
      el('dt', { text: t('recommender') }), el('dd', { text: recommenderName(vars.recommenderId) }),
      el('dt', { text: t('status') }), el('dd', { class: 'ipo-audit-state', text: i.endTime
        ? t('finishedAt', { date: formatDate(i.endTime) }) + ' ' + outcome(vars.outcome || vars.lifecycleOutcome)
        : t('runningSince', { date: formatDate(i.startTime) }) }),
      el('dt', { text: t('filingNo') }), el('dd', {}, filingNo
        ? el('a', { href: outletLink(filingNo), class: 'ipo-audit-outlet-link', text: filingNo + ' — ' + t('outletLink') })
        : t('none'))));

    const diagramHost = el('div', { class: 'ipo-audit-diagram' });
    root.appendChild(section('diagram', t('diagram'), diagramHost));
    root.appendChild(section('timeline', t('timeline'), table('ipo-audit-steps',
      [t('activity'), t('who'), t('startTime'), t('endTime'), t('decision')], timelineRows(data))));
    if (i.processDefinitionKey === 'outlet-filing' && i.businessKey) {
      root.appendChild(documentsSection(api, i.businessKey));
    }
    root.appendChild(section('variables', t('variables'), table('ipo-audit-variables',
      [t('variable'), t('value'), t('history')], variableRows(data, reader))));
    root.appendChild(section('incidents', t('incidents'), table('ipo-audit-incidents',
      [t('incidentType'), t('activity'), t('message'), t('startTime'), t('status')], incidentRows(data))));
    root.appendChild(section('jobs', t('jobLog'), table('ipo-audit-jobs',
      [t('when'), t('activity'), t('job'), t('jobEvent'), t('message')], jobRows(data))));
    root.appendChild(section('operations', t('operationLog'), table('ipo-audit-operations',
      [t('when'), t('user'), t('operation'), t('property'), t('from'), t('to'), t('comment')], operationRows(data))));
    root.appendChild(section('comments', t('comments'), table('ipo-audit-comments',
      [t('when'), t('user'), t('activity'), t('comment')], commentRows(data))));

    try {
      const xml = (await reader.get('/process-definition/' + encodeURIComponent(i.processDefinitionId) + '/xml')).bpmn20Xml;
      await new DiagramView(diagramHost).show(xml, data.activities);
    }
    catch (error) {
      diagramHost.appendChild(el('p', { class: 'text-muted', text: t('diagramUnavailable') + ' (' + error.message + ')' }));
    }
  })();
}

// --- one outlet across its life ------------------------------------------------------------------------

export function renderOutlet(node, api) {
  const reader = new EngineReader(api);
  const filingNo = hashParams().get('filingNo') || '';
  const root = el('div', { class: 'ipo-audit ipo-audit-outlet' },
    el('p', {}, el('a', { href: '#/audit', class: 'ipo-audit-back', text: '← ' + t('back') })),
    el('h2', { text: t('outletOf', { filingNo }) }),
    el('p', { class: 'ipo-audit-status', text: t('loading') }));
  node.appendChild(root);
  const status = root.querySelector('.ipo-audit-status');

  (async () => {
    try {
      const definitions = await definitionsByKey(reader);
      const [filings, lifecycles] = await Promise.all([
        reader.query('/history/process-instance', { processDefinitionKey: 'outlet-filing',
          variables: [{ name: 'filingNo', operator: 'eq', value: filingNo }] }, { firstResult: 0, maxResults: 10 }),
        reader.query('/history/process-instance', { processDefinitionKey: 'outlet-lifecycle',
          processInstanceBusinessKey: filingNo }, { firstResult: 0, maxResults: 10 })
      ]);
      const instances = filings.concat(lifecycles);
      if (!instances.length) {
        status.replaceWith(el('p', { class: 'ipo-audit-empty', text: t('noOutlet', { filingNo }) }));
        return;
      }
      const all = await Promise.all(instances.map(i => instanceData(reader, i.id)));
      const events = [];
      all.sort((a, b) => Date.parse(a.instance.startTime) - Date.parse(b.instance.startTime));
      all.forEach((data, instanceIndex) => {
        const updates = data.details.filter(d => d.type === 'variableUpdate');
        data.activities.filter(a => !GATEWAYS.includes(a.activityType) && (a.activityName || a.activityType === 'userTask'))
          .forEach((a, index) => events.push({ data, activity: a, decisions: decisionsOf(a, updates),
            seq: instanceIndex * 100000 + index }));
      });
      // In time order; steps at the same instant keep their instance's order (the filing before its lifecycle).
      events.sort((a, b) => Date.parse(a.activity.startTime) - Date.parse(b.activity.startTime) || a.seq - b.seq);
      // The register's status at a step: set by the step itself, or by the last status-changing step that had
      // ended when it started.
      const statusSteps = events.filter(e => e.activity.endTime && STATUS_AFTER[e.activity.activityId]);
      const statusAt = e => {
        const a = e.activity;
        if (a.endTime && STATUS_AFTER[a.activityId]) {
          return STATUS_AFTER[a.activityId];
        }
        const before = statusSteps.filter(s => s !== e && Date.parse(s.activity.endTime) <= Date.parse(a.startTime)
          && (Date.parse(s.activity.endTime) < Date.parse(a.startTime) || s.seq < e.seq || s.data !== e.data));
        return before.length ? STATUS_AFTER[before[before.length - 1].activity.activityId] : '';
      };
      const rows = events.map(e => {
        const a = e.activity;
        return el('tr', { class: 'ipo-audit-life-step', 'data-activity': a.activityId },
          el('td', { text: formatDate(a.startTime) }),
          el('td', {}, el('a', { href: instanceLink(e.data.instance.id),
            text: processName(definitions, e.data.instance.processDefinitionKey) })),
          el('td', { text: a.activityName || a.activityId }),
          el('td', { text: whoDid(a, e.data) }),
          el('td', { text: formatDate(a.endTime) }),
          el('td', { class: 'ipo-audit-decision' }, e.decisions.map(d => el('div', {},
            el('strong', { text: variableLabel(d.variableName) + '：' }), valueText(d.variableName, d.value, d.variableType)))),
          el('td', { class: 'ipo-audit-register-status', text: registerStatusLabel(statusAt(e)) }));
      });
      status.replaceWith(el('ul', { class: 'ipo-audit-instances' }, instances.map(i => el('li', {},
        el('a', { href: instanceLink(i.id), text: processName(definitions, i.processDefinitionKey) + ' ' + (i.businessKey || '') }),
        ' ' + (i.endTime ? t('finishedAt', { date: formatDate(i.endTime) }) : t('runningSince', { date: formatDate(i.startTime) }))))));
      root.appendChild(section('life', t('outletTitle'), table('ipo-audit-life',
        [t('when'), t('process'), t('activity'), t('who'), t('endTime'), t('decision'), t('registerStatus')], rows)));
    }
    catch (error) {
      status.replaceWith(failure(error));
    }
  })();
}
