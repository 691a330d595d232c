/*
 * What every DMS (Security Management Functions) page shares: the sign-in options, the bar between
 * Users and Requests, the words for readiness, status, channel and request kinds, the page messages
 * for the DMS problem types, and small DOM helpers. Loaded after /assets/ccms.js and before the
 * page's own script.
 *
 * Pages build their content with DOM nodes and textContent only (never innerHTML with data from
 * the server), so a display name or an e-mail address can never become markup.
 */
(function () {
  'use strict';

  var SESSION = {
    sessionPath: '/api/v1/dms/session',
    logoutPath: '/api/v1/session/logout',
    loginUrl: '/login.html?function=SECURITY_MANAGEMENT'
  };
  var USERS_PAGE = '/dms/users.html';
  var USER_PAGE = '/dms/user.html';
  var REQUESTS_PAGE = '/dms/requests.html';
  /** The largest page auth-service gives a DA (ccms.auth.administration.max-page-size). */
  var MAX_PAGE = 100;
  var USER_ID = /^[A-Za-z0-9._-]{1,64}$/;

  CCMS.addMessages({
    en: {
      'dms.portal': 'Security Management Functions',
      'dms.nav.label': 'Security management',
      'dms.nav.users': 'Users',
      'dms.nav.requests': 'Requests',
      'dms.nav.pending-count': '{count} waiting',
      'dms.loading': 'Loading…',
      'dms.you': '(you)',
      'dms.not-registered': 'Not registered',
      'dms.none': 'None',
      'dms.yes': 'Yes',
      'dms.no': 'No',
      'dms.locked-until': 'Locked until {time}',
      'dms.readiness.NO_EMAIL': 'No e-mail address',
      'dms.readiness.READY_TO_INITIATE': 'Ready to set up 2FA',
      'dms.readiness.ENROLLED': '2FA set up',
      'dms.status.ACTIVE': 'Active',
      'dms.status.DISABLED': 'Disabled',
      'dms.channel.EMAIL': 'E-mail',
      'dms.channel.SMS': 'SMS',
      'dms.type.USER': 'User',
      'dms.type.DA': 'Delegated Administrator',
      'dms.type.OPERATOR': 'Operator',
      'dms.kind.EMAIL_CHANGE': 'Change the e-mail address to {email}',
      'dms.kind.TWO_FACTOR_RESET': 'Reset 2FA',
      'dms.request-status.PENDING': 'Waiting for approval',
      'dms.request-status.APPROVED': 'Approved',
      'dms.request-status.REJECTED': 'Rejected',
      'dms.request-status.EXPIRED': 'Expired',
      'dms.request-status.WITHDRAWN': 'Withdrawn',
      'dms.open-queue': 'Open the request queue',
      'dms.error.request-pending': 'A request of this kind for this user is already waiting for approval. Approve, reject or withdraw it in the request queue first.',
      'dms.error.self-administration': 'You cannot administer your own account. Ask another Delegated Administrator of your participant.',
      'dms.error.mobile-is-otp-channel': 'This user receives one-time passwords by SMS on the registered mobile number, so only the user can change it. Reset the user\'s 2FA if the user can no longer use that number.',
      'dms.error.account-changed': 'The account was changed by someone else at the same time. Check the details below and try again.',
      'dms.error.account-not-found': 'Your participant has no user with this user ID.',
      'dms.error.request-not-found': 'Your participant has no such request. It may have been removed.',
      'dms.error.request-closed': 'This request was already decided or has expired. The list has been refreshed.',
      'dms.error.maker-cannot-approve': 'You made this request, so another Delegated Administrator of your participant must approve it.',
      'dms.error.validation-failed': 'Please check what you entered.',
      'dms.error.function-not-permitted': 'This account cannot use the Security Management Functions.',
      'dms.error.email.validation-failed': 'Enter a plain e-mail address such as name@example.com.',
      'dms.error.mobile.validation-failed': 'Enter the mobile number in international form: +, the country code and the number, no spaces (e.g. +85291234567).'
    },
    'zh-Hant': {
      'dms.portal': '保安管理功能',
      'dms.nav.label': '保安管理',
      'dms.nav.users': '使用者',
      'dms.nav.requests': '申請',
      'dms.nav.pending-count': '{count} 項待批核',
      'dms.loading': '載入中…',
      'dms.you': '（您）',
      'dms.not-registered': '未登記',
      'dms.none': '沒有',
      'dms.yes': '是',
      'dms.no': '否',
      'dms.locked-until': '鎖定至 {time}',
      'dms.readiness.NO_EMAIL': '未登記電郵地址',
      'dms.readiness.READY_TO_INITIATE': '可設定雙重身份驗證',
      'dms.readiness.ENROLLED': '已設定雙重身份驗證',
      'dms.status.ACTIVE': '使用中',
      'dms.status.DISABLED': '已停用',
      'dms.channel.EMAIL': '電郵',
      'dms.channel.SMS': '短訊',
      'dms.type.USER': '使用者',
      'dms.type.DA': '授權管理人士',
      'dms.type.OPERATOR': '營運人員',
      'dms.kind.EMAIL_CHANGE': '將電郵地址更改為 {email}',
      'dms.kind.TWO_FACTOR_RESET': '重設雙重身份驗證',
      'dms.request-status.PENDING': '等待批核',
      'dms.request-status.APPROVED': '已批准',
      'dms.request-status.REJECTED': '已拒絕',
      'dms.request-status.EXPIRED': '已過期',
      'dms.request-status.WITHDRAWN': '已撤回',
      'dms.open-queue': '前往申請清單',
      'dms.error.request-pending': '此使用者已有同類申請等待批核。請先在申請清單中批准、拒絕或撤回該申請。',
      'dms.error.self-administration': '您不能管理自己的帳戶。請聯絡 貴參與者的另一位授權管理人士。',
      'dms.error.mobile-is-otp-channel': '此使用者以短訊在已登記的手提電話號碼接收一次性密碼，只有使用者本人可以更改。如使用者已無法使用該號碼，請重設其雙重身份驗證。',
      'dms.error.account-changed': '此帳戶同時被其他人更改。請查看以下資料後再試。',
      'dms.error.account-not-found': '貴參與者沒有此使用者編號的使用者。',
      'dms.error.request-not-found': '貴參與者沒有此申請，申請可能已被移除。',
      'dms.error.request-closed': '此申請已被處理或已過期。清單已更新。',
      'dms.error.maker-cannot-approve': '此申請由您提出，須由 貴參與者的另一位授權管理人士批准。',
      'dms.error.validation-failed': '請檢查您輸入的資料。',
      'dms.error.function-not-permitted': '此帳戶不能使用保安管理功能。',
      'dms.error.email.validation-failed': '請輸入一般的電郵地址，例如 name@example.com。',
      'dms.error.mobile.validation-failed': '請以國際格式輸入手提電話號碼：+、國家或地區編號及號碼，不含空格（例如 +85291234567）。'
    }
  });

  var t = CCMS.t;

  function has(key) {
    return t(key) !== key;
  }

  /**
   * The page's words for a failed call: first the message for this form ('dms.error.<context>.<slug>'),
   * then the DMS one ('dms.error.<slug>'), else the shared ccms.js one. Never the server's detail.
   */
  function problemText(result, context) {
    if (result && result.status !== 0) {
      var slug = CCMS.problemSlug(result);
      if (slug && context && has('dms.error.' + context + '.' + slug)) { return t('dms.error.' + context + '.' + slug); }
      if (slug && has('dms.error.' + slug)) { return t('dms.error.' + slug); }
    }
    return CCMS.problemText(result);
  }

  /** CCMS.api, but a session that ended meanwhile (401) goes back to the DMS sign-in at once. */
  function api(method, path, body) {
    return CCMS.api(method, path, body).then(function (result) {
      if (result.status === 401) {
        window.location.assign(SESSION.loginUrl + '&signedOut=expired');
        return new Promise(function () { /* the page is being left */ });
      }
      return result;
    });
  }

  /** el('td', {className: 'x', dataset: {id: 1}}, ['text', node]) — text always as text nodes. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (name) {
      var value = props[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'dataset') {
        Object.keys(value).forEach(function (key) { node.dataset[key] = value[key]; });
      } else if (name === 'text') {
        node.textContent = value;
      } else if (name === 'className' || name === 'id' || name === 'href' || name === 'type' || name === 'hidden') {
        node[name] = value;
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  function sameUser(a, b) {
    return !!a && !!b && String(a).toUpperCase() === String(b).toUpperCase();
  }

  function userUrl(userId) {
    return USER_PAGE + '?userId=' + encodeURIComponent(userId);
  }

  function userLink(userId) {
    return el('a', { href: userUrl(userId), text: userId });
  }

  /** Readiness as words in a badge (colour only repeats what the words say). */
  function readinessBadge(readiness) {
    var kind = readiness === 'ENROLLED' ? ' good' : readiness === 'NO_EMAIL' ? ' bad' : '';
    return el('span', { className: 'badge' + kind, dataset: { readiness: readiness || '' }, text: t('dms.readiness.' + readiness) });
  }

  function channelText(channel) {
    return channel ? t('dms.channel.' + channel) : t('dms.none');
  }

  function lockedText(user) {
    return user.locked ? t('dms.locked-until', { time: CCMS.hkTime(user.lockedUntil) }) : t('dms.no');
  }

  function kindText(request) {
    return t('dms.kind.' + request.kind, { email: request.newEmail || '' });
  }

  /** APPROVED, REJECTED or EXPIRED; a rejection by the maker is shown as withdrawn. */
  function requestStatus(request) {
    if (request.status === 'REJECTED' && sameUser(request.decidedBy, request.requestedBy)) { return 'WITHDRAWN'; }
    return request.status;
  }

  function requestStatusBadge(request) {
    var status = requestStatus(request);
    var kind = status === 'APPROVED' ? ' good' : status === 'REJECTED' ? ' bad' : '';
    return el('span', { className: 'badge' + kind, dataset: { status: status }, text: t('dms.request-status.' + status) });
  }

  /** The pending requests of the participant, newest first (at most one page of 100). */
  function pendingRequests() {
    return api('GET', '/api/v1/dms/requests?status=PENDING&page=0&size=' + MAX_PAGE);
  }

  var navCount = null;

  function setPendingCount(count) {
    if (!navCount) { return; }
    navCount.dataset.count = String(count);
    navCount.textContent = count > 0 ? t('dms.nav.pending-count', { count: count }) : '';
    navCount.hidden = !(count > 0);
  }

  /** The bar between Users and Requests, right under the page header. */
  function installNav(current) {
    var header = document.querySelector('.ccms-header');
    if (!header || document.getElementById('dms-nav')) { return; }
    var users = el('a', { id: 'nav-users', href: USERS_PAGE, 'data-i18n': 'dms.nav.users', text: t('dms.nav.users') });
    var requestsLabel = el('span', { 'data-i18n': 'dms.nav.requests', text: t('dms.nav.requests') });
    navCount = el('span', { id: 'nav-pending-count', className: 'badge', hidden: true });
    var requests = el('a', { id: 'nav-requests', href: REQUESTS_PAGE }, [requestsLabel, ' ', navCount]);
    if (current === 'users') { users.setAttribute('aria-current', 'page'); }
    if (current === 'user') { users.className = 'current'; }
    if (current === 'requests') { requests.setAttribute('aria-current', 'page'); }
    var nav = el('nav', { id: 'dms-nav', className: 'dms-nav', 'data-i18n-label': 'dms.nav.label', 'aria-label': t('dms.nav.label') },
      [el('ul', {}, [el('li', {}, users), el('li', {}, requests)])]);
    header.insertAdjacentElement('afterend', nav);
    document.addEventListener('ccms:language', function () {
      var count = Number(navCount.dataset.count || 0);
      setPendingCount(count);
    });
  }

  /**
   * Starts a signed-in DMS page: the bar, the session (a 401 goes to the DMS sign-in), and the
   * number of waiting requests in the bar. Resolves with the session {userId, participantId, ...}.
   */
  function start(current) {
    installNav(current);
    return CCMS.signedInPage(SESSION).then(function (session) {
      DMS.session = session;
      if (current !== 'requests') {
        // one call serves the bar and the page (users: the queue link; user: that user's requests)
        DMS.pending = pendingRequests();
        DMS.pending.then(function (result) {
          if (result.ok) { setPendingCount(result.body.totalItems); }
        });
      }
      return session;
    });
  }

  /** Runs fn once the page is parsed and ccms.js has translated it, then on every language switch. */
  function onLanguage(fn) {
    document.addEventListener('ccms:language', fn);
  }

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  function param(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  /** A message in a role=status or role=alert element; empty text hides it. */
  function say(element, text) {
    CCMS.showMessage(element, text);
  }

  window.DMS = {
    SESSION: SESSION,
    USERS_PAGE: USERS_PAGE,
    REQUESTS_PAGE: REQUESTS_PAGE,
    MAX_PAGE: MAX_PAGE,
    isUserId: function (value) { return USER_ID.test(value || ''); },
    session: null,
    /** After start(): the promise of the pending requests read for the bar (not on the requests page). */
    pending: null,
    start: start,
    api: api,
    problemText: problemText,
    el: el,
    clear: clear,
    sameUser: sameUser,
    userUrl: userUrl,
    userLink: userLink,
    readinessBadge: readinessBadge,
    channelText: channelText,
    lockedText: lockedText,
    kindText: kindText,
    requestStatus: requestStatus,
    requestStatusBadge: requestStatusBadge,
    pendingRequests: pendingRequests,
    setPendingCount: setPendingCount,
    onLanguage: onLanguage,
    ready: ready,
    param: param,
    say: say
  };
})();
