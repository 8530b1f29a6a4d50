/*
 * Camunda Forms in Chinese (README, "The webapps in Chinese"). Tasklist 7.24 renders them with form-js 1.8.7,
 * whose validation messages ("Field is required.", "Field must match pattern ^[0-9A-H…$.") and a few labels
 * ("Select", "Search", "Add new") are English literals with no translation hook. This script
 * - wraps form-js's Validator so that every message is Chinese and says in words what is wrong, in the words
 *   the server uses for the same rule (FilingApplicationRule, Checks): a pattern is never shown;
 * - replaces the remaining English labels inside rendered forms.
 * It finds form-js's Form class (and through each form its Validator) via the webpack chunk runtime of
 * the Camunda bundle, as dynamic-list-validity.js does (7.24 is the last Community Edition release, so the
 * bundle does not change under us); if it cannot, it leaves form-js alone. Only a Chinese browser gets the
 * Chinese texts, like the rest of Tasklist (config.js: Chinese, English as the fallback).
 */

const CHUNK_GLOBAL = 'webpackChunkcamunda_bpm_webapp';

const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const USCC_CHARACTERS = /^[0-9A-HJ-NPQRTUWXY]*$/;

/** What a pattern asks for, by field key and by pattern, as the server's messages say it. */
const PATTERN_RULES = [
  { keys: ['uscc'], pattern: USCC_PATTERN, message: usccMessage },
  { keys: ['phone'], pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$',
    message: () => '格式不正确，应为手机号码或带区号的固定电话' },
  { keys: ['platformUrl'], pattern: '^https?://\\S+$', message: () => '格式不正确，应为以http://或https://开头的网址' }
];

/** Required fields whose server rule says more than 必填. */
const REQUIRED_BY_KEY = {
  declarationTruthful: '须确认所填材料真实、合法'
};

/** English labels form-js renders, and their Chinese. */
const LABELS = {
  'Select': '请选择',
  'Search': '搜索',
  'Add new': '添加一项',
  'Collapse': '收起',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Remove tag': '移除',
  'Skip to search': '跳到搜索',
  'Increment': '增加',
  'Decrement': '减少',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分',
  'mm/dd/yyyy': '年/月/日'
};
const LABEL_PATTERNS = [
  [/^Expand all \((\d+)\)$/, '全部展开（$1）'],
  [/^Remove list item (\d+)$/, '删除第$1项']
];

export function usccMessage(value) {
  const text = String(value === undefined || value === null ? '' : value).trim();
  if (text.length !== 18) {
    return `统一社会信用代码应为18位（现有${text.length}位）`;
  }
  if (!USCC_CHARACTERS.test(text)) {
    return '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）';
  }
  return '统一社会信用代码格式不正确';
}

function patternMessage(field, value) {
  const pattern = field.validate && field.validate.pattern;
  const rule = PATTERN_RULES.find(r => r.keys.includes(field.key))
    || PATTERN_RULES.find(r => r.pattern === pattern);
  return rule ? rule.message(value) : '格式不正确';
}

function requiredMessage(field) {
  if (REQUIRED_BY_KEY[field.key]) {
    return REQUIRED_BY_KEY[field.key];
  }
  switch (field.type) {
    case 'checkbox':
      return '须勾选';
    case 'select':
    case 'radio':
      return '必选';
    case 'checklist':
    case 'taglist':
      return '至少选择1项';
    default:
      return '必填';
  }
}

/** One form-js message in Chinese; anything unknown becomes a plain 格式不正确, never English. */
export function chinese(message, field, value) {
  const validate = (field && field.validate) || {};
  let m;
  if (message === 'Field is required.') {
    return requiredMessage(field || {});
  }
  if (/^Field must match pattern /.test(message)) {
    return patternMessage(field || {}, value);
  }
  if ((m = /^Field must have minimum value of (.+)\.$/.exec(message))) {
    return 'max' in validate ? `应在${m[1]}至${validate.max}之间` : `不得小于${m[1]}`;
  }
  if ((m = /^Field must have maximum value of (.+)\.$/.exec(message))) {
    return 'min' in validate ? `应在${validate.min}至${m[1]}之间` : `不得大于${m[1]}`;
  }
  if ((m = /^Field must have minimum length of (\d+)\.$/.exec(message))) {
    return `至少${m[1]}个字符`;
  }
  if ((m = /^Field must have maximum length of (\d+)\.$/.exec(message))) {
    const length = typeof value === 'string' ? value.trim().length : 0;
    return `不得超过${m[1]}个字符（现有${length}个）`;
  }
  if (message === 'Field must be a valid email.') {
    return '格式不正确，应为电子邮箱地址';
  }
  if (/^Field must be a valid +international phone number/.test(message)) {
    return '格式不正确，应为电话号码';
  }
  if (message === 'Value is not a number.') {
    return '应为数字';
  }
  if (message === 'Value is expected to be an integer.') {
    return '应为整数';
  }
  if ((m = /^Value is expected to have at most (\d+) decimal digits?\.$/.exec(message))) {
    return `最多保留${m[1]}位小数`;
  }
  if ((m = /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/.exec(message))) {
    return `请输入有效值，最接近的有效值为${m[1]}和${m[2]}`;
  }
  return /[A-Za-z]/.test(message) ? '格式不正确' : message;
}

