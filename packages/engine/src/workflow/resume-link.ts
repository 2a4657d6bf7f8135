/** "Copier le lien": a draft and tab addressed by a URL fragment the host can store or mail. */

export interface ResumeTarget {
  id: string;
  tab?: string;
}

export function resumeLink(base: string, target: ResumeTarget): string {
  const params = new URLSearchParams({ brouillon: target.id });
  if (target.tab) params.set('onglet', target.tab);
  return `${base.split('#')[0]}#${params.toString()}`;
}

/** Reads a link or a fragment; null when it names no draft. */
export function parseResumeLink(linkOrHash: string): ResumeTarget | null {
  const hash = linkOrHash.includes('#') ? linkOrHash.slice(linkOrHash.indexOf('#') + 1) : linkOrHash;
  const params = new URLSearchParams(hash);
  const id = params.get('brouillon');
  if (!id || !/^[\w-]{1,40}$/.test(id)) return null;
  const tab = params.get('onglet');
  return tab && /^[a-z][a-z0-9-]{0,40}$/.test(tab) ? { id, tab } : { id };
}
