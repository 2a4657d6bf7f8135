/** The TrueType font the CLI embeds in CERFAs (DejaVu Sans, from the dejavu-fonts-ttf package). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export async function dejaVuSans(): Promise<Uint8Array | undefined> {
  try {
    const require = createRequire(import.meta.url);
    return await readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  } catch {
    return undefined; // the PDF is still made, text outside WinAnsi is transliterated with a warning
  }
}
