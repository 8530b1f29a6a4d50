/*
 * The reviewers' and applicants' views in Tasklist (README, "Tasklist for reviewers and applicants"), registered
 * by tasklist/scripts/config.js customScripts, on the plugin points Tasklist 7.24 has:
 * - tasklist.navbar.action: the header entries 已办 (everyone) and 我的申请 (outlets, i.e. applicants);
 * - tasklist.route: their pages #/done and #/my-applications (the webapps' generic plugin bridge registers a
 *   route for "<app>.route" plugins, Tasklist included);
 * - tasklist.task.detail: the tab 流程跟踪 beside 表单/历史/流程图 of a task.
 * The data comes from GET /api/me/… (views-api.js); nothing here writes.
 */

import { renderDone, renderMine, renderTrail, el, t } from './views-pages.js?v=1';
import { getMe } from './views-api.js?v=1';

const STYLE = `
.ipo-views { padding: 12px 20px 40px; overflow: auto; height: 100%; background: #fff; }
.ipo-views h2 { margin-top: 4px; }
.ipo-views-hint { color: #555; }
.ipo-views-table td, .ipo-views-table th { vertical-align: top; }
.ipo-views-facts dt { width: 100px; } .ipo-views-facts dd { margin-left: 120px; }
.ipo-views-pager { display: flex; gap: 8px; align-items: center; }
.ipo-views-trail { padding: 8px 12px 24px; height: auto; }
.ipo-trail-diagram .ipo-audit-canvas { height: 380px; border: 1px solid #ddd; background: #fff; }
.ipo-audit-done:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; fill: #e8f5e9 !important; }
.ipo-audit-running:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #1565c0 !important; fill: #e3f2fd !important; }
.ipo-audit-flow .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
.ipo-audit-count { background: #2e7d32; color: #fff; border-radius: 9px; padding: 0 6px; font-size: 12px; }
.ipo-audit-count.ipo-audit-loop { background: #e65100; }
.page-wrap > .ipo-views-route { height: 100%; overflow: auto; }
`;

function addStyle() {
  if (!document.getElementById('ipo-views-style')) {
    document.head.appendChild(el('style', { id: 'ipo-views-style', text: STYLE }));
  }
}

/** Who is logged in, asked once per page load: only outlets (applicants) get 我的申请. */
let me;
function whoAmI(api) {
  if (!me) {
    me = getMe(api, '').catch(() => null);
  }
  return me;
}

function navLink(node, href, cls, text) {
  const link = el('a', { href, class: cls, text });
  node.appendChild(link);
  return link;
}

function route(node, render, api) {
  addStyle();
  const host = el('div', { class: 'ipo-views-route' });
  node.appendChild(host);
  render(host, api);
}

export default [
  {
    id: 'ipo-views-done-nav',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: node => {
      navLink(node, '#/done', 'ipo-views-nav ipo-views-done-link', t('done'));
    }
  },
  {
    id: 'ipo-views-mine-nav',
    pluginPoint: 'tasklist.navbar.action',
    priority: 190,
    render: (node, { api }) => {
      whoAmI(api).then(user => {
        if (user && user.outlet) {
          navLink(node, '#/my-applications', 'ipo-views-nav ipo-views-mine-link', t('mine'));
        }
      });
    }
  },
  {
    id: 'ipo-views-done',
    pluginPoint: 'tasklist.route',
    properties: { path: '/done' },
    render: (node, { api }) => route(node, renderDone, api)
  },
  {
    id: 'ipo-views-mine',
    pluginPoint: 'tasklist.route',
    properties: { path: '/my-applications' },
    render: (node, { api }) => route(node, renderMine, api)
  },
  {
    id: 'ipo-views-trail',
    pluginPoint: 'tasklist.task.detail',
    priority: 50,
    properties: { label: t('trail') },
    render: (node, { api, taskId }) => {
      addStyle();
      renderTrail(node, api, taskId);
    }
  }
];
