/*
 * Lepton's Cockpit plugins: the "Engagements" dashboard (every engagement the logged-in user may see, at a glance)
 * and the "Engagement" tab of an ai-engagement instance (datasets, candidates, approval, deployments, monitoring,
 * audit). Both read Lepton's API only, as the user logged into Cockpit: GET calls with the session's CSRF token
 * (Lepton answers them with that user's rights and nothing more). Data is put into the page as text, never as HTML.
 *
 * Registered in Cockpit's scripts/config.js: customScripts: ['lepton/engagements'].
 */

const PHASES = ['requirements', 'data collection', 'data quality', 'training', 'approval', 'deployment',
  'maintenance'];
const STATUSES = ['active', 'waiting-on-client', 'awaiting-approval', 'in-maintenance', 'has-incident', 'closed'];
const PAGE_SIZE = 25;

/** Lepton's API lies beside the webapps: /camunda's parent (the app root's last segment removed). */
function leptonApi() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/[^/]*$/, '') + '/api';
}

function webappsRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

/** GET of Lepton's API ('/engagements') as the Cockpit user: the session cookie plus its CSRF token. */
async function read(api, path, accept = 'application/json') {
  const response = await fetch(leptonApi() + path, {
    credentials: 'same-origin',
    headers: {'X-XSRF-TOKEN': api.CSRFToken, Accept: accept}
  });
  let body = null;
  if (accept === 'application/json') {
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
  } else {
    body = await response.blob();
  }
  return {status: response.status, body};
}

/** Builds an element; children are nodes or text (always as text). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'style' && typeof value === 'object') {
      Object.assign(node.style, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function ago(date) {
  if (!date) {
    return '';
  }
  const minutes = Math.max(0, Math.round((Date.now() - new Date(date).getTime()) / 60000));
  if (minutes < 60) {
    return minutes + ' min';
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? hours + ' h' : Math.round(hours / 24) + ' days';
}

function when(date) {
  return date ? new Date(date).toLocaleString() : '';
}

function figure(value) {
  return typeof value === 'number' ? (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3)) : '';
}

function short(text, length = 12) {
  return text && text.length > length ? text.substring(0, length) + '…' : text || '';
}

function algorithmName(algorithm) {
  return algorithm ? algorithm.substring(algorithm.lastIndexOf('.') + 1) : '';
}

/** The phase in words and a bar over the lifecycle. */
function phaseCell(phase) {
  const at = PHASES.indexOf(phase);
  const done = phase === 'closed' ? PHASES.length : at + 1;
  const bar = el('div', {class: 'lepton-phase-bar', title: phase,
    style: {display: 'flex', gap: '2px', marginTop: '3px', width: '112px'}});
  PHASES.forEach((name, i) => bar.appendChild(el('span', {title: name, style: {
    flex: '1', height: '5px', borderRadius: '1px',
    background: i < done ? (phase === 'closed' ? '#999' : '#2e7d32') : '#ddd'}})));
  return el('td', {'data-phase': phase}, phase || 'starting', bar);
}

function openCard(api, modelVersionId) {
  return async (event) => {
    event.preventDefault();
    const card = await read(api, '/models/' + encodeURIComponent(modelVersionId) + '/card', 'text/html');
    if (card.status !== 200) {
      window.alert('The model card could not be read (HTTP ' + card.status + ')');
      return;
    }
    window.open(URL.createObjectURL(new Blob([card.body], {type: 'text/html'})), '_blank');
  };
}

function cardLink(api, modelVersionId) {
  return el('a', {href: '#', class: 'lepton-card-link', onclick: openCard(api, modelVersionId)}, modelVersionId);
}

function notice(text, kind = 'info') {
  return el('div', {class: 'alert alert-' + kind, style: {margin: '8px 0'}}, text);
}

// ---------------------------------------------------------------------------------------------------------------
// The dashboard: every engagement at a glance

