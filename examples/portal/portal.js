// The demo portal: a "Mon Espace"-like page built only from the published bundle (no build step).
// Signed in (« Se connecter », portal-server.js), dossiers live on the example server; otherwise, in this
// browser (IndexedDB). Companies, training providers and RNCP codes are local data behind the provider
// interfaces a real host implements.
import { DossierService, IndexedDbStore, parseResumeLink } from '../../packages/elements/bundle/akto-elements.js';
import { cerfaPanel, renderAccount, resumeLinkSender, startSession } from './portal-server.js';
import { ACCOUNTS, CHECKS, ENTITIES, SEARCH } from './sample-data.js';

const $ = (id) => document.getElementById(id);
const main = $('contenu');
const store = new IndexedDbStore('akto-portail-demo');
const NOTES_KEY = 'akto-portail-notifications';
let notes = JSON.parse(localStorage.getItem(NOTES_KEY) ?? '[]');
const session = startSession();
/** Signed in: the server's workflow (it re-checks everything and sends the notifications); else local. */
const remote = session.service;
const service = remote ?? new DossierService(store, { onNotification: (n) => addNote(n) });
// « Envoyez-moi le lien par e-mail »: this demo has no mail server, the mail lands in the bell (the example
// server keeps it in its outbox: POST /api/brouillons/:id/lien).
const sendResumeLink = async (record, link) =>
  addNote({ type: 'notification', to: profile, kind: 'lien-reprise', dossier: record.id, text: `Pour reprendre votre saisie du brouillon n° ${record.id}, veuillez cliquer ou ajouter le lien suivant à vos favoris : ${link}` });
const providers = { search: SEARCH, checks: CHECKS, sendResumeLink: remote ? resumeLinkSender(session) : sendResumeLink };

// Signed in, the token's user replaces the profile selector of the offline demo.
let profile = session.user?.role ?? localStorage.getItem('akto-portail-profil') ?? 'adherent';
$('profil').value = profile;
$('profil').closest('label').hidden = Boolean(remote);
$('bell').parentElement.hidden = Boolean(remote); // the server sends the notifications (e-mails of its outbox)
renderAccount(session, $('compte'), $('mode'));
const me = () => session.user ?? ENTITIES[profile];
const viewer = () => ({ role: profile, entityId: me().entityId });

// ------------------------------------------------------------------ notifications (the bell)

function addNote(n) {
  notes = [{ ...n, at: new Date().toISOString(), read: false }, ...notes].slice(0, 50);
  saveNotes();
  renderNotes();
}

function saveNotes() {
  localStorage.setItem(NOTES_KEY, JSON.stringify(notes));
}

function renderNotes() {
  const mine = notes.filter((n) => n.to === profile);
  $('unread').textContent = String(mine.filter((n) => !n.read).length);
  $('notification-list').replaceChildren(
    ...(mine.length ? mine : [null]).map((n) => {
      const li = document.createElement('li');
      if (!n) {
        li.textContent = 'Aucune notification.';
        return li;
      }
      // Each notification opens the dossier it is about (marked read).
      const open = el('a', { href: `#/ouvrir/${encodeURIComponent(n.id ?? '')}`, textContent: `${new Date(n.at).toLocaleString('fr-FR')} — ${n.text}${n.address ? ` (courriel à ${n.address})` : ''}` });
      open.addEventListener('click', () => {
        n.read = true;
        saveNotes();
        $('notifications').hidden = true;
        $('bell').setAttribute('aria-expanded', 'false');
        renderNotes();
      });
      li.append(open);
      if (!n.read) li.className = 'unread';
      return li;
    }),
  );
}

$('bell').addEventListener('click', () => {
  const pop = $('notifications');
  pop.hidden = !pop.hidden;
  $('bell').setAttribute('aria-expanded', String(!pop.hidden));
});
$('clear').addEventListener('click', () => {
  notes = notes.map((n) => (n.to === profile ? { ...n, read: true } : n));
  saveNotes();
  renderNotes();
});
$('profil').addEventListener('change', () => {
  profile = $('profil').value;
  localStorage.setItem('akto-portail-profil', profile);
  renderNotes();
  route();
});
document.querySelector('.menu-toggle').addEventListener('click', (e) => {
  const nav = $('menu');
  nav.hidden = !nav.hidden;
  e.currentTarget.setAttribute('aria-expanded', String(!nav.hidden));
});

