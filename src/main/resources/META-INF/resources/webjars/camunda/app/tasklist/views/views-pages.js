/*
 * The three Tasklist views (README, "Tasklist for reviewers and applicants"), in Chinese:
 * - 已办 (#/done): the tasks the user completed, with the decision and opinion it recorded and where the filing
 *   stands now;
 * - 我的申请 (#/my-applications): the applicant's filing applications and outlets, each with its current step,
 *   the deadlines that concern it and every step done so far with the decisions and opinions;
 * - 流程跟踪 (a tab of the task): the path of the task's filing so far, on its diagram (steps done marked,
 *   with Cockpit's bundled bpmn-js viewer, as the auditors' plugin draws it) and the earlier opinions.
 * Read-only: no button or link here changes anything.
 */

import { getMe, HttpError } from './views-api.js?v=1';
import { DiagramView } from '../../cockpit/audit/audit-diagram.js?v=1';

export const TEXTS = {
  done: '已办',
  doneTitle: '已办任务',
  doneHint: '您已完成的任务，以及相关申请现在办到哪一步。',
  mine: '我的申请',
  mineTitle: '我的申请和网点',
  mineHint: '本单位提交的备案申请和已备案网点：当前环节、相关期限和已有的审核意见。',
  applications: '备案申请',
  outlets: '网点',
  trail: '流程跟踪',
  trailHint: '本申请到目前为止的办理过程：已完成的环节在流程图中以绿色标出，当前环节以蓝色标出。',
  completedAt: '完成时间',
  task: '任务',
  businessKey: '业务编号',
  orgName: '机构名称',
  decision: '决定',
  opinion: '意见',
  nowAt: '当前环节/状态',
  step: '环节',
  department: '办理部门',
  assignee: '办理人',
  startedAt: '开始时间',
  currentSteps: '当前环节',
  deadlines: '相关期限',
  steps: '办理记录',
  status: '状态',
  submittedAt: '提交时间',
  filingNo: '备案编号',
  validity: '有效期',
  due: '办理期限',
  none: '无',
  noneDone: '您还没有完成过任务。',
  noneMine: '您还没有提交过备案申请，也没有已备案的网点。',
  noSteps: '还没有已完成的环节。',
  loading: '正在加载…',
  loadFailed: '加载失败（{status}），请刷新页面或重新登录。',
  notYours: '该任务已办结或不由您办理，无法查看流程跟踪。',
  diagramUnavailable: '无法显示流程图，下表列出了已完成的环节。',
  total: '共 {n} 条',
  page: '第 {page} / {pages} 页',
  previous: '上一页',
  next: '下一页',
  waiting: '待{department}办理'
};

export function t(key, params) {
  const text = TEXTS[key] || key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (params && params[name] !== undefined ? params[name] : all));
}

