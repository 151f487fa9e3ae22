/**
 * The system's notifications through the web Notification API: Electron shows these as native
 * notifications (main grants the permission); a browser asks the user once.
 */
export const desktopNotifications = {
  supported: (): boolean => typeof window !== 'undefined' && 'Notification' in window,
  permission: (): NotificationPermission | 'unsupported' =>
    desktopNotifications.supported() ? Notification.permission : 'unsupported',
  request: async (): Promise<NotificationPermission | 'unsupported'> =>
    desktopNotifications.supported() ? Notification.requestPermission() : 'unsupported',
  /** Shows one notification; clicking it brings the window forward and calls `onClick`. */
  show(title: string, body: string, tag: string, onClick: () => void): void {
    if (desktopNotifications.permission() !== 'granted') return;
    const shown = new Notification(title, { body, tag });
    shown.onclick = () => {
      window.focus();
      onClick();
      shown.close();
    };
  },
};