// ------------------------------------------------------------------ pages

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Guide 001, « Tableau de bord »: the counts are links to the list already filtered on them. */
const SHORTCUTS = {
  'a-valider': { nom: 'Demandes à valider', states: () => ['aValiderEmployeur'] },
  'a-completer': { nom: 'Dossiers à compléter', states: (drafts) => drafts.toComplete },
};

/** The drafts of the viewer, with those it may still complete (the workflow lets it modify them). */
async function myDrafts() {
  const v = viewer();
  const drafts = await service.list({ kind: 'brouillons', pageSize: 200 }, v);
  const editable = [];
  for (const r of drafts.items) if ((await service.rowActions(r, v)).modifier) editable.push(r);
  return { ...drafts, editable, toComplete: [...new Set(editable.map((r) => r.state))] };
}

/** `current()`: whether the user is still on this page once the counts arrive (a slow server must not bring the dashboard back over the page the user went to). */
async function home(current = () => true) {
  const v = viewer();
  const drafts = await myDrafts();
  const sent = await service.list({ kind: 'dossiers', pageSize: 200 }, v);
  if (!current()) return;
  const toValidate = drafts.items.filter((r) => r.state === 'aValiderEmployeur').length;
  const count = (n, text, href) => el('li', {}, n ? el('a', { href }, el('span', { className: 'big', textContent: String(n) }), ` ${text}`) : `${n} ${text}`);
  const card = (title, n, text, href) => el('div', { className: 'card' }, el('h2', { textContent: title }), el('span', { className: 'big', textContent: String(n) }), el('a', { href, textContent: text }));
  main.replaceChildren(
    el('h1', { textContent: 'Accueil' }),
    el('section', { className: 'dashboard', ariaLabel: 'Tableau de bord' },
      el('div', { className: 'card' },
        el('h2', { textContent: 'Dossiers' }),
        el('ul', { className: 'counts' },
          count(toValidate, profile === 'adherent' ? 'demande(s) à valider' : "demande(s) à valider par l'employeur", '#/brouillons/a-valider'),
          count(drafts.editable.length, 'dossiers à compléter', '#/brouillons/a-completer'),
        ),
        el('button', { className: 'primary', textContent: 'Créer un nouveau dossier', onclick: () => (location.hash = '#/nouveau') }),
      ),
      card('Brouillons', drafts.total, 'brouillons en cours', '#/brouillons'),
      card('Dossiers', sent.total, 'dossiers transmis à AKTO', '#/dossiers'),
    ),
  );
}

function list(kind, shortcut) {
  const listEl = document.createElement('akto-dossier-list');
  Object.assign(listEl, { service, viewer: viewer(), kind });
  listEl.setAttribute('kind', kind);
  listEl.addEventListener('dossier-create', () => (location.hash = '#/nouveau'));
  listEl.addEventListener('dossier-action', (e) => {
    const { action, record } = e.detail;
    if (action === 'modifier' || action === 'duplicated') location.hash = `#/brouillon/${record.id}`;
    else if (action === 'consulter' || action === 'detail') location.hash = record.kind === 'dossier' ? `#/dossier/${record.id}` : `#/brouillon/${record.id}`;
  });
  main.replaceChildren(el('h1', { textContent: kind === 'brouillons' ? 'Brouillons' : 'Dossiers' }), ...(remote ? [cerfaPanel(session, { kind })] : []), listEl);
  const filter = kind === 'brouillons' && SHORTCUTS[shortcut];
  if (filter) {
    void (async () => {
      const states = filter.states(await myDrafts());
      await listEl.updateComplete;
      if (states.length) listEl.applySaved({ nom: filter.nom, query: { kind, states } });
    })();
  }
}

/** A notification's dossier: the dossier view once sent to AKTO, the draft otherwise. */
async function openRecord(id) {
  const record = remote ? await remote.open(id, viewer()).then((o) => o.record, () => undefined) : await store.get(id);
  location.replace(record?.kind === 'dossier' ? `#/dossier/${id}` : `#/brouillon/${id}`);
}

