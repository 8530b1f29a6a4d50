/*
 * The audit plugin's only way to the engine: Cockpit's own session-authenticated engine API
 * (api.engineApi). It reads and nothing else (README, "Auditors in Cockpit"): GET requests, and POST only
 * to the query endpoints listed below, which take their filter as a JSON body and change nothing. Any
 * other POST throws before a request is made. Engine authorizations decide what each user sees.
 */

const POST_QUERIES = new Set(['/history/process-instance', '/history/process-instance/count']);

/** History queries are bounded (Camunda 7.17+): every list request pages. */
export const PAGE = 500;

export class EngineReader {

  constructor(api) {
    this.base = api.engineApi;
    this.csrf = api.CSRFToken;
  }

  async get(path, params) {
    const response = await fetch(this.base + path + query(params), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    return this.body(response, path);
  }

  async query(path, body, params) {
    if (!POST_QUERIES.has(path)) {
      throw new Error('not a query endpoint: ' + path);
    }
    const response = await fetch(this.base + path + query(params), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': this.csrf },
      body: JSON.stringify(body)
    });
    return this.body(response, path);
  }

  /** Every row of a list endpoint, page by page. */
  async all(path, params) {
    const rows = [];
    for (let first = 0; ; first += PAGE) {
      const page = await this.get(path, Object.assign({}, params, { firstResult: first, maxResults: PAGE }));
      rows.push(...page);
      if (page.length < PAGE) {
        return rows;
      }
    }
  }

  /** A link to a variable's stored file (those allowed to read the instance may download it). */
  fileUrl(variableInstanceId) {
    return this.base + '/history/variable-instance/' + encodeURIComponent(variableInstanceId) + '/data';
  }

  async body(response, path) {
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        message = problem.message || message;
      }
      catch (ignored) {
        // no JSON body
      }
      const error = new Error(message);
      error.status = response.status;
      error.path = path;
      throw error;
    }
    return response.json();
  }
}

/**
 * The filing's documents (README, "Auditors in Cockpit"): the webapps' documents resource (the
 * outlet-documents plugin resource, under the same Camunda session), GET only. It decides who may read:
 * the applicant, its recommender, CNIPA and auditors.
 */
export class DocumentsReader {

  constructor(api) {
    // The engine API is …/api/engine/engine/{engine}; the documents resource sits beside it.
    const at = api.engineApi.indexOf('/api/engine/');
    this.root = (at >= 0 ? api.engineApi.substring(0, at) : '/camunda') + '/api/tasklist/';
    this.engine = api.engineApi.substring(api.engineApi.lastIndexOf('/') + 1) || 'default';
  }

  async application(applicationNo) {
    const response = await fetch(this.root + 'plugin/outlet-documents/' + encodeURIComponent(this.engine)
      + '/applications/' + encodeURIComponent(applicationNo), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const error = new Error(response.status + ' ' + response.statusText);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  /** A link the resource gave (relative to its root): a download, served as an attachment. */
  url(href) {
    return this.root + href;
  }
}

function query(params) {
  if (!params) {
    return '';
  }
  const parts = Object.keys(params)
    .filter(key => params[key] !== undefined && params[key] !== null && params[key] !== '')
    .map(key => encodeURIComponent(key) + '=' + encodeURIComponent(params[key]));
  return parts.length ? '?' + parts.join('&') : '';
}
