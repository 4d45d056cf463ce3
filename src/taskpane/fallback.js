/*
 * Teknisk beregningsark: the message the task pane shows when it cannot start.
 *
 * Loaded before Office.js and the bundle, and written in ES5 so that every webview parses it,
 * also Internet Explorer 11 ("Trident") and the old Edge ("EdgeHTML") that Excel 2016/2019 and
 * old Microsoft 365 builds use. It shows a Danish message, saying which Excel is needed, when:
 *   - the webview is one of those two (the bundle is ES2018 and would not parse);
 *   - the webview has no BigInt, which the calculations need (exact fractions): Safari before 14,
 *     which a Mac on macOS 10.14/10.15 without Safari's updates still has, and Excel for Mac
 *     16.50–16.66 (ExcelApi 1.13+) runs there; the pane shows in the system's WKWebView;
 *   - Office.js cannot be loaded (no network, blocked), or the bundle fails before it shows anything;
 *   - nothing has appeared in the pane after a few seconds (the page opened outside Excel offline).
 * Once the pane has drawn anything, this script does nothing more. test/browser/fallback.browser.ts
 * checks it in Chromium; test/excelBuild.test.ts checks that it parses as ES5.
 */
/* global window, document, navigator */
(function () {
  'use strict';

  var WAIT_MS = 3000;
  var REQUIREMENTS =
    'Teknisk beregningsark kræver Excel til Microsoft 365 (version 2102 eller nyere) eller Excel 2021/2024 på Windows, ' +
    'Excel til Mac 16.50 eller nyere, eller Excel på internettet i en opdateret browser.';
  var shown = false;

  function rootElement() {
    return document.getElementById('root');
  }

  /** True once the bundle has drawn something in the pane. */
  function paneStarted() {
    var root = rootElement();
    return !!root && root.children.length > 0 && !root.getAttribute('data-fallback');
  }

  function paragraph(text) {
    var p = document.createElement('p');
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.setAttribute('href', href);
    a.setAttribute('target', '_blank');
    a.appendChild(document.createTextNode(text));
    return a;
  }

  function show(reason, lines) {
    if (shown || paneStarted()) return;
    var root = rootElement();
    if (!root) return;
    shown = true;
    while (root.firstChild) root.removeChild(root.firstChild);
    root.setAttribute('data-fallback', reason);
    var box = document.createElement('div');
    box.className = 'tb-fallback';
    box.setAttribute('role', 'alert');
    var title = document.createElement('h1');
    title.appendChild(document.createTextNode('Teknisk beregningsark kan ikke starte her'));
    box.appendChild(title);
    for (var i = 0; i < lines.length; i++) box.appendChild(paragraph(lines[i]));
    box.appendChild(paragraph(REQUIREMENTS));
    var help = paragraph('Læs mere og få hjælp: ');
    help.appendChild(link('support.html', 'Hjælp til Teknisk beregningsark'));
    box.appendChild(help);
    root.appendChild(box);
  }

  function oldWebview() {
    var ua = navigator.userAgent || '';
    return ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1 || ua.indexOf('Edge/') !== -1;
  }

  function bigIntMissing() {
    return typeof window.BigInt !== 'function';
  }

  function officeMissing() {
    return typeof window.Office === 'undefined';
  }

  function explain(reason) {
    if (reason === 'old-webview') {
      show(reason, [
        'Denne udgave af Excel viser tilføjelsesprogrammer i en forældet browserkomponent (Internet Explorer eller den gamle Edge), ' +
          'som ruden ikke kan køre i.',
        'Bed jeres it-support om at opdatere Office eller installere Microsoft Edge WebView2.',
      ]);
    } else if (reason === 'no-bigint') {
      show(reason, [
        'Ruden vises med en for gammel udgave af Safari: beregningerne regner med præcise brøker (BigInt), ' +
          'som kræver Safari 14 eller nyere.',
        'På Mac: installér de seneste opdateringer af macOS og Safari (Apple-menuen › Softwareopdatering), og åbn ruden igen. ' +
          'På iPad: opdatér iPadOS. I Excel på internettet: brug en opdateret browser.',
      ]);
    } else if (officeMissing()) {
      show('office-js', [
        'Office.js, Microsofts bibliotek der lader ruden tale med Excel, kunne ikke hentes. ' +
          'Tjek netværksforbindelsen, og åbn ruden igen fra Startside › Teknisk beregningsark i Excel.',
        'Er siden åbnet i en almindelig browser, virker den ikke: ruden skal åbnes inde fra Excel.',
      ]);
    } else {
      show(reason, ['Ruden kunne ikke starte i denne udgave af Excel. Luk ruden, og åbn den igen; hjælper det ikke, er Excel sandsynligvis for gammel.']);
    }
  }

  /** As soon as the pane's element exists: before the bundle has been parsed, which can take a while. */
  function whenReady(callback) {
    if (rootElement()) {
      callback();
      return;
    }
    var tries = 0;
    var poll = window.setInterval(function () {
      tries++;
      if (rootElement() || tries > 500) {
        window.clearInterval(poll);
        callback();
      }
    }, 20);
  }

  if (oldWebview()) {
    whenReady(function () {
      explain('old-webview');
    });
    return;
  }

  if (bigIntMissing()) {
    whenReady(function () {
      explain('no-bigint');
    });
    return;
  }

  // A script that fails to load (Office.js offline) or to run (the bundle) before the pane is drawn.
  window.addEventListener(
    'error',
    function (event) {
      var target = event && event.target;
      if (target && target !== window && target.tagName !== 'SCRIPT') return;
      whenReady(function () {
        if (!paneStarted()) explain('script-error');
      });
    },
    true
  );

  whenReady(function () {
    window.setTimeout(function () {
      if (!paneStarted()) explain('timeout');
    }, WAIT_MS);
  });
})();
