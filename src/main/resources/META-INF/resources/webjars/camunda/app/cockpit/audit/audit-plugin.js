/*
 * The auditors' history in Cockpit Community Edition (README, "Auditors in Cockpit"), registered by
 * cockpit/scripts/config.js customScripts:
 * - a menu entry 审计查询 and its page #/audit: search over every instance of the three processes;
 * - #/process-instance/{id}/history: one instance's whole history. Registering a processInstance view with
 *   the id "history" makes Cockpit's own links to a finished instance land here instead of redirecting
 *   to the definition (CE has no such view);
 * - #/audit-outlet?filingNo=WD-…: one outlet across its life (filing and lifecycle on one timeline).
 * Nothing here writes: see audit-api.js.
 */

import { renderSearch, renderInstance, renderOutlet, el } from './audit-views.js?v=1';
import { t } from './audit-i18n.js?v=1';

const STYLE = `
.ipo-audit { padding: 12px 20px 40px; }
.ipo-audit h2 { margin-top: 4px; }
.ipo-audit-form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; margin-bottom: 12px; }
.ipo-audit-field { display: flex; flex-direction: column; font-weight: normal; min-width: 160px; }
.ipo-audit-field span { font-size: 12px; color: #555; }
.ipo-audit-buttons { display: flex; gap: 8px; }
.ipo-audit-table td, .ipo-audit-table th { vertical-align: top; }
.ipo-audit-section { margin-top: 24px; }
.ipo-audit-canvas { height: 420px; border: 1px solid #ddd; background: #fff; }
.ipo-audit-done:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; fill: #e8f5e9 !important; }
.ipo-audit-running:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #1565c0 !important; fill: #e3f2fd !important; }
.ipo-audit-flow .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
.ipo-audit-count { background: #2e7d32; color: #fff; border-radius: 9px; padding: 0 6px; font-size: 12px; }
.ipo-audit-count.ipo-audit-loop { background: #e65100; }
.ipo-audit-changes ol { margin: 4px 0 0; padding-left: 18px; }
.ipo-audit-summary dd { margin-bottom: 4px; }
`;

function addStyle() {
  if (!document.getElementById('ipo-audit-style')) {
    document.head.appendChild(el('style', { id: 'ipo-audit-style', text: STYLE }));
  }
}

function instanceIdFromHash() {
  const match = /^#\/process-instance\/([^/?]+)\/history/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

export default [
  {
    id: 'ipo-audit-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: { path: '/audit', label: t('menu'), checkActive: path => path.indexOf('#/audit') > -1 },
    render: node => {
      node.appendChild(el('a', { href: '#/audit', class: 'ipo-audit-menu', text: t('menu') }));
    }
  },
  {
    id: 'ipo-audit-search',
    pluginPoint: 'cockpit.route',
    properties: { path: '/audit' },
    render: (node, { api }) => {
      addStyle();
      renderSearch(node, api);
    }
  },
  {
    id: 'ipo-audit-outlet',
    pluginPoint: 'cockpit.route',
    properties: { path: '/audit-outlet' },
    render: (node, { api }) => {
      addStyle();
      renderOutlet(node, api);
    }
  },
  {
    id: 'ipo-audit-instance',
    pluginPoint: 'cockpit.route',
    properties: { path: '/process-instance/:id/history' },
    render: (node, { api }) => {
      addStyle();
      renderInstance(node, api, instanceIdFromHash());
    }
  },
  {
    // Cockpit links a finished instance to the "history" view of cockpit.processInstance.view when one is
    // registered (Community Edition registers none and sends the user to the definition instead).
    id: 'history',
    pluginPoint: 'cockpit.processInstance.view',
    priority: 10,
    properties: { label: t('historyView'), keepSearchParams: [] },
    render: () => {}
  }
];