/** A DOM element; text is set as text, never as HTML. */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'text') {
      node.textContent = String(value);
    }
    else if (name === 'class') {
      node.className = value;
    }
    else {
      node.setAttribute(name, String(value));
    }
  });
  (children || []).forEach(child => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function failure(error) {
  if (error instanceof HttpError && error.status === 404) {
    return t('notYours');
  }
  return t('loadFailed', { status: error instanceof HttpError ? 'HTTP ' + error.status : error.message });
}

function table(cls, headers, rows) {
  return el('table', { class: 'table table-condensed ipo-views-table ' + cls }, [
    el('thead', {}, [el('tr', {}, headers.map(h => el('th', { text: h })))]),
    el('tbody', {}, rows)
  ]);
}

function currentText(now) {
  if (!now) {
    return '';
  }
  if (!now.running || !now.currentSteps || !now.currentSteps.length) {
    return now.statusLabel || '';
  }
  return now.currentSteps.map(s => s.name + (s.department ? '（' + t('waiting', { department: s.department }) + '）' : ''))
    .join('；');
}

function stepsTable(steps, withAssignee) {
  if (!steps || !steps.length) {
    return el('p', { class: 'ipo-views-empty', text: t('noSteps') });
  }
  const headers = [t('step'), t('department')].concat(withAssignee ? [t('assignee')] : [])
    .concat([t('completedAt'), t('decision'), t('opinion')]);
  return table('ipo-views-steps', headers, steps.map(s => el('tr', { class: 'ipo-views-step', 'data-step': s.key }, [
    el('td', { text: s.name }),
    el('td', { text: s.department || '' })
  ].concat(withAssignee ? [el('td', { text: s.assignee || '' })] : []).concat([
    el('td', { text: dateTime(s.completedAt) }),
    el('td', { class: 'ipo-views-decision', text: s.decisionLabel || '' }),
    el('td', { class: 'ipo-views-opinion', text: s.opinion || '' })
  ]))));
}

function page(node, cls, title, hint) {
  node.innerHTML = '';
  const body = el('div', { class: 'ipo-views-body' }, [el('p', { class: 'ipo-views-status', text: t('loading') })]);
  node.appendChild(el('div', { class: 'ipo-views ' + cls }, [
    el('h2', { text: title }),
    el('p', { class: 'ipo-views-hint', text: hint }),
    body
  ]));
  return body;
}

// --- 已办 -----------------------------------------------------------------------------------------------

const DONE_PAGE = 20;

export function renderDone(node, api) {
  const body = page(node, 'ipo-views-done', t('doneTitle'), t('doneHint'));
  let first = 0;
  async function load() {
    try {
      const answer = await getMe(api, '/completed-tasks', { firstResult: first, maxResults: DONE_PAGE });
      body.innerHTML = '';
      if (!answer.items.length) {
        body.appendChild(el('p', { class: 'ipo-views-empty', text: t('noneDone') }));
        return;
      }
      body.appendChild(table('ipo-views-done-table',
        [t('completedAt'), t('task'), t('businessKey'), t('orgName'), t('decision'), t('opinion'), t('nowAt')],
        answer.items.map(item => el('tr', { class: 'ipo-done-task', 'data-task': item.taskId }, [
          el('td', { text: dateTime(item.completedAt) }),
          el('td', { text: item.taskName }),
          el('td', { text: item.now ? item.now.businessKey : '' }),
          el('td', { text: item.now ? item.now.orgName || '' : '' }),
          el('td', { class: 'ipo-views-decision', text: item.decisionLabel || '' }),
          el('td', { class: 'ipo-views-opinion', text: item.opinion || '' }),
          el('td', { class: 'ipo-views-now', text: currentText(item.now) })
        ]))));
      const pages = Math.max(1, Math.ceil(answer.total / DONE_PAGE));
      const previous = el('button', { type: 'button', class: 'btn btn-default btn-sm', text: t('previous') });
      const next = el('button', { type: 'button', class: 'btn btn-default btn-sm', text: t('next') });
      previous.disabled = first === 0;
      next.disabled = first + DONE_PAGE >= answer.total;
      previous.addEventListener('click', () => { first = Math.max(0, first - DONE_PAGE); load(); });
      next.addEventListener('click', () => { first += DONE_PAGE; load(); });
      body.appendChild(el('div', { class: 'ipo-views-pager' }, [
        el('span', { class: 'ipo-views-total', text: t('total', { n: answer.total }) + '，'
          + t('page', { page: Math.floor(first / DONE_PAGE) + 1, pages }) }), previous, next]));
    }
    catch (error) {
      body.textContent = failure(error);
    }
  }
  load();
}

// --- 我的申请 ---------------------------------------------------------------------------------------------

function facts(pairs) {
  return el('dl', { class: 'dl-horizontal ipo-views-facts' }, pairs.filter(p => p[1]).flatMap(p => [
    el('dt', { text: p[0] }), el('dd', { class: p[2] || '', text: p[1] })]));
}

function deadlinesText(deadlines) {
  return (deadlines || []).map(d => d.name + '：' + d.date).join('；');
}

function applicationCard(a) {
  return el('div', { class: 'panel panel-default ipo-mine-application', 'data-application': a.applicationNo }, [
    el('div', { class: 'panel-heading' }, [el('strong', { text: a.applicationNo + ' ' + (a.now.orgName || '') }),
      el('span', { class: 'ipo-views-label', text: ' ' + a.now.statusLabel })]),
    el('div', { class: 'panel-body' }, [
      facts([
        [t('submittedAt'), dateTime(a.submittedAt)],
        [t('currentSteps'), currentText(a.now), 'ipo-views-now'],
        [t('deadlines'), deadlinesText(a.deadlines), 'ipo-views-deadlines'],
        [t('filingNo'), a.filingNo]
      ]),
      el('h4', { text: t('steps') }),
      stepsTable(a.steps, false)
    ])
  ]);
}

function outletCard(o) {
  return el('div', { class: 'panel panel-default ipo-mine-outlet', 'data-outlet': o.filingNo }, [
    el('div', { class: 'panel-heading' }, [el('strong', { text: o.filingNo + ' ' + (o.now.orgName || '') }),
      el('span', { class: 'ipo-views-label', text: ' ' + o.now.statusLabel })]),
    el('div', { class: 'panel-body' }, [
      facts([
        [t('validity'), o.validFrom ? o.validFrom + ' ~ ' + o.validUntil : ''],
        [t('currentSteps'), o.now.running && o.now.currentSteps.length ? currentText(o.now) : '', 'ipo-views-now'],
        [t('deadlines'), deadlinesText(o.deadlines), 'ipo-views-deadlines']
      ]),
      el('h4', { text: t('steps') }),
      stepsTable(o.steps, false)
    ])
  ]);
}

export function renderMine(node, api) {
  const body = page(node, 'ipo-views-mine', t('mineTitle'), t('mineHint'));
  getMe(api, '/applications').then(answer => {
    body.innerHTML = '';
    if (!answer.applications.length && !answer.outlets.length) {
      body.appendChild(el('p', { class: 'ipo-views-empty', text: t('noneMine') }));
      return;
    }
    if (answer.outlets.length) {
      body.appendChild(el('h3', { text: t('outlets') }));
      answer.outlets.forEach(o => body.appendChild(outletCard(o)));
    }
    if (answer.applications.length) {
      body.appendChild(el('h3', { text: t('applications') }));
      answer.applications.forEach(a => body.appendChild(applicationCard(a)));
    }
  }).catch(error => { body.textContent = failure(error); });
}

// --- 流程跟踪 ---------------------------------------------------------------------------------------------

export function renderTrail(node, api, taskId) {
  node.innerHTML = '';
  const body = el('div', { class: 'ipo-views ipo-views-trail', 'data-task': taskId },
    [el('p', { class: 'ipo-views-status', text: t('loading') })]);
  node.appendChild(body);
  getMe(api, '/tasks/' + encodeURIComponent(taskId) + '/trail').then(async trail => {
    body.innerHTML = '';
    body.appendChild(el('p', { class: 'ipo-views-hint', text: t('trailHint') }));
    body.appendChild(facts([
      [t('businessKey'), trail.now.businessKey],
      [t('orgName'), trail.now.orgName],
      [t('currentSteps'), currentText(trail.now), 'ipo-views-now']
    ]));
    const canvas = el('div', { class: 'ipo-trail-diagram' });
    body.appendChild(canvas);
    body.appendChild(el('h4', { text: t('steps') }));
    body.appendChild(stepsTable(trail.steps, trail.steps.some(s => s.assignee)));
    try {
      await new DiagramView(canvas).show(trail.diagramXml, trail.activities);
    }
    catch (error) {
      canvas.appendChild(el('p', { class: 'ipo-views-empty', text: t('diagramUnavailable') }));
    }
  }).catch(error => { body.textContent = failure(error); });
}
