/*
 * Tasklist 7.24 renders Camunda Forms with form-js 1.8.7. When a field inside a dynamic list
 * (团队人员, 典型案例) changes, form-js records "no error" for it as an empty entry
 * (errors[fieldId] = [null]) instead of removing the entry. Tasklist treats any key in the errors
 * object as an error, so the 启动 button of a start form stays disabled for good (task forms recover
 * when the user clicks 保存, which re-validates).
 *
 * This script prunes such empty entries whenever the form's state changes, so the buttons reflect
 * the real errors. It finds form-js's Form class through the webpack chunk runtime of the Camunda
 * bundle (7.24 is the last Community Edition release, so the bundle does not change under us), and
 * does nothing if it cannot find it. Real errors are left untouched; the server validates every
 * submission again anyway.
 */

const CHUNK_GLOBAL = 'webpackChunkcamunda_bpm_webapp';

/** Removes null, undefined, empty arrays and empty objects, recursively; keeps everything else. */
function prune(value) {
  if (Array.isArray(value)) {
    const kept = value.map(prune).filter(v => v !== undefined);
    return kept.length ? kept : undefined;
  }
  if (value && typeof value === 'object') {
    const kept = {};
    Object.keys(value).forEach(key => {
      const v = prune(value[key]);
      if (v !== undefined) {
        kept[key] = v;
      }
    });
    return Object.keys(kept).length ? kept : undefined;
  }
  return value === null ? undefined : value;
}

function webpackRequire() {
  const chunks = window[CHUNK_GLOBAL];
  if (!chunks || typeof chunks.push !== 'function') {
    return null;
  }
  let require = null;
  chunks.push([[`ipoutlet-dynamic-list-validity-${Date.now()}`], {}, r => { require = r; }]);
  return require;
}

function findFormClass(require) {
  const marker = '_update(e){const{fieldInstance:t';
  const ids = Object.keys(require.m || {}).filter(id => String(require.m[id]).includes(marker));
  for (const id of ids) {
    const exports = require(id);
    for (const key of Object.keys(exports)) {
      const candidate = exports[key];
      if (typeof candidate === 'function' && candidate.prototype
          && typeof candidate.prototype._setState === 'function'
          && typeof candidate.prototype._update === 'function') {
        return candidate;
      }
    }
  }
  return null;
}

function install() {
  const require = webpackRequire();
  const Form = require && findFormClass(require);
  if (!Form || Form.prototype.__ipoutletPrunesErrors) {
    if (!Form) {
      console.warn('[ipoutlet] form-js Form class not found: dynamic-list validity fix not installed');
    }
    return;
  }
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    if (state && state.errors) {
      state = Object.assign({}, state, { errors: prune(state.errors) || {} });
    }
    return setState.call(this, state);
  };
  Form.prototype.__ipoutletPrunesErrors = true;
}

install();

export default [];
