import type { BrowserContext, ConsoleMessage } from 'playwright-core';

/** What a guarded context saw that a page of this site must never do. */
export interface GuardReport {
  /** securitypolicyviolation events: directive, blocked URL, where. */
  violations: string[];
  /** Console messages (page and workers) about the Content-Security-Policy. */
  cspConsole: string[];
  /** alert / confirm / prompt: hostile input that ran. */
  dialogs: string[];
  /** navigator.sendBeacon, WebSocket, EventSource, RTCPeerConnection: ways out other than requests. */
  channels: string[];
  /** Every request of the context (pages and workers), by URL. */
  requests: string[];
  /** Uncaught errors, from any page of the context. */
  errors: string[];
  /** Requests to any origin but the site's own (data: and blob: stay in the page). */
  foreign: () => string[];
}

/** Runs in every document before its own scripts (an init script, which the CSP does not govern). */
function instrument() {
  const report = (kind: string, detail: string) =>
    void (window as unknown as { __ksReport: (kind: string, detail: string) => Promise<void> }).__ksReport(
      kind,
      detail,
    );
  document.addEventListener('securitypolicyviolation', (event) => {
    report(
      'violations',
      `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
    );
  });
  // Recorded and refused: nothing may leave through them, and the test fails if one is tried.
  const refuse = (name: string) =>
    function (url: unknown) {
      report('channels', `${name} ${String(url)}`);
      throw new DOMException(`${name} is not allowed in tests`, 'SecurityError');
    };
  Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: refuse('sendBeacon') });
  for (const name of ['WebSocket', 'EventSource', 'RTCPeerConnection', 'webkitRTCPeerConnection']) {
    if (name in window) Object.defineProperty(window, name, { value: refuse(name), configurable: true });
  }
}

const CSP_MESSAGE = /content.security.policy/i;

/**
 * Instruments a context before its first page opens: CSP violations (events and console),
 * dialogs, beacons and sockets, every request. Use as openPage's `setup`.
 */
export async function guard(context: BrowserContext, origin: string): Promise<GuardReport> {
  const result: GuardReport = {
    violations: [],
    cspConsole: [],
    dialogs: [],
    channels: [],
    requests: [],
    errors: [],
    foreign: () =>
      result.requests.filter(
        (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
  };
  await context.exposeBinding('__ksReport', (_source, kind: 'violations' | 'channels', detail: string) => {
    result[kind].push(detail);
  });
  await context.addInitScript(instrument);
  const onConsole = (message: ConsoleMessage) => {
    if (CSP_MESSAGE.test(message.text())) result.cspConsole.push(message.text());
  };
  context.on('console', onConsole);
  context.on('request', (request) => result.requests.push(request.url()));
  context.on('weberror', (error) => result.errors.push(String(error.error())));
  context.on('dialog', (dialog) => {
    result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('page', (page) => {
    page.on('worker', (worker) => worker.on('console', onConsole));
  });
  return result;
}

/** The hostile strings every text field must show as text and never run. */
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  'javascript:alert(3)',
  '"><svg onload=alert(4)>',
] as const;
export const HOSTILE_TEXT = HOSTILE.join(' ');

/** Elements the hostile strings would create if they ever reached the page as markup. */
export const HOSTILE_ELEMENTS = 'img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"]';
