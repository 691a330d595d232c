/*
 * Login with OTP for every function: User ID and password, then the one-time password sent to the
 * registered channel. The access token goes into the HttpOnly session cookie (tokenDelivery COOKIE);
 * this script never sees it.
 */
(function () {
  'use strict';

  CCMS.addMessages({
    en: {
      'login.title': 'Login with OTP',
      'login.code-sent': 'We sent a one-time password to',
      'login.code': 'One-time password',
      'login.sign-in': 'Sign in',
      'login.resend-in': 'You can ask for a new one in',
      'login.start-again': 'Start again',
      'login.unknown-function': 'This sign-in page was opened with an unknown function. Please start from the landing page.',
      'login.code-expired': 'The one-time password has expired. Send a new one or start again.',
      'login.code-resent': 'A new one-time password has been sent.',
      'error.login-failed': 'The user ID or password is not correct, or this account cannot sign in now. After several failed attempts the account is locked for a while.',
      'error.login-transaction-invalid': 'This sign-in has ended. Please start again with your user ID and password.',
      'error.function-not-permitted': 'This account cannot use this function.',
      'error.two-factor-not-initiated': 'Two-factor authentication is not set up for this account yet. Use the set-up link below first.',
      'error.otp-not-yet-available': 'Login with OTP is not open yet. Until then, please use Login with Smartcard.',
      'error.validation-failed': 'Please enter your user ID (letters and digits) and your password.'
    },
    'zh-Hant': {
      'login.title': '以一次性密碼登入',
      'login.code-sent': '一次性密碼已發送至',
      'login.code': '一次性密碼',
      'login.sign-in': '登入',
      'login.resend-in': '可於以下時間後要求新的密碼：',
      'login.start-again': '重新開始',
      'login.unknown-function': '此登入頁面的功能無法識別。請由首頁重新開始。',
      'login.code-expired': '一次性密碼已失效。請發送新的密碼或重新開始。',
      'login.code-resent': '新的一次性密碼已發送。',
      'error.login-failed': '使用者編號或密碼不正確，或此帳戶現時無法登入。多次失敗後帳戶將被暫時鎖定。',
      'error.login-transaction-invalid': '此登入程序已結束。請以使用者編號及密碼重新開始。',
      'error.function-not-permitted': '此帳戶不能使用此功能。',
      'error.two-factor-not-initiated': '此帳戶尚未設定雙重身份驗證。請先使用下方的設定連結。',
      'error.otp-not-yet-available': '以一次性密碼登入尚未開放。在此之前，請以聰明卡登入。',
      'error.validation-failed': '請輸入使用者編號（字母及數字）及密碼。'
    }
  });

  var fn = new URLSearchParams(window.location.search).get('function');
  var error = document.getElementById('error');
  var passwordForm = document.getElementById('password-form');
  var codeForm = document.getElementById('code-form');
  var transactionId = null;
  var stopExpiry = null;
  var stopResend = null;
  var settings = null;

  function title() {
    document.getElementById('login-title').textContent =
      CcmsPortal.isFunction(fn) ? CCMS.t('entry.otp.' + fn) : CCMS.t('login.title');
  }

  function fail(result) {
    CCMS.showMessage(error, CcmsPortal.problemText(result));
  }

  function codeSent(sent) {
    transactionId = sent.transactionId || transactionId;
    document.getElementById('masked-destination').textContent = sent.maskedDestination;
    document.getElementById('code').maxLength = sent.codeLength || 10;
    if (stopExpiry) { stopExpiry(); }
    var expiry = document.getElementById('code-expiry');
    stopExpiry = CCMS.countdown(new Date(sent.expiresAt).getTime(), function (left) {
      expiry.textContent = CCMS.minutesSeconds(left);
    }, function () { CCMS.showMessage(error, CCMS.t('login.code-expired')); });
    waitToResend(new Date(sent.resendAvailableAt).getTime());
  }

  function waitToResend(untilMillis) {
    var resend = document.getElementById('resend');
    var wait = document.getElementById('resend-wait');
    var shown = document.getElementById('resend-countdown');
    resend.disabled = true;
    wait.hidden = false;
    if (stopResend) { stopResend(); }
    stopResend = CCMS.countdown(untilMillis, function (left) {
      shown.textContent = CCMS.minutesSeconds(left);
    }, function () {
      resend.disabled = false;
      wait.hidden = true;
    });
  }

  function startAgain() {
    transactionId = null;
    if (stopExpiry) { stopExpiry(); }
    if (stopResend) { stopResend(); }
    codeForm.hidden = true;
    passwordForm.hidden = false;
    document.getElementById('password').value = '';
    document.getElementById('code').value = '';
    document.getElementById('userId').focus();
  }

  passwordForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('password-submit');
    var userId = document.getElementById('userId').value.trim().toUpperCase();
    var password = document.getElementById('password').value;
    if (!userId || !password) {
      CCMS.showMessage(error, CCMS.t('error.validation-failed'));
      return;
    }
    CCMS.showMessage(error, '');
    CCMS.busy(button, true);
    CCMS.api('POST', '/api/v1/login/password', { userId: userId, password: password, function: fn }).then(function (result) {
      CCMS.busy(button, false);
      if (!result.ok) {
        fail(result);
        return;
      }
      document.getElementById('password').value = '';
      passwordForm.hidden = true;
      codeForm.hidden = false;
      codeSent(result.body);
      document.getElementById('code').focus();
    });
  });

  codeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('code-submit');
    var code = document.getElementById('code').value.trim();
    if (!/^[0-9]{6,10}$/.test(code)) {
      CCMS.showMessage(error, CCMS.t('error.code-rejected', { remaining: '–' }));
      return;
    }
    CCMS.showMessage(error, '');
    CCMS.busy(button, true);
    CCMS.api('POST', '/api/v1/login/code', { transactionId: transactionId, code: code, tokenDelivery: 'COOKIE' }).then(function (result) {
      if (result.ok) {
        window.location.assign(CcmsPortal.destination(fn, settings));
        return;
      }
      CCMS.busy(button, false);
      document.getElementById('code').value = '';
      fail(result);
      if (['login-transaction-invalid', 'login-failed'].indexOf(CCMS.problemSlug(result)) >= 0) { startAgain(); }
    });
  });

  document.getElementById('resend').addEventListener('click', function () {
    var button = document.getElementById('resend');
    CCMS.busy(button, true);
    CCMS.api('POST', '/api/v1/login/code/resend', { transactionId: transactionId }).then(function (result) {
      CCMS.busy(button, false);
      if (result.ok) {
        codeSent(result.body);
        CCMS.showMessage(error, '');
        CCMS.showMessage(document.getElementById('resend-status'), CCMS.t('login.code-resent'));
        return;
      }
      fail(result);
      if (result.retryAfter) { waitToResend(Date.now() + result.retryAfter * 1000); }
      if (CCMS.problemSlug(result) === 'login-transaction-invalid') { startAgain(); }
    });
  });

  document.getElementById('start-again').addEventListener('click', function (event) {
    event.preventDefault();
    CCMS.showMessage(error, '');
    startAgain();
  });

  document.addEventListener('ccms:language', title);
  CCMS.signedOutNotice(document.getElementById('signed-out'));
  if (!CcmsPortal.isFunction(fn)) {
    passwordForm.hidden = true;
    CCMS.showMessage(error, CCMS.t('login.unknown-function'));
  }
  CcmsPortal.settings().then(function (loaded) { settings = loaded; });
})();