function filterBar(state, reload) {
  const input = (name, placeholder) => el('input', {class: 'form-control input-sm', name, placeholder,
    value: state[name] || '', style: {width: '150px', display: 'inline-block', marginRight: '6px'},
    onchange: (e) => { state[name] = e.target.value; state.page = 0; reload(); }});
  const select = (name, label, options) => el('select', {class: 'form-control input-sm', name,
    style: {width: '170px', display: 'inline-block', marginRight: '6px'},
    onchange: (e) => { state[name] = e.target.value; state.page = 0; reload(); }},
  el('option', {value: ''}, label), options.map((o) => {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    return el('option', {value, selected: state[name] === value}, text);
  }));
  return el('div', {class: 'lepton-filters', style: {margin: '6px 0 10px'}},
    input('q', 'Search id, client, name'), input('client', 'Client'),
    select('phase', 'Any phase', PHASES.concat(['closed'])), select('status', 'Any status', STATUSES),
    select('sort', 'Newest first', [['startedAt', 'Oldest first'], ['since', 'Waiting longest first'],
      ['client', 'By client'], ['engagementId', 'By id']]));
}

function engagementRow(api, line) {
  const root = webappsRoot();
  const champion = line.champion;
  const meets = champion && champion.meetsThreshold;
  // a route of Cockpit itself: relative to its <base>, so its router takes it
  const links = [el('a', {href: '#/process-instance/' + line.processInstanceId + '/runtime',
    title: 'Open in Cockpit'}, 'Cockpit')];
  if (line.taskId) {
    links.push(' · ', el('a', {href: root + '/app/tasklist/default/#/?task=' + line.taskId,
      title: 'Open the task in Tasklist'}, 'Task'));
  }
  return el('tr', {'data-engagement': line.engagementId, class: line.waitingTooLong ? 'lepton-overdue' : null},
    el('td', {}, el('strong', {}, line.engagementId), el('br'), el('small', {}, line.name || '')),
    el('td', {}, line.client || ''),
    phaseCell(line.phase),
    el('td', {'data-status': line.status}, line.status,
      line.openIncidents ? el('span', {class: 'badge', style: {background: '#c62828', marginLeft: '4px'}},
        line.openIncidents + ' incident' + (line.openIncidents > 1 ? 's' : '')) : null),
    el('td', {style: line.waitingTooLong ? {background: '#fff3cd'} : {}},
      line.waitingOn || '', line.since && line.waitingOn ? el('br') : null,
      line.since && line.waitingOn ? el('small', {title: when(line.since),
        style: line.waitingTooLong ? {color: '#b26a00', fontWeight: 'bold'} : {}}, 'for ' + ago(line.since)) : null),
    el('td', {}, champion ? [el('span', {style: {color: meets ? '#2e7d32' : '#c62828'}},
      figure(champion.value)), ' / ' + figure(champion.threshold), el('br'),
    el('small', {}, champion.metric + ' · ' + algorithmName(champion.algorithm))] : ''),
    el('td', {}, line.approval || ''),
    el('td', {}, line.liveModelVersionId ? cardLink(api, line.liveModelVersionId) : ''),
    el('td', {}, line.monitoringVerdict || (line.liveModelVersionId ? 'not checked yet' : '')),
    el('td', {}, links));
}

const dashboard = {
  id: 'lepton.engagements',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  properties: {label: 'Engagements'},
  render: (node, {api}) => {
    const state = {page: 0};
    const container = el('section', {class: 'lepton-engagements', style: {padding: '4px 0 12px'}});
    node.appendChild(container);
    const reload = async () => {
      const query = new URLSearchParams({page: state.page, size: PAGE_SIZE});
      for (const name of ['q', 'client', 'phase', 'status', 'sort']) {
        if (state[name]) {
          query.set(name, state[name]);
        }
      }
      const answer = await read(api, '/engagements?' + query);
      container.replaceChildren(el('h3', {}, 'Engagements'), filterBar(state, reload));
      if (answer.status !== 200) {
        container.appendChild(notice((answer.body && answer.body.detail) || 'Lepton did not answer (HTTP '
          + answer.status + ')', answer.status === 403 ? 'warning' : 'danger'));
        return;
      }
      const page = answer.body;
      if (!page.engagements.length) {
        container.appendChild(notice('No engagement matches (or none you may see).'));
        return;
      }
      container.appendChild(el('table', {class: 'table table-condensed table-striped lepton-engagement-table'},
        el('thead', {}, el('tr', {}, ['Engagement', 'Client', 'Phase', 'Status', 'Waiting on', 'Champion / threshold',
          'Approval', 'Live model', 'Monitoring', 'Open'].map((h) => el('th', {}, h)))),
        el('tbody', {}, page.engagements.map((line) => engagementRow(api, line)))));
      const pages = Math.max(1, Math.ceil(page.total / page.size));
      container.appendChild(el('div', {class: 'lepton-pager'},
        el('button', {class: 'btn btn-default btn-sm', disabled: state.page === 0,
          onclick: () => { state.page -= 1; reload(); }}, '‹ Previous'), ' ',
        el('span', {}, `page ${page.page + 1} of ${pages} · ${page.total} engagements`), ' ',
        el('button', {class: 'btn btn-default btn-sm', disabled: state.page + 1 >= pages,
          onclick: () => { state.page += 1; reload(); }}, 'Next ›')));
    };
    reload();
  }
};

