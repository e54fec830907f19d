// Reading / watching credit for one opened item.
//
// The server measures credit itself (it only counts progress that real time allows, see
// docs/features/content.md), so the client's job is small: open a read session when the page is
// shown, report the current position every `reportEverySeconds` while the page is visible, and
// stop when it is hidden. A page in the background never reports: time spent elsewhere must not
// count as reading. Credit is best effort: every failure is silent (no toast) and simply retried
// at the next tick, because a resident reading offline should not be bothered about points.

const content = require('../api/content');

const DEFAULT_REPORT_EVERY_SECONDS = 15;

/**
 * options: contentId, shareToken (from a share link; attributes the open to the sharer),
 * position: () => number | Promise<number> (seconds into the item: media time, or how far
 * through the article the resident has scrolled, in the article's reading seconds).
 */
function createReadTracker(options) {
  const { contentId, position } = options;
  let shareToken = options.shareToken || null;
  let session = null; // SessionView from the server
  let visible = false;
  let timer = null;
  let busy = false; // a start or report is in flight: never overlap two
  let destroyed = false;

  function stopTimer() {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  function startTimer() {
    if (timer || destroyed || (session && session.completed)) return;
    const every = (session && session.reportEverySeconds) || DEFAULT_REPORT_EVERY_SECONDS;
    timer = setInterval(tick, every * 1000);
  }

  async function open() {
    try {
      session = await content.startRead(contentId, shareToken, { silent: true });
    } catch (err) {
      if (err.code === 'SHARE_TOKEN_INVALID' && shareToken) {
        // A stale or mistyped share link still lets the resident read; only attribution is lost.
        shareToken = null;
        await open();
        return;
      }
      session = null; // best effort: tried again at the next tick
      return;
    }
    if (session && session.completed) stopTimer();
    else if (visible && timer && session && session.reportEverySeconds !== DEFAULT_REPORT_EVERY_SECONDS) {
      // Follow the server's cadence when it differs from our default.
      stopTimer();
      startTimer();
    }
  }

  async function report() {
    const pos = await position();
    // The page may have been hidden while the position was measured.
    if (!visible || destroyed || !session) return;
    try {
      const view = await content.reportProgress(session.sessionId, Math.max(0, Math.floor(Number(pos) || 0)), { silent: true });
      session = Object.assign({}, session, view);
      if (session.completed) stopTimer();
    } catch (err) {
      if (err.code === 'READ_SESSION_EXPIRED' || err.code === 'READ_SESSION_NOT_FOUND') {
        session = null; // open a fresh session next time
      }
      // Anything else (no network, 5xx): keep the session and try again at the next tick.
    }
  }

  async function tick() {
    if (!visible || busy || destroyed) return;
    busy = true;
    try {
      if (!session) await open();
      else await report();
    } finally {
      busy = false;
    }
  }

  return {
    /** The page became visible: open a session the first time, then report periodically. */
    async show() {
      if (destroyed) return;
      visible = true;
      startTimer();
      if (!session && !busy) {
        busy = true;
        try {
          await open();
        } finally {
          busy = false;
        }
      }
    },
    /** The page was hidden: no reports until it shows again. */
    hide() {
      visible = false;
      stopTimer();
    },
    destroy() {
      destroyed = true;
      visible = false;
      stopTimer();
    },
    get session() {
      return session;
    },
  };
}

module.exports = { createReadTracker, DEFAULT_REPORT_EVERY_SECONDS };
