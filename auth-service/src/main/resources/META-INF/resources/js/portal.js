/*
 * Words and places shared by the participant pages of auth-service: the portal functions as the
 * clearing-house circular names them, and where each function's page is.
 */
(function () {
  'use strict';

  CCMS.addMessages({
    en: {
      'error.code-rejected': 'The one-time password is not correct. Attempts left: {remaining}.',
      'error.otp-delivery-unavailable': 'The one-time password could not be sent just now. Please try again in a moment.',
      'error.resend-refused': 'Please wait before asking for another one-time password.',
      'login.user-id': 'User ID',
      'login.password': 'Password',
      'login.continue': 'Continue',
      'login.code-expires': 'The one-time password expires in',
      'login.resend': 'Send a new one-time password',
      'home.title': 'CCMS and DMS access',
      'home.ccms': 'CCMS – Central Clearing and Settlement System terminal',
      'home.dms': 'DMS – Security Management Functions for Delegated Administrators',
      'home.setup': 'First time with two-factor authentication? Set it up',
      'ccms.landing.title': 'CCMS',
      'setup.first-time': 'Using two-factor authentication for the first time?',
      'setup.link': 'Set up your password and OTP channel',
      'entry.smartcard.ccms': 'Login with Smartcard – Online Functions and Overnight Report Download',
      'entry.otp.ONLINE_FUNCTIONS': 'Login with OTP – Online Functions',
      'entry.otp.OVERNIGHT_REPORT_DOWNLOAD': 'Login with OTP – Overnight Report Download',
      'entry.otp.SECURITY_MANAGEMENT': 'Login with OTP – Security Management Functions',
      'entry.otp.OPERATIONS_CONSOLE': 'Operator sign-in – Operations Console',
      'function.ONLINE_FUNCTIONS': 'Online Functions',
      'function.OVERNIGHT_REPORT_DOWNLOAD': 'Overnight Report Download',
      'function.SECURITY_MANAGEMENT': 'Security Management Functions',
      'function.OPERATIONS_CONSOLE': 'Operations Console',
      'smartcard.not-offered': 'Login with Smartcard is not offered at this site.'
    },
    'zh-Hant': {
      'error.code-rejected': '一次性密碼不正確。尚餘嘗試次數：{remaining}。',
      'error.otp-delivery-unavailable': '暫時未能發送一次性密碼，請稍後再試。',
      'error.resend-refused': '請稍候再要求新的一次性密碼。',
      'login.user-id': '使用者編號',
      'login.password': '密碼',
      'login.continue': '繼續',
      'login.code-expires': '一次性密碼將於以下時間後失效：',
      'login.resend': '發送新的一次性密碼',
      'home.title': 'CCMS 及 DMS 登入',
      'home.ccms': 'CCMS – 中央結算及交收系統終端機',
      'home.dms': 'DMS – 授權管理人士的保安管理功能',
      'home.setup': '首次使用雙重身份驗證？請先設定',
      'ccms.landing.title': 'CCMS',
      'setup.first-time': '首次使用雙重身份驗證？',
      'setup.link': '設定密碼及一次性密碼接收方式',
      'entry.smartcard.ccms': '以聰明卡登入 – 網上功能及隔夜報表下載',
      'entry.otp.ONLINE_FUNCTIONS': '以一次性密碼登入 – 網上功能',
      'entry.otp.OVERNIGHT_REPORT_DOWNLOAD': '以一次性密碼登入 – 隔夜報表下載',
      'entry.otp.SECURITY_MANAGEMENT': '以一次性密碼登入 – 保安管理功能',
      'entry.otp.OPERATIONS_CONSOLE': '操作員登入 – 操作控制台',
      'function.ONLINE_FUNCTIONS': '網上功能',
      'function.OVERNIGHT_REPORT_DOWNLOAD': '隔夜報表下載',
      'function.SECURITY_MANAGEMENT': '保安管理功能',
      'function.OPERATIONS_CONSOLE': '操作控制台',
      'smartcard.not-offered': '本網站不提供以聰明卡登入。'
    }
  });

  var FUNCTIONS = ['ONLINE_FUNCTIONS', 'OVERNIGHT_REPORT_DOWNLOAD', 'SECURITY_MANAGEMENT', 'OPERATIONS_CONSOLE'];

  window.CcmsPortal = {
    isFunction: function (name) { return FUNCTIONS.indexOf(name) >= 0; },
    /** Where a person lands once signed in to a function. */
    destination: function (fn, settings) {
      if (fn === 'SECURITY_MANAGEMENT') { return '/dms/users.html'; }
      if (fn === 'OPERATIONS_CONSOLE') { return settings.operationsConsoleUrl; }
      return '/ccms/function.html';
    },
    settings: function () {
      return CCMS.api('GET', '/api/v1/web/settings').then(function (result) {
        return result.ok ? result.body : { smartcardLoginUrl: null, operationsConsoleUrl: '/', idleTimeoutSeconds: 600 };
      });
    },
    loginUrl: function (fn) { return '/login.html?function=' + encodeURIComponent(fn); },
    /** CCMS.problemText, with the attempts left when a code was wrong. */
    problemText: function (result) {
      if (CCMS.problemSlug(result) === 'code-rejected') {
        return CCMS.t('error.code-rejected', { remaining: result.problem.remainingAttempts });
      }
      return CCMS.problemText(result);
    }
  };
})();