// ---------------------------------------------------------------------------------------------------------------
// The instance tab: one engagement's record

function section(title, ...content) {
  return el('div', {class: 'lepton-section', 'data-section': title, style: {marginBottom: '18px'}},
    el('h4', {}, title), ...content);
}

function table(headers, rows, className) {
  return el('table', {class: 'table table-condensed ' + (className || '')},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

/** The largest PSI of each check, with the moderate and significant bands. */
function driftChart(checks) {
  const points = checks.filter((c) => typeof c.maxPsi === 'number')
    .sort((a, b) => a.checkedAt.localeCompare(b.checkedAt));
  if (!points.length) {
    return null;
  }
  const width = 560;
  const height = 160;
  const pad = 34;
  const right = 74; // room for the bands' names
  const bands = points[points.length - 1].psiBands || {moderate: 0.1, significant: 0.25};
  const top = Math.max(bands.significant * 1.6, ...points.map((p) => p.maxPsi)) * 1.05;
  const x = (i) => pad + (points.length === 1 ? (width - pad - right) / 2
    : i * (width - pad - right) / (points.length - 1));
  const y = (v) => height - pad + 10 - v / top * (height - pad - 10);
  const chart = svg('svg', {width, height, viewBox: `0 0 ${width} ${height}`, class: 'lepton-drift-chart',
    role: 'img', 'aria-label': 'Largest PSI per monitoring check'});
  for (const [value, colour, label] of [[bands.moderate, '#f0ad4e', 'moderate'],
    [bands.significant, '#d9534f', 'significant']]) {
    chart.appendChild(svg('line', {x1: pad, x2: width - right, y1: y(value), y2: y(value), stroke: colour,
      'stroke-dasharray': '4 3'}));
    chart.appendChild(svg('text', {x: width - right + 4, y: y(value) + 4, 'font-size': 10, fill: colour},
      label + ' ' + value));
  }
  chart.appendChild(svg('line', {x1: pad, x2: pad, y1: 10, y2: height - pad + 10, stroke: '#999'}));
  chart.appendChild(svg('text', {x: 2, y: 14, 'font-size': 10, fill: '#555'}, 'PSI'));
  chart.appendChild(svg('polyline', {fill: 'none', stroke: '#1565c0', 'stroke-width': 2,
    points: points.map((p, i) => `${x(i)},${y(p.maxPsi)}`).join(' ')}));
  points.forEach((p, i) => {
    const dot = svg('circle', {cx: x(i), cy: y(p.maxPsi), r: 4,
      fill: p.maxPsi > bands.significant ? '#d9534f' : p.maxPsi > bands.moderate ? '#f0ad4e' : '#2e7d32'});
    dot.appendChild(svg('title', {}, `${when(p.checkedAt)}: PSI ${figure(p.maxPsi)} (${p.mostDrifted || ''})`));
    chart.appendChild(dot);
    chart.appendChild(svg('text', {x: x(i), y: height - 6, 'font-size': 9, 'text-anchor': 'middle', fill: '#555'},
      new Date(p.checkedAt).toLocaleDateString()));
  });
  return chart;
}

async function engagementRecord(api, line, container) {
  const key = line.engagementId;
  const engagement = await read(api, '/engagements/' + encodeURIComponent(key));
  if (engagement.status !== 200) {
    container.replaceChildren(notice((engagement.body && engagement.body.detail)
      || 'Lepton did not answer (HTTP ' + engagement.status + ')', 'warning'));
    return;
  }
  const view = engagement.body;
  const facts = view.variables || {};
  const parts = [];

  parts.push(section('Engagement',
    table(['Client', 'Name', 'Phase', 'Status', 'Waiting on', 'Started'], [[facts.client || '',
      facts.engagementName || '', line ? phaseCell(line.phase).firstChild.textContent : '',
      line ? line.status : view.state, line && line.waitingOn ? line.waitingOn + ' for ' + ago(line.since) : '',
      (view.startedBy || '') + ', ' + when(view.startedAt)]]),
    facts.successMetric ? el('p', {}, 'Success criterion: ' + facts.successMetric + ' against '
      + facts.successThreshold + ' · target ' + (facts.targetAttribute || '') + ' · '
      + (facts.problemType || '')) : null));

  const quarantines = await Promise.all(view.datasets.map((d) =>
    read(api, '/datasets/' + encodeURIComponent(d.datasetId) + '/quarantine')));
  parts.push(section('Datasets', view.datasets.length ? table(['Dataset', 'Name', 'SHA-256', 'Prepared from',
    'Quarantined rows'], view.datasets.map((d, i) => [d.datasetId, d.name, el('code', {title: d.sha256},
    short(d.sha256)), d.derivedFrom || '', quarantines[i].status === 200 ? String(quarantines[i].body.count)
    : '—'])) : el('p', {}, 'No dataset received yet.')));

  const models = (await Promise.all(view.models.map((m) =>
    read(api, '/models/' + encodeURIComponent(m.modelVersionId))))).filter((m) => m.status === 200)
    .map((m) => m.body);
  const metric = facts.successMetric;
  // the lowest disparate impact over the protected attributes the requirements named (under 0.8: in red)
  const fairness = (m) => {
    const assessed = ((m.metrics && m.metrics.fairness) || []).filter((a) => a.lowestDisparateImpact != null);
    if (!assessed.length) {
      return '';
    }
    const worst = assessed.reduce((a, b) => (a.lowestDisparateImpact <= b.lowestDisparateImpact ? a : b));
    return el('span', {style: {color: worst.lowestDisparateImpact < 0.8 ? '#c62828' : 'inherit'},
      title: worst.attribute + ": '" + worst.leastFavouredGroup + "' against '" + worst.referenceGroup + "'"},
    figure(worst.lowestDisparateImpact) + ' (' + worst.attribute + ')');
  };
  parts.push(section('Candidates', models.length ? table(['Version', 'Algorithm', 'Round', 'Status',
    metric || 'metric', 'Correct %', 'Kappa', 'Lowest disparate impact', 'Card'], models.map((m) => [
    m.modelVersionId, el('span', {title: m.wekaCommand}, algorithmName(m.algorithm)
      + (m.options ? ' ' + m.options : '')), String(m.trainingRound), m.status,
    figure(m.metrics && m.metrics[metric]), figure(m.metrics && m.metrics.pctCorrect),
    figure(m.metrics && m.metrics.kappa), fairness(m),
    el('a', {href: '#', onclick: openCard(api, m.modelVersionId)}, 'card')]), 'lepton-candidates')
    : el('p', {}, 'No candidate trained yet.')));

  const approvals = models.flatMap((m) => (m.approvals || []).map((a) => ({...a, model: m.modelVersionId})))
    .sort((a, b) => String(a.decidedAt).localeCompare(String(b.decidedAt)));
  // the evidence the approver saw, as recorded with the decision: the policy's verdict and findings, data quality
  const findings = (evidence) => [].concat(evidence.policyBlockers || [], evidence.policyWarnings || [],
    evidence.qualityFindings || []).map((f) => typeof f === 'string' ? f : JSON.stringify(f));
  parts.push(section('Approval', approvals.length ? table(['Version', 'Decision', 'By', 'When', 'Policy',
    'Findings', 'Reason'], approvals.map((a) => [a.model, a.approved ? 'approved' : 'rejected', a.approver,
    when(a.decidedAt), (a.evidence && a.evidence.policyVerdict) || '',
    el('ul', {style: {paddingLeft: '16px', margin: 0}}, findings(a.evidence || {}).map((f) => el('li', {}, f))),
    a.reason || '']))
    : el('p', {}, line && line.status === 'awaiting-approval' ? 'Awaiting a model risk officer.'
      : 'No approval decision yet.')));

  const deployments = models.flatMap((m) => (m.statusHistory || [])
    .filter((s) => ['DEPLOYED', 'RETIRED', 'ROLLED_BACK', 'APPROVED', 'REJECTED'].includes(s.status))
    .map((s) => ({at: s.changedAt, row: [when(s.changedAt), m.modelVersionId, s.status, s.changedBy,
      s.reason || '']})))
    .sort((a, b) => String(a.at).localeCompare(String(b.at))).map((change) => change.row);
  parts.push(section('Deployment history', deployments.length
    ? table(['When', 'Version', 'Status', 'By', 'Why'], deployments) : el('p', {}, 'Nothing deployed yet.')));

  const live = models.find((m) => m.status === 'DEPLOYED');
  if (live) {
    const checks = await read(api, '/models/' + encodeURIComponent(live.modelVersionId) + '/monitoring');
    const list = checks.status === 200 ? checks.body : [];
    parts.push(section('Monitoring', el('p', {}, 'Live: ', cardLink(api, live.modelVersionId),
      facts.maintenanceVerdict ? ' · last verdict ' + facts.maintenanceVerdict : ''),
    list.length ? [driftChart(list), table(['Checked', 'Rows', 'Largest PSI', 'Most drifted',
      'Significant / moderate', 'Recent accuracy'], list.map((c) => [when(c.checkedAt), String(c.recentRows),
      figure(c.maxPsi), c.mostDrifted || '', c.significantDrift + ' / ' + c.moderateDrift,
      figure(c.recentAccuracy)]))] : el('p', {}, 'No monitoring check has run for the live version yet.')));
  }

  const audit = await read(api, '/audit/engagements/' + encodeURIComponent(key));
  parts.push(section('Audit entries', audit.status === 200 ? auditTable(audit.body)
    : el('p', {class: 'text-muted'}, audit.status === 403
      ? 'The audit trail is shown to auditors, model risk officers and administrators.'
      : 'The audit trail did not answer (HTTP ' + audit.status + ').')));
  container.replaceChildren(...parts);
}

/** The engagement's entries of the hash-chained audit trail (the newest 200), newest first. */
function auditTable(record) {
  const entries = (record && record.changes) || [];
  if (!entries.length) {
    return el('p', {}, 'No audit entry.');
  }
  return table(['#', 'Recorded', 'Who', 'What', 'Subject', 'Details'], entries.slice(-200).reverse().map((e) => [
    String(e.seq), when(e.recordedAt), e.actor, e.type, e.subject || '',
    el('code', {title: e.hash, style: {whiteSpace: 'pre-wrap', fontSize: '11px'}},
      short(JSON.stringify(e.payload || {}), 240))]), 'lepton-audit');
}

const instanceTab = {
  id: 'lepton.engagement-tab',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 100,
  properties: {label: 'Engagement'},
  render: (node, {api, processInstanceId}) => {
    const container = el('section', {class: 'lepton-engagement', style: {padding: '8px'}}, 'Reading the engagement…');
    node.appendChild(container);
    (async () => {
      const found = await read(api, '/engagements?' + new URLSearchParams({processInstanceId}));
      if (found.status !== 200) {
        container.replaceChildren(notice((found.body && found.body.detail) || 'Lepton did not answer (HTTP '
          + found.status + ')', 'warning'));
        return;
      }
      if (!found.body.engagements.length) {
        container.replaceChildren(notice('Not an engagement, or not one you may see: Lepton keeps its record for'
          + ' ai-engagement instances.'));
        return;
      }
      await engagementRecord(api, found.body.engagements[0], container);
    })().catch((e) => container.replaceChildren(notice('Lepton\'s record could not be shown: ' + e, 'danger')));
  }
};

export default [dashboard, instanceTab];
