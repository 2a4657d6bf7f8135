// Validates the dossier typed in the page with the precompiled engine, as the user types.
// Messages are inserted as text (never as HTML).
import { createEngine, listDispositifs } from '../../packages/engine/bundle/akto-engine.js';

const $ = (id) => document.getElementById(id);
const EXAMPLES = ['valid.json', 'invalid-required.json', 'invalid-formats.json', 'invalid-nir-coherence.json', 'invalid-conditional.json', 'warning-age.json'];

for (const d of listDispositifs()) $('dispositif').append(new Option(d.label, d.id));
for (const f of EXAMPLES) $('example').append(new Option(f, f));

async function loadExample() {
  const res = await fetch(`../../schemas/${$('dispositif').value}/examples/${$('example').value}`);
  $('dossier').value = res.ok ? await res.text() : '{}';
  await validate();
}

function item(text, className) {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  return li;
}

async function validate() {
  const engine = await createEngine($('dispositif').value);
  let data;
  try {
    data = JSON.parse($('dossier').value);
  } catch (e) {
    $('summary').textContent = `JSON mal formé : ${e.message}`;
    $('summary').className = 'error';
    $('tabs').replaceChildren();
    $('issues').replaceChildren();
    return;
  }
  const result = engine.validate(data, { phase: $('phase').value, role: $('role').value });
  $('summary').textContent = result.valid
    ? `Dossier valide${result.warnings.length ? ` (${result.warnings.length} alerte(s))` : ''}`
    : 'Saisie Invalide';
  $('summary').className = result.valid ? 'ok' : 'error';
  $('tabs').replaceChildren(
    ...engine.definition.layout.tabs.map((t) => {
      const s = result.tabs[t.id];
      return item(`${t.title} : ${s.valid ? 'Onglet validé' : 'Des données obligatoires sont absentes ou des règles de gestion non valides'}`, s.valid ? 'ok' : 'error');
    }),
  );
  $('issues').replaceChildren(
    ...[...result.errors, ...result.warnings].map((i) => item(`${i.severity === 'error' ? 'Erreur' : 'Alerte'} · ${i.tab ?? '-'} · ${i.path} : ${i.message} (${i.rule})`, i.severity)),
  );
}

$('dispositif').addEventListener('change', loadExample);
$('example').addEventListener('change', loadExample);
$('phase').addEventListener('change', validate);
$('role').addEventListener('change', validate);
$('dossier').addEventListener('input', validate);
loadExample();
