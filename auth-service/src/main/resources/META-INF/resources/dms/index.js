/*
 * The DMS landing page: the two entries of the clearing house's circular. The smartcard entry
 * leads to this site's smartcard login (from /api/v1/web/settings); a site without one says so
 * instead of showing a link that cannot work.
 */
(function () {
  'use strict';

  CCMS.addMessages({
    en: {
      'dms.landing.title': 'DMS – Security Management Functions',
      'dms.landing.heading': 'DMS – Security Management Functions',
      'dms.landing.intro': 'For Delegated Administrators of clearing participants: register your users\' e-mail addresses and mobile numbers, unlock them, reset their two-factor authentication and approve other Delegated Administrators\' requests.',
      'dms.landing.smartcard': 'Login with Smartcard – Security Management Functions',
      'dms.landing.otp': 'Login with OTP – Security Management Functions',
      'dms.landing.smartcard-not-offered': 'Smartcard login is not offered at this site. Please use Login with OTP.',
      'dms.landing.first-time.heading': 'First time with two-factor authentication?',
      'dms.landing.first-time.text': 'Before your first Login with OTP, set up your password and OTP channel with the activation code sent to your registered e-mail address.',
      'dms.landing.first-time.link': 'Set up two-factor authentication'
    },
    'zh-Hant': {
      'dms.landing.title': 'DMS – 保安管理功能',
      'dms.landing.heading': 'DMS – 保安管理功能',
      'dms.landing.intro': '供結算參與者的授權管理人士使用：為 貴參與者的使用者登記電郵地址及手提電話號碼、解除鎖定、重設雙重身份驗證，以及批核其他授權管理人士的申請。',
      'dms.landing.smartcard': '以聰明卡登入 – 保安管理功能',
      'dms.landing.otp': '以一次性密碼登入 – 保安管理功能',
      'dms.landing.smartcard-not-offered': '此網站不提供聰明卡登入，請以一次性密碼登入。',
      'dms.landing.first-time.heading': '首次使用雙重身份驗證？',
      'dms.landing.first-time.text': '首次以一次性密碼登入前，請使用寄往您已登記電郵地址的啟動碼設定密碼及一次性密碼接收方式。',
      'dms.landing.first-time.link': '設定雙重身份驗證'
    }
  });

  function smartcardUrl(base) {
    return base + (base.indexOf('?') >= 0 ? '&' : '?') + 'function=SECURITY_MANAGEMENT';
  }

  DMS.ready(function () {
    var entry = document.getElementById('smartcard-entry');
    var link = document.getElementById('login-smartcard-dms');
    var notOffered = document.getElementById('smartcard-not-offered');
    CCMS.api('GET', '/api/v1/web/settings').then(function (result) {
      if (!result.ok) {
        CCMS.showMessage(document.getElementById('error'), CCMS.problemText(result));
        return;
      }
      var base = result.body && result.body.smartcardLoginUrl;
      if (base) {
        link.href = smartcardUrl(base);
        entry.hidden = false;
      } else {
        notOffered.hidden = false;
      }
    });
  });
})();
