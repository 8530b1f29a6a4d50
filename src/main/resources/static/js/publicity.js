// 公示 objections from the public register page (README, "公示 is public"): each form posts JSON to
// POST /api/filings/{applicationNo}/objections and shows the answer as a Chinese receipt. Plain
// script, no framework; the page's Content-Security-Policy allows only same-origin scripts.
(function () {
  'use strict';

  /** The Chinese part of an answer: field errors' messageZh, or the detail before " / ". */
  function chinese(problem, fallback) {
    if (problem && Array.isArray(problem.errors) && problem.errors.length) {
      return problem.errors.map(function (e) { return e.messageZh || e.message; }).join('；');
    }
    if (problem && typeof problem.detail === 'string') {
      return problem.detail.split(' / ')[0];
    }
    return fallback;
  }

  function show(receipt, text, ok) {
    receipt.textContent = text;
    receipt.className = 'receipt ' + (ok ? 'ok' : 'refused');
  }

  function submit(event) {
    event.preventDefault();
    var form = event.target;
    var receipt = form.querySelector('.receipt');
    var objection = form.elements.objection.value.trim();
    var contact = form.elements.objectorContact.value.trim();
    if (!objection || !contact) {
      show(receipt, !objection ? '请填写异议内容。' : '请留下联系方式（电话或电子邮箱），以便核实异议。', false);
      return;
    }
    var button = form.querySelector('button');
    button.disabled = true;
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      credentials: 'omit',
      body: JSON.stringify({ objection: objection, objectorContact: contact })
    }).then(function (response) {
      if (response.status === 202) {
        var at = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        show(receipt, '已收到您对申请 ' + form.getAttribute('data-application-no') + ' 的异议（' + at +
          '）。国家知识产权局将进行核查，必要时通过您留下的联系方式与您联系。', true);
        form.elements.objection.value = '';
        return;
      }
      return response.json().catch(function () { return null; }).then(function (problem) {
        var fallback = response.status === 429 ? '提交过于频繁，请稍后再试。'
          : response.status === 409 ? '该申请已不在公示期内，不再受理异议。' : '提交失败，请稍后再试。';
        show(receipt, '未能提交：' + chinese(problem, fallback), false);
      });
    }).catch(function () {
      show(receipt, '网络错误，未能提交，请稍后再试。', false);
    }).then(function () {
      button.disabled = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form.objection-form'), function (form) {
      form.addEventListener('submit', submit);
    });
  });
})();
