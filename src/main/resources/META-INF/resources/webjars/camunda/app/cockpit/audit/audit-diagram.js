/*
 * The path an instance took, drawn on its BPMN diagram with the bpmn-js viewer that ships inside Cockpit
 * (found through the webpack chunk runtime of Cockpit's bundle, as tasklist/custom/dynamic-list-validity.js
 * finds form-js; 7.24 is the last Community Edition release, so the bundle does not change under us).
 * Executed steps are marked, the running ones differently, and each executed step carries its count (a
 * supplement loop shows 资格审查 2). History does not record sequence flows, so a flow counts as taken when
 * its source ended before its target started.
 */

const CHUNK_GLOBAL = 'webpackChunkcamunda_bpm_webapp';

let viewerClass;

function findViewer() {
  if (viewerClass !== undefined) {
    return viewerClass;
  }
  viewerClass = null;
  const chunks = window[CHUNK_GLOBAL];
  if (!chunks || typeof chunks.push !== 'function') {
    return null;
  }
  let require = null;
  chunks.push([[`ipoutlet-audit-diagram-${Date.now()}`], {}, r => { require = r; }]);
  if (!require) {
    return null;
  }
  const candidates = Object.keys(require.m || {}).filter(id => {
    const source = String(require.m[id]);
    return source.includes('importXML') && source.includes('importDefinitions');
  });
  for (const id of candidates) {
    let exports;
    try {
      exports = require(id);
    }
    catch (ignored) {
      continue;
    }
    for (const key of Object.keys(exports || {})) {
      const candidate = exports[key];
      const proto = candidate && candidate.prototype;
      if (typeof candidate === 'function' && proto && typeof proto.importXML === 'function'
          && typeof proto.importDefinitions === 'function' && Array.isArray(proto._modules)) {
        // Prefer the navigated viewer (zoom and scroll) when there is one.
        if (!viewerClass || Array.isArray(proto._navigationModules)) {
          viewerClass = candidate;
        }
      }
    }
  }
  return viewerClass;
}

/** Flows whose source ended no later than their target started, for some pair of executions. */
export function takenFlows(flows, activities) {
  const byActivity = {};
  activities.forEach(a => { (byActivity[a.activityId] = byActivity[a.activityId] || []).push(a); });
  return flows.filter(flow => {
    const sources = byActivity[flow.source] || [];
    const targets = byActivity[flow.target] || [];
    return sources.some(s => s.endTime && targets.some(t => Date.parse(t.startTime) >= Date.parse(s.endTime)));
  }).map(flow => flow.id);
}

export class DiagramView {

  constructor(host) {
    this.host = host;
  }

  async show(xml, activities) {
    const Viewer = findViewer();
    if (!Viewer) {
      throw new Error('bpmn-js viewer not found in Cockpit');
    }
    const canvasHost = document.createElement('div');
    canvasHost.className = 'ipo-audit-canvas';
    this.host.appendChild(canvasHost);
    const viewer = new Viewer({ container: canvasHost });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport', 'auto');

    const counts = {};
    const running = {};
    activities.forEach(a => {
      counts[a.activityId] = (counts[a.activityId] || 0) + 1;
      if (!a.endTime) {
        running[a.activityId] = true;
      }
    });
    Object.keys(counts).forEach(id => {
      if (!registry.get(id)) {
        return;
      }
      canvas.addMarker(id, running[id] ? 'ipo-audit-running' : 'ipo-audit-done');
      const badge = document.createElement('span');
      badge.className = 'ipo-audit-count' + (counts[id] > 1 ? ' ipo-audit-loop' : '');
      badge.textContent = String(counts[id]);
      badge.setAttribute('data-activity', id);
      overlays.add(id, 'ipo-audit-count', { position: { bottom: 8, right: 12 }, html: badge });
    });
    const flows = registry.filter(e => e.type === 'bpmn:SequenceFlow').map(e => ({
      id: e.id, source: e.businessObject.sourceRef && e.businessObject.sourceRef.id,
      target: e.businessObject.targetRef && e.businessObject.targetRef.id
    }));
    takenFlows(flows, activities).forEach(id => canvas.addMarker(id, 'ipo-audit-flow'));
    this.viewer = viewer;
    return viewer;
  }
}
