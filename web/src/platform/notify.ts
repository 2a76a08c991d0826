// Attention for a new buyer message: a short beep made with WebAudio (no sound file to
// ship) and a desktop notification when the agent allowed them.

let audio: AudioContext | null = null;
let lastBeepAt = 0;

const SOUND_KEY = "qd.sound";
const soundListeners = new Set<() => void>();
let soundOn = readSound();

function readSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== "off";
  } catch {
    return true;
  }
}

/** Beeps are on unless the agent turned them off in this browser. */
export function soundEnabled(): boolean {
  return soundOn;
}

export function setSoundEnabled(on: boolean): void {
  soundOn = on;
  try {
    localStorage.setItem(SOUND_KEY, on ? "on" : "off");
  } catch {
    // private mode: the choice lasts for this page only
  }
  for (const listener of soundListeners) listener();
}

export function subscribeSound(listener: () => void): () => void {
  soundListeners.add(listener);
  return () => soundListeners.delete(listener);
}

/** At most one beep per 1.5 s, so a burst of replayed messages is one sound. */
export function beep(now = Date.now()): void {
  if (!soundOn || now - lastBeepAt < 1500) return;
  lastBeepAt = now;
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = 880;
    const start = audio.currentTime;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.26);
  } catch {
    // No audio device or autoplay refused before the first click: stay silent.
  }
}

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/** Ask once, from a click (browsers refuse prompts that no gesture started). */
export function askNotificationPermission(): void {
  if (notificationsSupported() && Notification.permission === "default") void Notification.requestPermission();
}

export function desktopNotify(title: string, body: string, tag: string, onClick?: () => void): void {
  if (!notificationsSupported() || Notification.permission !== "granted") return;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onClick?.();
      notification.close();
    };
  } catch {
    // Some mobile browsers only allow notifications from a service worker.
  }
}
