// Passkeys (WebAuthn) for two kinds of form:
//   form[data-passkey-create="options url"]  adds a passkey to the signed-in person's account;
//   form[data-passkey-request="options url"] signs in with a passkey.
// The script asks the portal for the options, lets the browser make or use the passkey, puts the
// browser's answer into the form's [data-passkey-credential] field and submits the form; the portal
// checks the answer. Without JavaScript the form submits with no answer and the portal explains why.
(function () {
  'use strict';

  var supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

  function say(form, text) {
    var status = form.querySelector('[data-passkey-status]');
    if (status) {
      status.textContent = text;
    }
  }

  function options(form, url) {
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', RequestVerificationToken: token ? token.value : '' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('options ' + response.status);
      }
      return response.text();
    });
  }

  function explain(form, error) {
    if (error && error.name === 'NotAllowedError') {
      say(form, 'No passkey was used. Try again when you are ready.');
    } else if (error && error.name === 'InvalidStateError') {
      say(form, 'This device already has a passkey for your account.');
    } else {
      say(form, 'Something went wrong with the passkey. Try again, or use another way to sign in.');
    }
  }

  function attach(form, create) {
    var url = form.getAttribute(create ? 'data-passkey-create' : 'data-passkey-request');
    var field = form.querySelector('[data-passkey-credential]');
    var busy = false;
    form.addEventListener('submit', function (event) {
      var name = form.querySelector('[data-passkey-name]');
      if (field.value || (name && !name.value.trim())) {
        return;
      }
      event.preventDefault();
      if (!supported) {
        say(form, 'This browser cannot use passkeys. Try another browser, or use another way to sign in.');
        return;
      }
      if (busy) {
        return;
      }
      busy = true;
      say(form, create ? 'Follow your browser’s steps to create the passkey…' : 'Follow your browser’s steps to use your passkey…');
      options(form, url)
        .then(function (json) {
          var parsed = JSON.parse(json);
          return create
            ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(parsed) })
            : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(parsed) });
        })
        .then(function (credential) {
          field.value = JSON.stringify(credential);
          form.submit();
        })
        .catch(function (error) {
          busy = false;
          explain(form, error);
        });
    });
  }

  document.querySelectorAll('form[data-passkey-create]').forEach(function (form) { attach(form, true); });
  document.querySelectorAll('form[data-passkey-request]').forEach(function (form) { attach(form, false); });
}());
