/** Where each user left each demo, and their player preferences, on this workstation. */
const positionKey = (user: string, demo: string) => `greenroom.position.${user}.${demo}`;
const AUTO_ADVANCE_KEY = 'greenroom.player.autoAdvance';

export const playerMemory = {
  position(user: string, demo: string): number {
    const value = Number(localStorage.getItem(positionKey(user, demo)));
    return Number.isFinite(value) && value > 0 ? value : 0;
  },
  remember(user: string, demo: string, seconds: number): void {
    if (seconds > 1) localStorage.setItem(positionKey(user, demo), String(seconds));
    else localStorage.removeItem(positionKey(user, demo));
  },
  forget(user: string, demo: string): void {
    localStorage.removeItem(positionKey(user, demo));
  },
  autoAdvance(): boolean {
    return localStorage.getItem(AUTO_ADVANCE_KEY) !== 'off';
  },
  setAutoAdvance(on: boolean): void {
    localStorage.setItem(AUTO_ADVANCE_KEY, on ? 'on' : 'off');
  },
};