function translateAll(messages, field, value) {
  return Array.isArray(messages) ? messages.map(message => (typeof message === 'string'
    ? chinese(message, field, value) : message)) : messages;
}

function webpackRequire() {
  const chunks = window[CHUNK_GLOBAL];
  if (!chunks || typeof chunks.push !== 'function') {
    return null;
  }
  let require = null;
  chunks.push([[`ipoutlet-form-messages-zh-${Date.now()}`], {}, r => { require = r; }]);
  return require;
}

/** form-js's Form class (exported by the bundle; its Validator is not, but every form has one). */
function findFormClass(require) {
  const marker = 'Field must match pattern';
  const ids = Object.keys(require.m || {}).filter(id => String(require.m[id]).includes(marker));
  for (const id of ids) {
    const exports = require(id);
    const Form = exports && exports.Form;
    if (typeof Form === 'function' && Form.prototype && typeof Form.prototype._update === 'function') {
      return Form;
    }
  }
  return null;
}

function patchValidator(validator) {
  const proto = validator && Object.getPrototypeOf(validator);
  if (!proto || proto.__ipoutletChinese || typeof proto.validateField !== 'function') {
    return;
  }
  const validateField = proto.validateField;
  const validateFieldInstance = proto.validateFieldInstance;
  proto.validateField = function (field, value) {
    return translateAll(validateField.call(this, field, value), field, value);
  };
  if (typeof validateFieldInstance === 'function') {
    proto.validateFieldInstance = function (fieldInstance, value) {
      const registry = this._formFieldRegistry;
      const field = registry && fieldInstance ? registry.get(fieldInstance.id) : null;
      return translateAll(validateFieldInstance.call(this, fieldInstance, value), field, value);
    };
  }
  proto.__ipoutletChinese = true;
}

function installValidator() {
  const require = webpackRequire();
  const Form = require && findFormClass(require);
  if (!Form) {
    console.warn('[ipoutlet] form-js Form class not found: form messages stay in English');
    return;
  }
  if (Form.prototype.__ipoutletChinese) {
    return;
  }
  // The Validator is created by each form's injector: patch its class the first time a form validates.
  ['_update', 'validate', 'submit', 'importSchema'].forEach(name => {
    const original = Form.prototype[name];
    if (typeof original !== 'function') {
      return;
    }
    Form.prototype[name] = function (...args) {
      try {
        patchValidator(this.get('validator'));
      }
      catch (ignored) {
        // a form without a validator: nothing to translate
      }
      return original.apply(this, args);
    };
  });
  Form.prototype.__ipoutletChinese = true;
}

function label(text) {
  if (Object.prototype.hasOwnProperty.call(LABELS, text)) {
    return LABELS[text];
  }
  for (const [pattern, replacement] of LABEL_PATTERNS) {
    if (pattern.test(text)) {
      return text.replace(pattern, replacement);
    }
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.nodeValue.trim();
    const zh = text && label(text);
    if (zh && node.parentElement && node.parentElement.closest('.fjs-container')) {
      node.nodeValue = node.nodeValue.replace(text, zh);
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const inForm = node.closest('.fjs-container') || node.querySelector('.fjs-container');
  if (!inForm) {
    return;
  }
  const elements = [node, ...node.querySelectorAll('*')];
  for (const element of elements) {
    for (const attribute of ['placeholder', 'title', 'aria-label']) {
      const value = element.getAttribute(attribute);
      const zh = value && label(value.trim());
      if (zh) {
        element.setAttribute(attribute, zh);
      }
    }
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        translateNode(child);
      }
    }
  }
}

function installLabels() {
  const observer = new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateNode(mutation.target);
      }
      else if (mutation.type === 'attributes') {
        translateNode(mutation.target);
      }
      else {
        mutation.addedNodes.forEach(translateNode);
      }
    }
  });
  observer.observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'title', 'aria-label']
  });
}

function chineseBrowser() {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  return String(first).toLowerCase().split('-')[0] !== 'en';
}

if (chineseBrowser()) {
  installValidator();
  installLabels();
}

export default [];
