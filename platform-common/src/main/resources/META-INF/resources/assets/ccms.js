/*
 * What every CCMS page needs, served by every service from platform-common:
 * English / Traditional Chinese text (data-i18n attributes, the choice remembered), calls to this
 * origin's REST API with the session cookie and the CSRF header, problem+json answers turned into
 * words a person can act on (never the server's internals), Hong Kong time, countdowns, sign-out
 * and the idle timeout with its warning.
 *
 * The session itself is an HttpOnly cookie this script cannot read; it only reads the CSRF cookie.
 * Only the language preference is kept in localStorage.
 */
(function () {
  'use strict';

  var LANG_KEY = 'ccms.lang';
  var LANGS = ['en', 'zh-Hant'];
  var CSRF_COOKIE = '__Host-ccms-csrf';
  var SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

  var messages = {
    en: {
      'lang.switch': '繁體中文',
      'lang.switch.label': 'Switch the language to Traditional Chinese',
      'app.name': 'CCMS access',
      'nav.skip': 'Skip to the main content',
      'nav.signed-in-as': 'Signed in as {user}',
      'nav.logout': 'Log out',
      'session.ends': 'Session ends at {time}',
      'idle.title': 'Are you still there?',
      'idle.text': 'You will be signed out in {seconds} seconds because nothing has happened for a while.',
      'idle.stay': 'Stay signed in',
      'idle.logout': 'Sign out now',
      'signed-out.idle': 'You were signed out because nothing happened for a while. Sign in again to continue.',
      'signed-out.expired': 'Your session has ended. Sign in again to continue.',
      'signed-out.done': 'You have signed out.',
      'error.generic': 'Something went wrong. Please try again.',
      'error.network': 'The service cannot be reached. Check your connection and try again.',
      'error.validation-failed': 'Please check what you entered.',
      'error.malformed-request': 'Please check what you entered.',
      'error.unauthenticated': 'Your session has ended. Please sign in again.',
      'error.csrf-rejected': 'Please reload the page and try again.',
      'error.forbidden': 'You are not allowed to do this.',
      'error.payload-too-large': 'What you entered is too long.',
      'error.too-many-requests': 'Too many attempts. Please wait and try again.',
      'error.dependency-unavailable': 'A service is temporarily unavailable. Please try again in a moment.',
      'error.overloaded': 'The service is busy. Please try again in a moment.',
      'error.standby': 'This data centre is on standby. Please use the active data centre ({dc}).',
      'error.datacentre-state-unknown': 'The service cannot confirm the data-centre state. Please try again shortly.',
      'error.function-not-available': 'Function not available',
      'time.zone': 'HKT',
      'countdown.minutes-seconds': '{m}:{s}'
    },
    'zh-Hant': {
      'lang.switch': 'English',
      'lang.switch.label': '將語言切換為英文',
      'app.name': 'CCMS 登入',
      'nav.skip': '跳至主要內容',
      'nav.signed-in-as': '已登入：{user}',
      'nav.logout': '登出',
      'session.ends': '工作階段於 {time} 結束',
      'idle.title': '您仍在使用嗎？',
      'idle.text': '由於一段時間沒有操作，您將於 {seconds} 秒後被登出。',
      'idle.stay': '保持登入',
      'idle.logout': '立即登出',
      'signed-out.idle': '由於一段時間沒有操作，您已被登出。請重新登入以繼續。',
      'signed-out.expired': '您的工作階段已結束。請重新登入以繼續。',
      'signed-out.done': '您已登出。',
      'error.generic': '發生錯誤，請再試一次。',
      'error.network': '無法連接服務。請檢查網絡連線後再試。',
      'error.validation-failed': '請檢查您輸入的資料。',
      'error.malformed-request': '請檢查您輸入的資料。',
      'error.unauthenticated': '您的工作階段已結束，請重新登入。',
      'error.csrf-rejected': '請重新載入頁面後再試。',
      'error.forbidden': '您無權執行此操作。',
      'error.payload-too-large': '您輸入的內容太長。',
      'error.too-many-requests': '嘗試次數過多，請稍後再試。',
      'error.dependency-unavailable': '服務暫時無法使用，請稍後再試。',
      'error.overloaded': '服務繁忙，請稍後再試。',
      'error.standby': '此數據中心處於備用狀態。請使用現行數據中心（{dc}）。',
      'error.datacentre-state-unknown': '服務未能確認數據中心狀態，請稍後再試。',
      'error.function-not-available': '功能暫不可用',
      'time.zone': '香港時間',
      'countdown.minutes-seconds': '{m}:{s}'
    }
  };

  function lang() {
    var stored = null;
    try { stored = window.localStorage.getItem(LANG_KEY); } catch (ignored) { /* storage disabled */ }
    return LANGS.indexOf(stored) >= 0 ? stored : 'en';
  }

  function setLang(value) {
    try { window.localStorage.setItem(LANG_KEY, value); } catch (ignored) { /* storage disabled */ }
    translatePage(document);
  }

  function t(key, vars) {
    var text = messages[lang()][key];
    if (text === undefined) { text = messages.en[key]; }
    if (text === undefined) { text = key; }
    if (vars) {
      Object.keys(vars).forEach(function (name) { text = text.split('{' + name + '}').join(String(vars[name])); });
    }
    return text;
  }

  /** Page scripts add their own words: CCMS.addMessages({en: {...}, 'zh-Hant': {...}}). */
  function addMessages(dictionary) {
    LANGS.forEach(function (code) { Object.assign(messages[code], dictionary[code] || {}); });
  }

  /** Fills data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label) and data-i18n-title. */
  function translatePage(root) {
    document.documentElement.lang = lang();
    root.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) { el.placeholder = t(el.getAttribute('data-i18n-placeholder')); });
    root.querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label'))); });
    var title = document.querySelector('meta[name="ccms-title"]');
    if (title) { document.title = t(title.content) + ' – ' + t('app.name'); }
    var switcher = document.getElementById('lang-switch');
    if (switcher) {
      switcher.textContent = t('lang.switch');
      switcher.setAttribute('aria-label', t('lang.switch.label'));
    }
    document.dispatchEvent(new CustomEvent('ccms:language'));
  }

  function cookie(name) {
    var found = document.cookie.split(';').map(function (part) { return part.trim(); })
      .filter(function (part) { return part.indexOf(name + '=') === 0; })[0];
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  /**
   * Calls this origin's API. Resolves (never rejects) with {status, ok, body, problem, retryAfter}:
   * status 0 means the service could not be reached.
   */
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json, application/problem+json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (SAFE_METHODS.indexOf(method) < 0) {
      var csrf = cookie(CSRF_COOKIE);
      if (csrf) { headers['X-CSRF-Token'] = csrf; }
    }
    return fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (ignored) { parsed = null; }
        var isProblem = (response.headers.get('Content-Type') || '').indexOf('problem+json') >= 0 || !response.ok;
        return {
          status: response.status,
          ok: response.ok,
          body: isProblem ? null : parsed,
          problem: isProblem ? (parsed || {}) : null,
          retryAfter: Number(response.headers.get('Retry-After')) || null
        };
      });
    }, function () {
      return { status: 0, ok: false, body: null, problem: { type: 'urn:ccms:problem:network' }, retryAfter: null };
    });
  }

  function problemSlug(result) {
    var type = result && result.problem && result.problem.type;
    if (!type) { return null; }
    return type.indexOf('urn:ccms:problem:') === 0 ? type.substring('urn:ccms:problem:'.length) : type;
  }

  /**
   * The words for a failed call: the page's own message for the problem's slug if it has one
   * ('error.<slug>'), else a generic one. Server details are not shown: they are written for
   * developers and some would help an attacker.
   */
  function problemText(result) {
    if (!result || result.status === 0) { return t('error.network'); }
    var slug = problemSlug(result);
    var key = 'error.' + slug;
    if (slug && (messages[lang()][key] !== undefined || messages.en[key] !== undefined)) {
      return t(key, { dc: (result.problem && result.problem.activeDataCentre) || '' });
    }
    return t('error.generic');
  }

  function pad(number) { return (number < 10 ? '0' : '') + number; }

  /** An instant (ISO string or millis) in Hong Kong time, e.g. "2026-11-26 15:04:05 HKT". */
  function hkTime(instant) {
    if (!instant) { return ''; }
    var date = new Date(instant);
    var hk = new Date(date.getTime() + 8 * 3600 * 1000);
    return hk.getUTCFullYear() + '-' + pad(hk.getUTCMonth() + 1) + '-' + pad(hk.getUTCDate()) + ' '
      + pad(hk.getUTCHours()) + ':' + pad(hk.getUTCMinutes()) + ':' + pad(hk.getUTCSeconds()) + ' ' + t('time.zone');
  }

  function minutesSeconds(totalSeconds) {
    var seconds = Math.max(0, Math.ceil(totalSeconds));
    return t('countdown.minutes-seconds', { m: Math.floor(seconds / 60), s: pad(seconds % 60) });
  }

  /** Calls onTick(secondsLeft) every second until untilMillis, then onDone. Returns a stop function. */
  function countdown(untilMillis, onTick, onDone) {
    var timer = null;
    function tick() {
      var left = (untilMillis - Date.now()) / 1000;
      if (left <= 0) {
        window.clearInterval(timer);
        onTick(0);
        if (onDone) { onDone(); }
        return;
      }
      onTick(left);
    }
    timer = window.setInterval(tick, 1000);
    tick();
    return function () { window.clearInterval(timer); };
  }

  function showMessage(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  /** A button shows it is working and cannot be pressed twice while a call is on its way. */
  function busy(button, isBusy) {
    button.disabled = isBusy;
    button.setAttribute('aria-busy', String(isBusy));
  }

  function signedOutUrl(loginUrl, reason) {
    return loginUrl + (loginUrl.indexOf('?') >= 0 ? '&' : '?') + 'signedOut=' + encodeURIComponent(reason);
  }

  /** Ends the session at the server (which also drops the cookies), then goes to loginUrl. */
  function logout(logoutPath, loginUrl, reason) {
    return api('POST', logoutPath).then(function () {
      window.location.assign(signedOutUrl(loginUrl, reason || 'done'));
    });
  }

  /** options.loginUrl is a URL, or a function of the session (null when there is none) giving one. */
  function loginUrlOf(options, session) {
    return typeof options.loginUrl === 'function' ? options.loginUrl(session) : options.loginUrl;
  }

  /**
   * For pages behind a sign-in. options: {sessionPath, logoutPath, loginUrl, idleSeconds?, warnSeconds?}.
   * Reads the session (a 401 goes to loginUrl), shows who is signed in with a Log out button, and
   * signs the person out after idleSeconds without a key press, click or touch — warning
   * warnSeconds (a minute) before, with a button that keeps the session (a call that the server also counts
   * as activity). Resolves with the session body.
   */
  function signedInPage(options) {
    return api('GET', options.sessionPath).then(function (result) {
      if (!result.ok) {
        var loginUrl = loginUrlOf(options, null);
        window.location.assign(result.status === 401 ? signedOutUrl(loginUrl, 'expired') : loginUrl);
        return new Promise(function () { /* the page is being left */ });
      }
      var session = result.body;
      var loginUrl = loginUrlOf(options, session);
      var nav = document.querySelector('[data-ccms-nav]');
      if (nav) {
        var who = document.createElement('span');
        who.id = 'signed-in-user';
        who.className = 'who';
        var ends = document.createElement('span');
        ends.className = 'ends';
        var out = document.createElement('button');
        out.type = 'button';
        out.id = 'logout';
        out.className = 'secondary';
        out.addEventListener('click', function () { logout(options.logoutPath, loginUrl, 'done'); });
        var label = function () {
          who.textContent = t('nav.signed-in-as', { user: session.userId || session.operator || '' });
          ends.textContent = session.expiresAt ? t('session.ends', { time: hkTime(session.expiresAt) }) : '';
          out.textContent = t('nav.logout');
        };
        label();
        document.addEventListener('ccms:language', label);
        nav.prepend(who, ends, out);
      }
      watchIdle(options, session, loginUrl);
      return session;
    });
  }

  function watchIdle(options, session, loginUrl) {
    var idleSeconds = options.idleSeconds || session.idleTimeoutSeconds || 600;
    var idleMillis = idleSeconds * 1000;
    // A minute's warning, or a quarter of a short idle timeout.
    var warnMillis = (options.warnSeconds || Math.max(5, Math.min(60, idleSeconds / 4))) * 1000;
    var expiresAt = session.expiresAt ? new Date(session.expiresAt).getTime() : Infinity;
    var lastActivity = Date.now();
    var dialog = idleDialog();
    var stopCountdown = null;

    function activity() {
      if (!dialog.open) { lastActivity = Date.now(); }
    }
    ['keydown', 'mousedown', 'touchstart'].forEach(function (name) { document.addEventListener(name, activity, true); });

    dialog.querySelector('#idle-stay').addEventListener('click', function () {
      api('GET', options.sessionPath).then(function (result) {
        if (!result.ok) { window.location.assign(signedOutUrl(loginUrl, 'expired')); return; }
        lastActivity = Date.now();
        if (stopCountdown) { stopCountdown(); stopCountdown = null; }
        dialog.close();
      });
    });
    dialog.querySelector('#idle-logout').addEventListener('click', function () {
      logout(options.logoutPath, loginUrl, 'done');
    });

    window.setInterval(function () {
      var deadline = Math.min(lastActivity + idleMillis, expiresAt);
      if (Date.now() >= deadline - warnMillis && !dialog.open) {
        dialog.showModal();
        var text = dialog.querySelector('#idle-text');
        stopCountdown = countdown(deadline, function (left) {
          text.textContent = t('idle.text', { seconds: Math.ceil(left) });
        }, function () {
          logout(options.logoutPath, loginUrl, deadline === expiresAt ? 'expired' : 'idle');
        });
      }
    }, 1000);
  }

  function idleDialog() {
    var dialog = document.createElement('dialog');
    dialog.id = 'idle-warning';
    dialog.setAttribute('aria-labelledby', 'idle-title');
    dialog.innerHTML = '<h2 id="idle-title" data-i18n="idle.title"></h2><p id="idle-text" role="status"></p>'
      + '<div class="actions"><button type="button" id="idle-stay" data-i18n="idle.stay"></button>'
      + '<button type="button" class="secondary" id="idle-logout" data-i18n="idle.logout"></button></div>';
    document.body.appendChild(dialog);
    translatePage(dialog);
    return dialog;
  }

  /** The "you were signed out" note on a sign-in page, from its signedOut parameter. */
  function signedOutNotice(element) {
    var reason = new URLSearchParams(window.location.search).get('signedOut');
    if (['idle', 'expired', 'done'].indexOf(reason) >= 0) {
      element.setAttribute('data-i18n', 'signed-out.' + reason);
      element.textContent = t('signed-out.' + reason);
      element.hidden = false;
    }
  }

  function installLanguageSwitch() {
    var nav = document.querySelector('[data-ccms-nav]');
    if (!nav || document.getElementById('lang-switch')) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'lang-switch';
    button.className = 'secondary';
    button.lang = 'und';
    button.addEventListener('click', function () { setLang(lang() === 'en' ? 'zh-Hant' : 'en'); });
    nav.appendChild(button);
  }

  window.CCMS = {
    lang: lang,
    setLang: setLang,
    t: t,
    addMessages: addMessages,
    translatePage: translatePage,
    api: api,
    problemSlug: problemSlug,
    problemText: problemText,
    hkTime: hkTime,
    minutesSeconds: minutesSeconds,
    countdown: countdown,
    showMessage: showMessage,
    busy: busy,
    logout: logout,
    signedInPage: signedInPage,
    signedOutNotice: signedOutNotice
  };

  document.addEventListener('DOMContentLoaded', function () {
    installLanguageSwitch();
    translatePage(document);
  });
})();
