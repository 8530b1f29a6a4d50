/*
 * The only reads of the Tasklist views (README, "Tasklist for reviewers and applicants"): GET requests to the
 * application's own /api/me/… with the Tasklist session, proved by Camunda's CSRF token in X-XSRF-TOKEN (the
 * application accepts the session there and nowhere else). Nothing here writes.
 */

/** The application's root: the webapps live one path segment below it (app-root is e.g. /camunda). */
export function applicationRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/[^/]*\/?$/, '');
}

function csrfToken(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

export class HttpError extends Error {
  constructor(status) {
    super('HTTP ' + status);
    this.status = status;
  }
}

export async function getMe(api, path, params) {
  const query = params ? '?' + new URLSearchParams(params).toString() : '';
  const response = await fetch(applicationRoot() + '/api/me' + path + query, {
    method: 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) }
  });
  if (!response.ok) {
    throw new HttpError(response.status);
  }
  return response.json();
}
