/*
 * One user of the DA's participant: the details, and what a DA may do — register or change the
 * e-mail address and the mobile number, unlock, reset 2FA. E-mail changes and 2FA resets usually
 * wait for a second DA (202); the page says so and links to the queue instead of pretending the
 * change is done.
 */
(function () {
  'use strict';

  // The rules auth-service applies (rest/InputPatterns), checked here first so a typo is explained
  // next to the field; the server still decides.
  var EMAIL = /^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  var EMAIL_MAX = 254;
  var E164 = /^\+[1-9][0-9]{7,14}$/;

  CCMS.addMessages({
    en: {
      'dms.user.title': 'User – DMS',
      'dms.user.back': '← Back to users',
      'dms.user.heading': 'User',
      'dms.user.heading-user': 'User {user}',
      'dms.user.details.heading': 'Details',
      'dms.user.field.userId': 'User ID',
      'dms.user.field.displayName': 'Name',
      'dms.user.field.type': 'Type',
      'dms.user.field.status': 'Status',
      'dms.user.field.readiness': '2FA readiness',
      'dms.user.field.email': 'E-mail address',
      'dms.user.field.mobile': 'Mobile number',
      'dms.user.field.otpChannel': 'OTP channel',
      'dms.user.field.locked': 'Locked',
      'dms.user.pending.heading': 'Waiting for a second Delegated Administrator:',
      'dms.user.pending.item': '{what} – requested by {by} at {time}, expires {expires}',
      'dms.user.self': 'This is your own account. Delegated Administrators cannot administer their own account; ask another Delegated Administrator of your participant.',
      'dms.user.bad-id': 'This address does not name a user. Go back to the users list and choose a user.',
      'dms.user.email.heading': 'Register or change the e-mail address',
      'dms.user.email.label': 'New e-mail address',
      'dms.user.email.hint': 'The activation code for setting up 2FA, and e-mail one-time passwords, go to this address. If your participant uses maker–checker, a second Delegated Administrator must approve the change. The user is told at the old and the new address.',
      'dms.user.email.submit': 'Submit e-mail address',
      'dms.user.mobile.heading': 'Register or change the mobile number',
      'dms.user.mobile.label': 'New mobile number',
      'dms.user.mobile.placeholder': '+85291234567',
      'dms.user.mobile.hint': 'International (E.164) form: +, the country or region code and the number, no spaces – e.g. +85291234567 for Hong Kong.',
      'dms.user.mobile.otp-note': 'This user receives one-time passwords by SMS on the registered mobile number; only the user can change that number. Reset the user\'s 2FA if the user can no longer use it.',
      'dms.user.mobile.submit': 'Submit mobile number',
      'dms.user.unlock.heading': 'Locked account',
      'dms.user.unlock.text': 'This user is locked after too many failed attempts until {time}.',
      'dms.user.unlock.submit': 'Unlock',
      'dms.user.reset.heading': 'Reset two-factor authentication',
      'dms.user.reset.text': 'For a user who lost access to the OTP channel or forgot the password. The password, the OTP channel and all the user\'s sessions are cleared; the user then sets up 2FA again with an activation code sent to the registered e-mail address.',
      'dms.user.reset.submit': 'Reset 2FA…',
      'dms.user.reset.confirm.title': 'Reset 2FA for {user}?',
      'dms.user.reset.confirm.text': 'The password and the OTP channel of {user} will be cleared and all of the user\'s sessions ended. The user must set up 2FA again before signing in.',
      'dms.user.reset.confirm.maker-checker': 'If your participant uses maker–checker, this happens when a second Delegated Administrator approves it.',
      'dms.user.reset.confirm.ok': 'Reset 2FA',
      'dms.user.reset.confirm.cancel': 'Cancel',
      'dms.user.result.email-pending': 'The e-mail change for {user} is waiting for a second Delegated Administrator to approve it (until {time}).',
      'dms.user.result.email-applied': 'Done: the e-mail address of {user} is now {email}.',
      'dms.user.result.mobile-applied': 'Done: the mobile number of {user} is now {mobile}.',
      'dms.user.result.unlocked': 'Done: {user} is unlocked.',
      'dms.user.result.reset-pending': 'The 2FA reset for {user} is waiting for a second Delegated Administrator to approve it (until {time}).',
      'dms.user.result.reset-applied': 'Done: the 2FA of {user} is reset. The password, OTP channel and sessions are cleared; the user can now set up 2FA again.'
    },
    'zh-Hant': {
      'dms.user.title': '使用者 – DMS',
      'dms.user.back': '← 返回使用者列表',
      'dms.user.heading': '使用者',
      'dms.user.heading-user': '使用者 {user}',
      'dms.user.details.heading': '資料',
      'dms.user.field.userId': '使用者編號',
      'dms.user.field.displayName': '名稱',
      'dms.user.field.type': '類別',
      'dms.user.field.status': '狀態',
      'dms.user.field.readiness': '雙重身份驗證準備狀況',
      'dms.user.field.email': '電郵地址',
      'dms.user.field.mobile': '手提電話號碼',
      'dms.user.field.otpChannel': '一次性密碼接收方式',
      'dms.user.field.locked': '鎖定',
      'dms.user.pending.heading': '等待另一位授權管理人士批核：',
      'dms.user.pending.item': '{what} – 由 {by} 於 {time} 提出，於 {expires} 過期',
      'dms.user.self': '這是您自己的帳戶。授權管理人士不能管理自己的帳戶；請聯絡 貴參與者的另一位授權管理人士。',
      'dms.user.bad-id': '此網址並未指明使用者。請返回使用者列表並選擇使用者。',
      'dms.user.email.heading': '登記或更改電郵地址',
      'dms.user.email.label': '新電郵地址',
      'dms.user.email.hint': '設定雙重身份驗證的啟動碼及以電郵發送的一次性密碼會寄往此地址。如 貴參與者採用雙人覆核，更改須由另一位授權管理人士批准。系統會通知使用者的新舊電郵地址。',
      'dms.user.email.submit': '提交電郵地址',
      'dms.user.mobile.heading': '登記或更改手提電話號碼',
      'dms.user.mobile.label': '新手提電話號碼',
      'dms.user.mobile.placeholder': '+85291234567',
      'dms.user.mobile.hint': '國際（E.164）格式：+、國家或地區編號及號碼，不含空格 – 例如香港號碼 +85291234567。',
      'dms.user.mobile.otp-note': '此使用者以短訊在已登記的手提電話號碼接收一次性密碼，只有使用者本人可以更改該號碼。如使用者已無法使用該號碼，請重設其雙重身份驗證。',
      'dms.user.mobile.submit': '提交手提電話號碼',
      'dms.user.unlock.heading': '帳戶已鎖定',
      'dms.user.unlock.text': '此使用者因多次嘗試失敗而被鎖定，直至 {time}。',
      'dms.user.unlock.submit': '解除鎖定',
      'dms.user.reset.heading': '重設雙重身份驗證',
      'dms.user.reset.text': '適用於無法再使用一次性密碼接收方式或忘記密碼的使用者。使用者的密碼、一次性密碼接收方式及所有工作階段將被清除；其後使用者須以寄往已登記電郵地址的啟動碼重新設定雙重身份驗證。',
      'dms.user.reset.submit': '重設雙重身份驗證…',
      'dms.user.reset.confirm.title': '重設 {user} 的雙重身份驗證？',
      'dms.user.reset.confirm.text': '{user} 的密碼及一次性密碼接收方式將被清除，其所有工作階段亦會結束。使用者須重新設定雙重身份驗證才能登入。',
      'dms.user.reset.confirm.maker-checker': '如 貴參與者採用雙人覆核，此操作須待另一位授權管理人士批准後才會生效。',
      'dms.user.reset.confirm.ok': '重設雙重身份驗證',
      'dms.user.reset.confirm.cancel': '取消',
      'dms.user.result.email-pending': '{user} 的電郵地址更改正等待另一位授權管理人士批准（直至 {time}）。',
      'dms.user.result.email-applied': '已完成：{user} 的電郵地址現為 {email}。',
      'dms.user.result.mobile-applied': '已完成：{user} 的手提電話號碼現為 {mobile}。',
      'dms.user.result.unlocked': '已完成：{user} 已解除鎖定。',
      'dms.user.result.reset-pending': '{user} 的雙重身份驗證重設正等待另一位授權管理人士批准（直至 {time}）。',
      'dms.user.result.reset-applied': '已完成：{user} 的雙重身份驗證已重設。密碼、一次性密碼接收方式及工作階段已被清除；使用者現可重新設定雙重身份驗證。'
    }
  });

  var t = CCMS.t;
  var el = DMS.el;
  var userId = DMS.param('userId');
  var user = null;
  var pending = [];
  /** The last outcome, kept as a function so a language switch can say it again in the other language. */
  var lastResult = null;
  var lastError = null;

  function byId(id) { return document.getElementById(id); }

  /* ---- messages ---- */

  function renderMessages() {
    var box = byId('action-result');
    var link = byId('action-result-link');
    var result = lastResult ? lastResult() : null;
    byId('action-result-text').textContent = result ? result.text : '';
    link.hidden = !(result && result.link);
    box.hidden = !result;
    DMS.say(byId('error'), lastError ? lastError() : '');
  }

  function showResult(textFn, withLink) {
    lastError = null;
    lastResult = function () { return { text: textFn(), link: withLink }; };
    renderMessages();
  }

  function showError(textFn) {
    lastResult = null;
    lastError = textFn;
    renderMessages();
  }

  function clearMessages() {
    lastResult = null;
    lastError = null;
    renderMessages();
  }

  /* ---- the user ---- */

  function fact(field, value) {
    return [
      el('dt', { text: t('dms.user.field.' + field) }),
      el('dd', { id: 'detail-' + field }, value)
    ];
  }

  function renderUser() {
    if (!user) { return; }
    byId('user-heading').removeAttribute('data-i18n');
    byId('user-heading').textContent = t('dms.user.heading-user', { user: user.userId });
    var details = DMS.clear(byId('user-details'));
    [].concat(
      fact('userId', user.userId),
      fact('displayName', user.displayName || ''),
      fact('type', t('dms.type.' + user.type)),
      fact('status', t('dms.status.' + user.status)),
      fact('readiness', DMS.readinessBadge(user.readiness)),
      fact('email', user.email || t('dms.not-registered')),
      fact('mobile', user.mobile || t('dms.not-registered')),
      fact('otpChannel', DMS.channelText(user.otpChannel)),
      fact('locked', DMS.lockedText(user))
    ).forEach(function (node) { details.appendChild(node); });
    byId('user-card').hidden = false;
    byId('user-actions').hidden = false;
    byId('unlock-section').hidden = !user.locked;
    byId('unlock-text').textContent = user.locked ? t('dms.user.unlock.text', { time: CCMS.hkTime(user.lockedUntil) }) : '';
    byId('mobile-otp-note').hidden = !(user.readiness === 'ENROLLED' && user.otpChannel === 'SMS');
    renderPending();
  }

  function renderPending() {
    var box = byId('user-pending');
    var list = DMS.clear(byId('user-pending-list'));
    pending.forEach(function (request) {
      list.appendChild(el('li', { dataset: { requestId: String(request.id) } }, t('dms.user.pending.item', {
        what: DMS.kindText(request),
        by: request.requestedBy,
        time: CCMS.hkTime(request.requestedAt),
        expires: CCMS.hkTime(request.expiresAt)
      })));
    });
    box.hidden = pending.length === 0;
  }

  function loadUser() {
    return DMS.api('GET', '/api/v1/dms/users/' + encodeURIComponent(userId)).then(function (result) {
      if (!result.ok) {
        byId('user-card').hidden = true;
        byId('user-actions').hidden = true;
        showError(function () { return DMS.problemText(result); });
        return;
      }
      user = result.body;
      renderUser();
    });
  }

  function takePending(result) {
    if (!result.ok) { return; }
    pending = result.body.items.filter(function (request) { return DMS.sameUser(request.userId, userId); });
    renderPending();
  }

  function reloadPending() {
    return DMS.pendingRequests().then(function (result) {
      if (result.ok) { DMS.setPendingCount(result.body.totalItems); }
      takePending(result);
    });
  }

  /* ---- actions ---- */

  function userPath(suffix) {
    return '/api/v1/dms/users/' + encodeURIComponent(userId) + suffix;
  }

  /** Errors that mean the page shows an old state: read it again so what the DA sees is true. */
  function afterFailure(result) {
    var slug = CCMS.problemSlug(result);
    if (slug === 'account-changed') { loadUser(); }
    if (slug === 'request-pending') { reloadPending(); }
  }

  function invalid(input, context) {
    input.setAttribute('aria-invalid', 'true');
    showError(function () { return t('dms.error.' + context + '.validation-failed'); });
    input.focus();
  }

  function call(button, method, path, body, context, onSuccess) {
    clearMessages();
    CCMS.busy(button, true);
    return DMS.api(method, path, body).then(function (result) {
      CCMS.busy(button, false);
      if (!result.ok) {
        showError(function () { return DMS.problemText(result, context); });
        afterFailure(result);
        return;
      }
      onSuccess(result);
    });
  }

  /** An Outcome: 202 waits for a second DA (body.request), 200 took effect (body.user). */
  function outcome(result, pendingKey, appliedText) {
    if (result.status === 202 && result.body && result.body.request) {
      var request = result.body.request;
      showResult(function () { return t(pendingKey, { user: userId, time: CCMS.hkTime(request.expiresAt) }); }, true);
      reloadPending();
      return;
    }
    if (result.body && result.body.user) {
      user = result.body.user;
      renderUser();
    } else {
      loadUser();
    }
    showResult(appliedText, false);
  }

  function submitEmail(event) {
    event.preventDefault();
    var input = byId('email');
    var email = input.value.trim();
    if (!email || email.length > EMAIL_MAX || !EMAIL.test(email)) {
      invalid(input, 'email');
      return;
    }
    input.removeAttribute('aria-invalid');
    call(byId('email-submit'), 'PUT', userPath('/email'), { email: email }, 'email', function (result) {
      input.value = '';
      outcome(result, 'dms.user.result.email-pending', function () {
        return t('dms.user.result.email-applied', { user: userId, email: email });
      });
    });
  }

  function submitMobile(event) {
    event.preventDefault();
    var input = byId('mobile');
    // people write numbers with spaces, dashes or brackets; E.164 has none
    var mobile = input.value.replace(/[\s\-().]/g, '');
    input.value = mobile;
    if (!E164.test(mobile)) {
      invalid(input, 'mobile');
      return;
    }
    input.removeAttribute('aria-invalid');
    call(byId('mobile-submit'), 'PUT', userPath('/mobile'), { mobile: mobile }, 'mobile', function (result) {
      input.value = '';
      user = result.body;
      renderUser();
      showResult(function () { return t('dms.user.result.mobile-applied', { user: userId, mobile: mobile }); }, false);
    });
  }

  function unlock() {
    call(byId('unlock'), 'POST', userPath('/unlock'), undefined, 'unlock', function (result) {
      user = result.body;
      renderUser();
      showResult(function () { return t('dms.user.result.unlocked', { user: userId }); }, false);
      byId('reset-2fa').focus(); // the Unlock button has just disappeared
    });
  }

  function renderDialog() {
    byId('confirm-title').textContent = t('dms.user.reset.confirm.title', { user: userId || '' });
    byId('confirm-text').textContent = t('dms.user.reset.confirm.text', { user: userId || '' });
  }

  function openResetDialog() {
    renderDialog();
    byId('confirm-dialog').showModal();
    byId('cancel-action').focus(); // the safe choice has the focus
  }

  function confirmReset() {
    var dialog = byId('confirm-dialog');
    call(byId('confirm-action'), 'POST', userPath('/two-factor-reset'), undefined, 'reset', function (result) {
      outcome(result, 'dms.user.result.reset-pending', function () {
        return t('dms.user.result.reset-applied', { user: userId });
      });
    }).then(function () {
      dialog.close();
    });
  }

  function wire() {
    byId('email-form').addEventListener('submit', submitEmail);
    byId('mobile-form').addEventListener('submit', submitMobile);
    byId('unlock').addEventListener('click', unlock);
    byId('reset-2fa').addEventListener('click', openResetDialog);
    byId('confirm-action').addEventListener('click', confirmReset);
    byId('cancel-action').addEventListener('click', function () { byId('confirm-dialog').close(); });
    byId('confirm-dialog').addEventListener('close', function () { byId('reset-2fa').focus(); });
  }

  DMS.onLanguage(function () {
    renderUser();
    renderDialog();
    renderMessages();
  });

  DMS.ready(function () {
    wire();
    DMS.start('user').then(function (session) {
      if (!DMS.isUserId(userId)) {
        showError(function () { return t('dms.user.bad-id'); });
        return;
      }
      if (DMS.sameUser(userId, session.userId)) {
        // auth-service refuses a DA its own account (self-administration); say so without asking
        byId('self-note').hidden = false;
        return;
      }
      loadUser();
      DMS.pending.then(takePending);
    });
  });
})();
