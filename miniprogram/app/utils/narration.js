// Narration an elder controls: play, pause, hear the same step again from its start, slower. One
// InnerAudioContext per page; its own events (not our guesses) say whether it is playing, so a phone call or
// the system pausing the sound shows the play button again. The iPhone's mute switch must not silence it: many
// elders keep the switch on without knowing, so obeyMuteSwitch is turned off once for the whole app.

const NORMAL_RATE = 1.0;
const SLOW_RATE = 0.75;

let muteSwitchIgnored = false;

function ignoreMuteSwitch() {
  if (muteSwitchIgnored || typeof wx.setInnerAudioOption !== 'function') return;
  muteSwitchIgnored = true;
  wx.setInnerAudioOption({ obeyMuteSwitch: false });
}

/**
 * A narrator reporting its state through onChange({ playing, slow, failed }). Nothing is created until the first
 * play, so a step without narration costs nothing.
 */
function createNarrator(onChange) {
  let audio = null;
  let url = '';
  const state = { playing: false, slow: false, failed: false };

  function publish(patch) {
    Object.assign(state, patch);
    onChange(Object.assign({}, state));
  }

  function ensure() {
    if (audio) return audio;
    audio = wx.createInnerAudioContext();
    audio.onPlay(() => publish({ playing: true, failed: false }));
    audio.onPause(() => publish({ playing: false }));
    audio.onStop(() => publish({ playing: false }));
    audio.onEnded(() => publish({ playing: false }));
    audio.onError(() => publish({ playing: false, failed: true }));
    return audio;
  }

  function start(fromBeginning) {
    const a = ensure();
    if (a.src !== url) a.src = url;
    a.playbackRate = state.slow ? SLOW_RATE : NORMAL_RATE;
    if (fromBeginning) a.seek(0);
    a.play();
    // shown at once; onPlay confirms it, onError takes it back
    publish({ playing: true, failed: false });
  }

  return {
    /** The step changed: its narration (or none) from the beginning; what was playing stops. */
    load(nextUrl) {
      if (audio) audio.stop();
      url = nextUrl || '';
      if (audio && audio.src !== url) audio.src = url;
      publish({ playing: false, failed: false });
    },
    toggle() {
      if (!url) return;
      if (state.playing) {
        audio.pause();
        publish({ playing: false });
      } else {
        start(false);
      }
    },
    replay() {
      if (url) start(true);
    },
    toggleSlow() {
      const slow = !state.slow;
      if (audio) audio.playbackRate = slow ? SLOW_RATE : NORMAL_RATE;
      publish({ slow });
    },
    pause() {
      if (audio && state.playing) {
        audio.pause();
        publish({ playing: false });
      }
    },
    destroy() {
      if (audio) audio.destroy();
      audio = null;
    },
  };
}

module.exports = { createNarrator, ignoreMuteSwitch, NORMAL_RATE, SLOW_RATE };
