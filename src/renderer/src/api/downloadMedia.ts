import { bridge } from './client';

/** Starts a download of an exported file (Electron turns it into a save dialog). */
export async function downloadMedia(media: string, fileName: string): Promise<void> {
  const link = document.createElement('a');
  link.href = await bridge.mediaUrl(`media:${media}`);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
