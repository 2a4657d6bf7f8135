// The portal's server mode: signed in through the example server's demo sign-in (/auth/), the portal reads
// and writes its dossiers through the server's workflow (RemoteDossierService) instead of this browser.
import { RemoteDossierService } from '../../packages/elements/bundle/akto-elements.js';

const TOKEN_KEY = 'akto-portail-jeton';
const MESSAGE_KEY = 'akto-portail-message';
/** The API `npm start` serves (examples/server on port 8787). */
const DEFAULT_API = 'http://127.0.0.1:8787/api';
const SIGNED_OUT = 'Vous n’êtes pas identifié : reconnectez-vous à votre espace.';
export const ROLE_LABELS = { adherent: 'Adhérent', prestataire: 'Organisme de formation', gestionnaire: 'Gestionnaire AKTO' };

/** The API root: `?api=…`, else `<meta name="akto-api">`, else the one of `npm start`. */
export function apiBase() {
  const chosen = new URLSearchParams(location.search).get('api') || document.querySelector('meta[name="akto-api"]')?.content;
  return (chosen || DEFAULT_API).replace(/\/+$/, '');
}

/** The demo sign-in page, sent back here (without the hash) once a user is chosen. */
export function signInUrl(api = apiBase()) {
  const back = `${location.origin}${location.pathname}${location.search}`;
  return `${api.replace(/\/api$/, '')}/auth/?${new URLSearchParams({ redirect: back })}`;
}

/** The user a token names (its claims, read to show who is signed in: the server checks the signature). */
function userOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    const c = JSON.parse(json);
    if (typeof c.exp === 'number' && c.exp * 1000 <= Date.now()) return undefined;
    if (typeof c.akto_role !== 'string' || typeof c.siret !== 'string') return undefined;
    return { role: c.akto_role, entityId: c.siret, name: typeof c.name === 'string' ? c.name : c.siret, ...(typeof c.email === 'string' ? { email: c.email } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * The signed-in session, if any: a token just given in `#access_token=…` (removed from the URL at once)
 * or the one kept in sessionStorage. `message`: why the last session ended, to show once.
 */
export function startSession() {
  const given = new URLSearchParams(location.hash.slice(1)).get('access_token');
  if (given) {
    sessionStorage.setItem(TOKEN_KEY, given);
    history.replaceState(null, '', `${location.pathname}${location.search}#/accueil`);
  }
  const message = sessionStorage.getItem(MESSAGE_KEY) ?? '';
  sessionStorage.removeItem(MESSAGE_KEY);
  const token = sessionStorage.getItem(TOKEN_KEY);
  const user = token ? userOf(token) : undefined;
  if (!user) {
    sessionStorage.removeItem(TOKEN_KEY);
    return { message: token ? SIGNED_OUT : message };
  }
  const baseUrl = apiBase();
  const service = new RemoteDossierService({ baseUrl, token: () => sessionStorage.getItem(TOKEN_KEY) ?? undefined, onUnauthorized: () => signOut(SIGNED_OUT) });
  return { token, user, baseUrl, service, message };
}

/** Ends the session (the portal goes back to its offline mode), with a message to show after the reload. */
export function signOut(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  if (message) sessionStorage.setItem(MESSAGE_KEY, message);
  history.replaceState(null, '', `${location.pathname}${location.search}#/accueil`);
  location.reload();
}

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** The banner's account area and the mode line: the signed-in user, or the sign-in link. */
export function renderAccount(session, account, mode) {
  if (session.user) {
    const { name, role } = session.user;
    account.replaceChildren(
      el('span', { className: 'user', textContent: `${name} (${ROLE_LABELS[role] ?? role})` }),
      el('button', { type: 'button', textContent: 'Se déconnecter', onclick: () => signOut() }),
    );
    mode.textContent = 'Données enregistrées sur le serveur';
  } else {
    account.replaceChildren(el('a', { href: signInUrl(), textContent: 'Se connecter' }));
    mode.textContent = 'Démonstration hors ligne : données enregistrées dans ce navigateur';
  }
  mode.hidden = false;
  if (session.message) mode.append(el('strong', { className: 'error', role: 'alert', textContent: ` ${session.message}` }));
}

/** « Envoyez-moi le lien par e-mail »: the server mails it to the token's e-mail (its outbox). */
export function resumeLinkSender(session) {
  return async (record, link) => {
    const res = await fetch(`${session.baseUrl}/brouillons/${encodeURIComponent(record.id)}/lien`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ link }),
    });
    if (res.status === 401) signOut(SIGNED_OUT);
    if (!res.ok) throw new Error('Le lien n’a pas pu être envoyé : réessayez plus tard.');
  };
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const DONE = new Set(['termine', 'echec']);

/**
 * « Télécharger les CERFA de la liste »: a server job makes the CERFA of every dossier of the list;
 * its progress is shown as it goes (n / N), then a link to each PDF (fetched with the token).
 */
export function cerfaPanel(session, query) {
  const bar = el('progress', { max: 1, value: 0, hidden: true, ariaLabel: 'Progression des CERFA' });
  const count = el('span', { className: 'job-count' });
  const status = el('p', { role: 'status', ariaLive: 'polite' });
  const links = el('ul', { className: 'cerfa-links' });
  const button = el('button', { type: 'button', className: 'primary', textContent: 'Télécharger les CERFA de la liste' });
  const progress = el('p', { className: 'job-progress', ariaLive: 'polite' }, bar, ' ', count);
  button.addEventListener('click', async () => {
    button.disabled = true;
    links.replaceChildren();
    status.textContent = 'Préparation des CERFA…';
    try {
      let job = await session.service.queueJob({ type: 'cerfa', query });
      bar.hidden = false;
      for (;;) {
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        count.textContent = `${job.done} / ${job.total}`;
        if (DONE.has(job.state)) break;
        await pause(400);
        job = await session.service.job(job.id);
      }
      if (job.state === 'echec') status.textContent = job.message ?? 'Le traitement a échoué : relancez-le.';
      else if (!job.total) status.textContent = 'Aucun dossier dans la liste.';
      else {
        status.textContent = `CERFA prêts : ${job.done} / ${job.total}.`;
        links.replaceChildren(...(job.results ?? []).map((r) => resultItem(session, job.id, r)));
      }
    } catch (e) {
      status.textContent = e instanceof Error && e.message ? e.message : 'Le traitement n’a pas pu être lancé.';
    } finally {
      button.disabled = false;
    }
  });
  return el('section', { className: 'cerfa-job', ariaLabel: 'CERFA de la liste' }, button, progress, status, links);
}

function resultItem(session, jobId, result) {
  const dossier = String(result.dossier ?? '');
  if (!result.ok) return el('li', { textContent: String(result.message ?? `Dossier n° ${dossier} : CERFA non produit.`) });
  const link = el('a', { href: '#', textContent: `CERFA du dossier n° ${result.numero ?? dossier} (PDF)` });
  link.addEventListener('click', async (e) => {
    if (link.download) return; // already fetched: the blob URL opens
    e.preventDefault();
    const res = await fetch(`${session.baseUrl}/jobs/${encodeURIComponent(jobId)}/cerfa/${encodeURIComponent(dossier)}`, { headers: { authorization: `Bearer ${session.token}` } });
    if (res.status === 401) return signOut(SIGNED_OUT);
    if (!res.ok) {
      link.after(el('span', { className: 'error', textContent: ' Le CERFA n’a pas pu être téléchargé.' }));
      return;
    }
    link.href = URL.createObjectURL(await res.blob());
    link.download = `cerfa-${dossier}.pdf`;
    link.click();
  });
  return el('li', {}, link);
}