function newRequest() {
  const chooser = document.createElement('akto-new-request');
  Object.assign(chooser, { service, viewer: me(), accounts: ACCOUNTS, profile }); // the creator with its e-mail, to be notified
  chooser.addEventListener('request-create', (e) => (location.hash = `#/brouillon/${e.detail.record.id}`));
  chooser.addEventListener('request-cancel', () => history.back());
  main.replaceChildren(el('h1', { textContent: 'Nouvelle demande' }), chooser);
}

function wizard(id, tab) {
  const w = document.createElement('akto-dossier-wizard');
  w.setAttribute('role', profile);
  w.setAttribute('entity-id', viewer().entityId);
  w.setAttribute('draft-id', id);
  if (tab) w.setAttribute('tab', tab);
  Object.assign(w, remote ? { service: remote, providers } : { store, providers });
  w.addEventListener('dossier-notification', (e) => addNote(e.detail));
  w.addEventListener('dossier-transmit', () => renderNotes());
  main.replaceChildren(w);
}

const NEXT_STEP = { transmis: 'gestion.analyser', enCoursAnalyse: 'gestion.demanderPieces', enAttentePieces: 'gestion.accorder', accorde: 'gestion.cloturer' };

function dossier(id) {
  const view = document.createElement('akto-dossier-view');
  Object.assign(view, { service, viewer: viewer() });
  view.setAttribute('dossier-id', id);
  view.addEventListener('view-close', () => (location.hash = '#/dossiers'));
  if (remote) return main.replaceChildren(view); // the back office acts on the server (« gestionnaire » sign-in)
  const step = el('button', { className: 'primary', type: 'button', textContent: 'Simuler le back-office AKTO : étape suivante' });
  const status = el('p', { role: 'status' });
  step.addEventListener('click', async () => {
    const record = await store.get(id);
    const next = record && NEXT_STEP[record.state];
    if (!next) {
      status.textContent = 'Le dossier est à sa dernière étape.';
      return;
    }
    const outcome = await service.act(id, next, { role: 'gestionnaire', entityId: 'akto' });
    status.textContent = `Nouvel état : ${(await service.lifecycle(record.dispositif)).label(outcome.record.state)}.`;
    view.refresh?.();
    renderNotes();
  });
  main.replaceChildren(view, el('div', { className: 'backoffice' }, step, status));
}

async function quickLinks() {
  const saved = (await (remote ? remote.store : store).getPreference('acces-rapides').catch(() => [])) ?? [];
  $('quick-links').replaceChildren(...saved.map((s) => el('li', {}, el('a', { href: `#/brouillons`, textContent: s.nom ?? s.name ?? 'Accès rapide' }))));
}

let current = location.hash;
let reverting = false;
/** Counts the routes taken, so that a page still loading knows it was left. */
let routes = 0;

async function route() {
  // Leaving the wizard with unsaved changes asks « Voulez-vous enregistrer pour plus tard ? » first.
  const open = main.querySelector('akto-dossier-wizard');
  if (reverting) {
    reverting = false;
    return;
  }
  if (open && location.hash !== current && !(await open.leave())) {
    reverting = true;
    location.hash = current;
    return;
  }
  current = location.hash;
  const taken = ++routes;
  const hash = location.hash || '#/accueil';
  const resume = parseResumeLink(hash);
  const [, page, id, tab] = hash.match(/^#\/([^/]+)\/?([^/]*)\/?([^/]*)/) ?? [];
  for (const a of document.querySelectorAll('nav a')) a.setAttribute('aria-current', a.dataset.route === page ? 'page' : 'false');
  try {
    if (resume) wizard(resume.id, resume.tab);
    else if (page === 'brouillons' || page === 'dossiers') list(page, id);
    else if (page === 'ouvrir' && id) await openRecord(decodeURIComponent(id));
    else if (page === 'ouvrir') location.replace('#/accueil');
    else if (page === 'nouveau') newRequest();
    else if (page === 'brouillon' && id) wizard(id, tab);
    else if (page === 'dossier' && id) dossier(id);
    else await home(() => taken === routes);
  } catch (e) {
    // The server unreachable or refusing: said on the page, never a blank screen.
    if (taken !== routes) return;
    main.replaceChildren(el('p', { className: 'error', role: 'alert', textContent: e instanceof Error && e.message ? e.message : 'Une erreur est survenue : réessayez.' }));
  }
  main.focus();
  void quickLinks();
}

window.addEventListener('hashchange', route);
renderNotes();
route();
