/*
 * 备案材料 in Tasklist (README, "The 备案表 document"): a tab on every task of a filing that lists the
 * filing's documents and the 备案表 PDF for the official working the task, and a 我的备案申请 panel in the
 * header where the applicant downloads its 备案表 and attaches the 相关工作制度 and the signed and
 * sealed scan. Every upload goes to the plugin's resource, which applies the same checks as the API;
 * the server's Chinese messages are shown as they come. Texts are inserted as text, never as HTML.
 */

const ENGINE = 'default';

function apiRoot() {
  const path = window.location.pathname;
  const at = path.indexOf('/app/');
  return (at >= 0 ? path.substring(0, at) : '/camunda') + '/api/tasklist/';
}

function csrfToken(api) {
  if (api && api.CSRFToken) {
    return api.CSRFToken;
  }
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'text') {
      node.textContent = v;
    } else if (k.startsWith('on')) {
      node.addEventListener(k.substring(2), v);
    } else {
      node.setAttribute(k, v);
    }
  });
  children.filter(Boolean).forEach(c => node.appendChild(c));
  return node;
}

async function getJson(path) {
  const response = await fetch(apiRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(response.status === 404 ? '无权查看或不存在' : '加载失败（' + response.status + '）');
  }
  return response.json();
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

/** The uploads (field, label, accepted extensions, hint) come with the application, from the server's one definition. */
function kindsOf(application) {
  return application.kinds || [];
}

/** One application: the 备案表 PDF, its documents, what is missing, and (for its applicant) the uploads. */
function renderApplication(container, application, api, reload) {
  container.textContent = '';
  const box = el('div', { class: 'outlet-documents', 'data-application-no': application.applicationNo });
  box.appendChild(el('h4', { text: '申请号 ' + application.applicationNo + (application.orgName ? '　' + application.orgName : '') }));
  box.appendChild(el('p', {}, el('a', { href: apiRoot() + application.formPdf, class: 'outlet-form-pdf', text: '下载备案表（PDF，打印后签字盖章）' })));
  const list = el('ul', { class: 'outlet-document-list' });
  application.documents.filter(d => d.current).forEach(d => {
    list.appendChild(el('li', { 'data-field': d.field },
      el('span', { text: d.label + '：' }),
      el('a', { href: apiRoot() + d.href, class: 'outlet-document-link', text: d.fileName }),
      el('span', { text: '（' + sizeText(d.size) + '）' })));
  });
  if (!list.children.length) {
    list.appendChild(el('li', { text: '尚未上传材料' }));
  }
  box.appendChild(list);
  if (application.missing.length) {
    const names = application.missing.map(f => (kindsOf(application).find(k => k.field === f) || { label: f }).label);
    box.appendChild(el('p', { class: 'text-warning outlet-missing', text: '尚缺：' + names.join('、') + '（缺少材料不能推荐）' }));
  }
  if (application.mayUpload) {
    kindsOf(application).forEach(kind => {
      const input = el('input', { type: 'file', accept: kind.accept, name: kind.field, class: 'outlet-upload-' + kind.field });
      const message = el('span', { class: 'outlet-upload-message' });
      input.addEventListener('change', async () => {
        const file = input.files && input.files[0];
        if (!file) {
          return;
        }
        message.textContent = '正在上传……';
        const url = apiRoot() + 'plugin/outlet-documents/' + ENGINE + '/applications/' + encodeURIComponent(application.applicationNo)
          + '/documents/' + kind.field + '?fileName=' + encodeURIComponent(file.name);
        try {
          const response = await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/octet-stream', 'X-XSRF-TOKEN': csrfToken(api) },
            body: file
          });
          const body = await response.json().catch(() => ({}));
          if (!response.ok) {
            const errors = (body.errors || []).map(e => e.messageZh).concat(body.messageZh ? [body.messageZh] : []).filter(Boolean);
            message.textContent = '上传失败：' + (errors.length ? errors.join('；') : '（' + response.status + '）');
            return;
          }
          const completed = application.missing.length > 0 && body.missing && body.missing.length === 0;
          renderApplication(container, body, api, reload);
          if (completed) {
            // Art. 6: the upload that completes the materials sends a waiting application to the recommender.
            container.appendChild(el('p', { class: 'text-success outlet-complete',
              text: '备案材料已齐全' + (body.status === 'ELIGIBLE' ? '，申请已送推荐部门初审。' : '。') }));
          }
        } catch (e) {
          message.textContent = '上传失败：网络错误';
        }
      });
      box.appendChild(el('div', { class: 'form-group' },
        el('label', { text: '上传' + kind.label + '（' + kind.hint + '）：' }), input, message));
    });
  }
  container.appendChild(box);
}

export default [
  {
    id: 'outlet-documents.task',
    pluginPoint: 'tasklist.task.detail',
    priority: 5,
    properties: { label: '备案材料' },
    render: (node, { taskId, api }) => {
      node.textContent = '加载中……';
      getJson('plugin/outlet-documents/' + ENGINE + '/tasks/' + encodeURIComponent(taskId))
        .then(application => renderApplication(node, application, api))
        .catch(error => { node.textContent = error.message; });
    }
  },
  {
    id: 'outlet-documents.mine',
    pluginPoint: 'tasklist.navbar.action',
    priority: 5,
    render: (node, { api } = {}) => {
      document.querySelectorAll('.outlet-my-applications').forEach(old => old.remove());
      const panel = el('div', { class: 'outlet-my-applications', style: 'display:none;position:fixed;top:60px;right:20px;width:560px;'
        + 'max-height:80vh;overflow:auto;background:#fff;border:1px solid #ccc;padding:12px;z-index:2000;color:#333;'
        + 'box-shadow:0 4px 12px rgba(0,0,0,.2)' });
      const toggle = el('a', { href: '', class: 'outlet-my-applications-toggle', text: '我的备案申请' });
      toggle.addEventListener('click', async event => {
        event.preventDefault();
        if (panel.style.display !== 'none') {
          panel.style.display = 'none';
          return;
        }
        panel.style.display = 'block';
        panel.textContent = '加载中……';
        try {
          const applications = await getJson('plugin/outlet-documents/' + ENGINE + '/applications');
          panel.textContent = '';
          if (!applications.length) {
            panel.appendChild(el('p', { text: '暂无备案申请' }));
          }
          applications.forEach(application => {
            const slot = el('div', { class: 'outlet-application' });
            panel.appendChild(slot);
            renderApplication(slot, application, api);
          });
        } catch (error) {
          panel.textContent = error.message;
        }
      });
      node.appendChild(toggle);
      // Outside the navbar, so that its link styles do not apply to the panel's lists.
      document.body.appendChild(panel);
    }
  }
];
