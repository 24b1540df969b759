// Zhibiao dashboard: filters, indicator table, series chart and live updates over the query-service API.
// Document text is untrusted input: it only ever reaches the page through textContent and DOM nodes,
// and chart tooltips render as canvas rich text, never as HTML.

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
// Rows per page; `?limit=` in the address bar overrides it (bookmarkable like the filters).
const PAGE_SIZE = (() => {
  const requested = Number.parseInt(new URLSearchParams(location.search).get('limit'), 10);
  return requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
})();
const REGION_SUGGESTIONS = 12;

const CODES = [
  ['GDP', '地区生产总值'],
  ['FISCAL_REVENUE', '财政总收入'],
  ['GENERAL_BUDGET_REVENUE', '一般公共预算收入'],
  ['FIXED_ASSET_INVESTMENT', '固定资产投资'],
  ['INDUSTRIAL_VALUE_ADDED', '规模以上工业增加值'],
  ['INDUSTRIAL_OUTPUT', '工业总产值'],
  ['RETAIL_SALES', '社会消费品零售总额'],
  ['DISPOSABLE_INCOME', '居民人均可支配收入'],
  ['URBAN_DISPOSABLE_INCOME', '城镇居民人均可支配收入'],
  ['RURAL_DISPOSABLE_INCOME', '农村居民人均可支配收入'],
  ['FOREIGN_TRADE', '外贸进出口总额'],
  ['FOREIGN_INVESTMENT', '实际利用外资'],
  ['NEW_URBAN_JOBS', '城镇新增就业'],
  ['ENTERPRISES_ABOVE_SCALE', '规模以上企业'],
  ['HIGH_TECH_ENTERPRISES', '高新技术企业'],
  ['FOREST_COVERAGE', '森林覆盖率'],
  ['AIR_QUALITY_RATE', '空气优良率'],
  ['URBANIZATION_RATE', '城镇化率'],
  ['ONLINE_RETAIL', '网络零售额'],
  ['TOURISM_REVENUE', '旅游总收入'],
  ['TOURIST_VISITS', '接待游客'],
  ['POPULATION', '常住人口'],
];
const CODE_NAMES = new Map(CODES);

const KIND_LABELS = { LEVEL: '总量', GROWTH_RATE: '增速', CHANGE: '增减', RANK: '排名' };
const STATUS_LABELS = { ACTUAL: '实际', TARGET: '目标' };
const COMPARATOR_SIGNS = { EQ: '=', GE: '≥', LE: '≤', APPROX: '≈' };
const COMPARATOR_TITLES = { EQ: '等于 equal', GE: '以上 at least', LE: '以内 at most', APPROX: '约 about' };
const LEVEL_LABELS = { COUNTRY: '全国', PROVINCE: '省级', PREFECTURE: '地级', COUNTY: '县级', TOWN: '乡镇' };

// ---------------------------------------------------------------------------------------------
// Formatting

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Scales large base-unit values into the 万/亿 units Chinese reports use. */
function scaled(value, unit) {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${numberFormat.format(value / 1e8)}亿${unit}`;
  if (abs >= 1e4) return `${numberFormat.format(value / 1e4)}万${unit}`;
  return `${numberFormat.format(value)}${unit}`;
}

function formatValue(value, unit, measureWord) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  const v = Number(value);
  switch (unit) {
    case 'CNY': return scaled(v, '元');
    case 'USD': return scaled(v, '美元');
    case 'PERCENT': return `${numberFormat.format(v)}%`;
    case 'PERCENTAGE_POINT': return `${numberFormat.format(v)}个百分点`;
    case 'MU': return scaled(v, '亩');
    case 'HECTARE': return `${numberFormat.format(v)}公顷`;
    case 'KM2': return `${numberFormat.format(v)}平方公里`;
    case 'M2': return scaled(v, '平方米');
    case 'KM': return `${numberFormat.format(v)}公里`;
    case 'M': return `${numberFormat.format(v)}米`;
    case 'TON': return scaled(v, '吨');
    case 'PERSON': return scaled(v, '人');
    case 'PERSON_TIME': return scaled(v, '人次');
    case 'HOUSEHOLD': return scaled(v, '户');
    case 'COUNT': return scaled(v, measureWord || '个');
    case 'RANK': return `第${numberFormat.format(v)}位`;
    case 'RATIO': return numberFormat.format(v);
    default: return `${numberFormat.format(v)} ${unit || ''}`.trim();
  }
}

/** The divisor and suffix that make a whole chart axis readable (values stay in base units elsewhere). */
function axisScale(values, unit) {
  const max = Math.max(0, ...values.filter((v) => v !== null).map((v) => Math.abs(v)));
  const names = { CNY: '元', USD: '美元', PERSON: '人', PERSON_TIME: '人次', TON: '吨', HOUSEHOLD: '户', MU: '亩', M2: '平方米' };
  const simple = { PERCENT: '%', PERCENTAGE_POINT: '个百分点', KM2: '平方公里', KM: '公里', M: '米', HECTARE: '公顷', RANK: '位', RATIO: '' };
  if (unit in names) {
    if (max >= 1e8) return { divisor: 1e8, suffix: `亿${names[unit]}` };
    if (max >= 1e4) return { divisor: 1e4, suffix: `万${names[unit]}` };
    return { divisor: 1, suffix: names[unit] };
  }
  return { divisor: 1, suffix: simple[unit] ?? (unit === 'COUNT' ? '个' : unit || '') };
}

function formatPeriod(period, annualized) {
  const start = period?.start ?? null;
  const end = period?.end ?? null;
  let text;
  if (start === null && end === null) text = '—';
  else if (start === null || end === null || start === end) text = String(start ?? end);
  else text = `${start}–${end}`;
  return annualized ? `${text} 年均` : text;
}

function regionPath(region) {
  if (!region) return '';
  const parents = Array.isArray(region.parents) ? [...region.parents].reverse().map((p) => p.name) : [];
  return [...parents, region.name].filter(Boolean).join(' › ');
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The sentence as text nodes, with every occurrence of the quote wrapped in a mark element. */
function highlighted(sentence, quote) {
  const fragment = document.createDocumentFragment();
  const text = sentence || '';
  if (!quote) {
    fragment.append(text);
    return fragment;
  }
  let from = 0;
  let at = text.indexOf(quote);
  if (at < 0) {
    // The quote should be in its sentence; if the extractor normalised one of them, still show both.
    fragment.append(text, ' ', el('mark', { text: quote }));
    return fragment;
  }
  while (at >= 0) {
    fragment.append(text.slice(from, at), el('mark', { text: quote }));
    from = at + quote.length;
    at = text.indexOf(quote, from);
  }
  fragment.append(text.slice(from));
  return fragment;
}

// ---------------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

async function getJson(path, params, signal) {
  const query = params && [...params.keys()].length ? `?${params}` : '';
  const response = await fetch(`${path}${query}`, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      // not problem JSON: the status line is all there is to report
    }
    throw new ApiError(problem, response.status);
  }
  return response.json();
}

/** The array an answer holds: itself (GET /regions) or one of its fields (`items`, `points`, `children`). */
function listOf(body, key = 'items') {
  if (Array.isArray(body)) return body;
  return Array.isArray(body?.[key]) ? body[key] : [];
}

// ---------------------------------------------------------------------------------------------
// State and filters

const $ = (id) => document.getElementById(id);

const ui = {
  form: $('filters'),
  regionInput: $('region-input'),
  regionOptions: $('region-options'),
  regionSelected: $('region-selected'),
  regionSelectedName: $('region-selected-name'),
  regionClear: $('region-clear'),
  includeDescendants: $('include-descendants'),
  code: $('code-select'),
  q: $('q-input'),
  status: $('status-select'),
  kind: $('kind-select'),
  periodFrom: $('period-from'),
  periodTo: $('period-to'),
  sort: $('sort-select'),
  reset: $('reset'),
  exportCsv: $('export-csv'),
  error: $('error'),
  regionContext: $('region-context'),
  breadcrumb: $('region-breadcrumb'),
  children: $('region-children'),
  table: $('indicator-table'),
  rowTemplate: $('row-template'),
  empty: $('empty'),
  loadMore: $('load-more'),
  count: $('result-count'),
  live: $('live-status'),
  chart: $('series-chart'),
  chartHint: $('chart-hint'),
  chartSubtitle: $('chart-subtitle'),
  measure: $('measure-select'),
  seriesRegion: $('series-region-select'),
  attainment: $('attainment'),
};

const state = {
  region: null, // { code, name, level, parents }
  cursor: null,
  shown: new Set(), // eventIds in the table, so live events never duplicate rows
  total: 0,
  liveCount: 0,
  listAbort: null,
  stream: null,
  chart: null,
  series: null,
  seriesAsked: null, // code@region of the latest series request, so late answers are dropped
  seriesRegionOf: null, // the region whose series the chart's region choice belongs to
  seriesTimer: null,
};

function currentFilters() {
  return {
    region: state.region?.code || '',
    includeDescendants: ui.includeDescendants.checked,
    code: ui.code.value,
    q: ui.q.value.trim(),
    status: ui.status.value,
    kind: ui.kind.value,
    periodFrom: ui.periodFrom.value.trim(),
    periodTo: ui.periodTo.value.trim(),
    sort: ui.sort.value,
  };
}

/** Query parameters shared by /indicators, /stream and the CSV export (the stream ignores `sort`). */
function filterParams(filters) {
  const params = new URLSearchParams();
  if (filters.region) {
    params.set('region', filters.region);
    if (filters.includeDescendants) params.set('includeDescendants', 'true');
  }
  for (const key of ['code', 'q', 'status', 'kind', 'periodFrom', 'periodTo', 'sort']) {
    if (filters[key]) params.set(key, filters[key]);
  }
  return params;
}

/** Keeps the filters in the address bar so a view can be bookmarked or shared. */
function saveToLocation(filters) {
  const params = filterParams(filters);
  if (filters.region && !filters.includeDescendants) params.set('includeDescendants', 'false');
  if (PAGE_SIZE !== DEFAULT_PAGE_SIZE) params.set('limit', String(PAGE_SIZE));
  const url = `${location.pathname}${[...params.keys()].length ? `?${params}` : ''}`;
  history.replaceState(null, '', url);
}

async function restoreFromLocation() {
  const params = new URLSearchParams(location.search);
  ui.code.value = CODE_NAMES.has(params.get('code')) ? params.get('code') : '';
  ui.q.value = params.get('q') || '';
  ui.status.value = params.get('status') || '';
  ui.kind.value = params.get('kind') || '';
  ui.periodFrom.value = params.get('periodFrom') || '';
  ui.periodTo.value = params.get('periodTo') || '';
  ui.sort.value = [...ui.sort.options].some((o) => o.value === params.get('sort')) ? params.get('sort') : '';
  ui.includeDescendants.checked = params.get('includeDescendants') !== 'false';
  const region = params.get('region');
  if (region) {
    try {
      const detail = await getJson(`/regions/${encodeURIComponent(region)}`);
      setRegion(regionOf(detail), { reload: false });
    } catch (e) {
      showError(`地区 ${region} 无法载入 · region could not be loaded: ${e.message}`);
    }
  }
}

function showError(message) {
  if (!message) {
    ui.error.hidden = true;
    ui.error.textContent = '';
    return;
  }
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function problemMessage(error) {
  const p = error.problem;
  if (!p) return error.message;
  const param = p.parameter;
  return [p.title, p.detail, param ? `(${param})` : null].filter(Boolean).join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Indicator table

function renderItem(item, { fresh = false } = {}) {
  const body = ui.rowTemplate.content.firstElementChild.cloneNode(true);
  body.dataset.eventId = item.eventId;
  if (fresh) body.classList.add('is-new');
  const indicator = item.indicator || {};
  body.querySelector('.ind-name').textContent = indicator.name || CODE_NAMES.get(indicator.code) || '—';
  body.querySelector('.code').textContent = indicator.code || '';
  const value = body.querySelector('.c-value');
  value.textContent = formatValue(item.value, item.unit, item.measureWord);
  value.title = `${item.value} ${item.unit}`;
  body.querySelector('.c-kind').textContent = KIND_LABELS[item.kind] || item.kind || '';
  const comparator = body.querySelector('.c-comparator');
  comparator.textContent = COMPARATOR_SIGNS[item.comparator] || item.comparator || '';
  comparator.title = COMPARATOR_TITLES[item.comparator] || '';
  const badge = body.querySelector('.badge');
  badge.textContent = `${STATUS_LABELS[item.status] || ''} ${item.status || ''}`.trim();
  badge.classList.add(item.status);
  body.querySelector('.c-period').textContent = formatPeriod(item.period, item.annualized);
  const region = body.querySelector('.c-region');
  region.textContent = item.region?.name || '未知 unknown';
  region.title = [regionPath(item.region), item.region?.code].filter(Boolean).join(' · ');
  const link = body.querySelector('.doc-link');
  link.href = `/documents/${encodeURIComponent(item.documentId)}`;
  link.textContent = item.title || item.documentId;
  link.title = item.documentId;
  body.querySelector('.published').textContent = item.publishedAt ? String(item.publishedAt).slice(0, 10) : '';
  body.querySelector('.sentence').append(highlighted(item.sentence, item.quote));
  return body;
}

function updateCount() {
  const more = state.cursor ? '+' : '';
  const live = state.liveCount ? ` · 实时新增 ${state.liveCount} live` : '';
  ui.count.textContent = `${state.total}${more} 条 rows${live}`;
  ui.empty.hidden = state.total > 0;
}

function clearTable() {
  for (const body of ui.table.querySelectorAll('tbody.item')) body.remove();
  state.shown.clear();
  state.total = 0;
  state.liveCount = 0;
  state.cursor = null;
}

async function loadIndicators({ append = false } = {}) {
  state.listAbort?.abort();
  const abort = new AbortController();
  state.listAbort = abort;
  const params = filterParams(currentFilters());
  params.set('limit', String(PAGE_SIZE));
  if (append && state.cursor) params.set('cursor', state.cursor);
  ui.loadMore.disabled = true;
  ui.table.setAttribute('aria-busy', 'true');
  try {
    const page = await getJson('/indicators', params, abort.signal);
    if (!append) clearTable();
    const fragment = document.createDocumentFragment();
    for (const item of listOf(page)) {
      if (state.shown.has(item.eventId)) continue;
      state.shown.add(item.eventId);
      fragment.append(renderItem(item));
      state.total += 1;
    }
    ui.table.append(fragment);
    state.cursor = page.nextCursor || null;
    showError(null);
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (!append) clearTable();
    showError(`查询失败 · Query failed: ${problemMessage(e)}`);
  } finally {
    if (state.listAbort === abort) {
      ui.loadMore.hidden = !state.cursor;
      ui.loadMore.disabled = false;
      ui.table.removeAttribute('aria-busy');
      updateCount();
    }
  }
}

async function exportCsv() {
  ui.exportCsv.disabled = true;
  try {
    const params = filterParams(currentFilters());
    const response = await fetch(`/indicators?${params}`, { headers: { Accept: 'text/csv' } });
    if (!response.ok) throw new ApiError(await response.json().catch(() => null), response.status);
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: `zhibiao-indicators-${new Date().toISOString().slice(0, 10)}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    showError(`导出失败 · Export failed: ${problemMessage(e)}`);
  } finally {
    ui.exportCsv.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Live updates

function setLive(stateName, text) {
  ui.live.dataset.state = stateName;
  ui.live.querySelector('.live-text').textContent = text;
}

function openStream() {
  state.stream?.close();
  const params = filterParams(currentFilters());
  params.delete('sort');
  const source = new EventSource(`/stream${[...params.keys()].length ? `?${params}` : ''}`);
  state.stream = source;
  setLive('connecting', '连接中 Connecting');
  source.onopen = () => setLive('open', '实时 Live');
  source.onerror = () => {
    // EventSource reconnects by itself while readyState is CONNECTING; CLOSED means it gave up.
    if (source.readyState === EventSource.CLOSED) setLive('closed', '已断开 Offline');
    else setLive('connecting', '重连中 Reconnecting');
  };
  const onEvent = (event) => {
    let item;
    try {
      item = JSON.parse(event.data);
    } catch (e) {
      console.warn('ignored a stream event that is not JSON', e);
      return;
    }
    if (!item?.eventId || state.shown.has(item.eventId)) return;
    state.shown.add(item.eventId);
    state.total += 1;
    state.liveCount += 1;
    const first = ui.table.querySelector('tbody.item');
    ui.table.insertBefore(renderItem(item, { fresh: true }), first);
    updateCount();
    if (state.series && item.indicator?.code === ui.code.value) scheduleSeries();
  };
  source.onmessage = onEvent; // /stream sends unnamed events, one indicator (JSON) each
}

// ---------------------------------------------------------------------------------------------
// Region picker

function regionOf(detail) {
  return { code: detail?.code, name: detail?.name, level: detail?.level, parents: detail?.parents || [] };
}

function setRegion(region, { reload = true } = {}) {
  state.region = region && region.code ? region : null;
  ui.regionInput.value = '';
  closeOptions();
  if (state.region) {
    ui.regionSelectedName.textContent = `${state.region.name || state.region.code} · ${state.region.code}`;
    ui.regionSelectedName.title = regionPath(state.region);
  }
  ui.regionSelected.hidden = !state.region;
  loadRegionContext();
  if (reload) applyFilters();
}

let suggestTimer = null;
let suggestAbort = null;
let activeOption = -1;

function closeOptions() {
  ui.regionOptions.hidden = true;
  ui.regionOptions.replaceChildren();
  ui.regionInput.setAttribute('aria-expanded', 'false');
  ui.regionInput.removeAttribute('aria-activedescendant');
  activeOption = -1;
}

function markActive(index) {
  const options = [...ui.regionOptions.querySelectorAll('li[role="option"]')];
  if (!options.length) return;
  activeOption = (index + options.length) % options.length;
  options.forEach((option, i) => option.setAttribute('aria-selected', String(i === activeOption)));
  ui.regionInput.setAttribute('aria-activedescendant', options[activeOption].id);
  options[activeOption].scrollIntoView({ block: 'nearest' });
}

async function suggestRegions() {
  const q = ui.regionInput.value.trim();
  suggestAbort?.abort();
  if (!q) {
    closeOptions();
    return;
  }
  suggestAbort = new AbortController();
  try {
    const params = new URLSearchParams({ q, limit: String(REGION_SUGGESTIONS) });
    const regions = listOf(await getJson('/regions', params, suggestAbort.signal));
    ui.regionOptions.replaceChildren();
    regions.slice(0, REGION_SUGGESTIONS).forEach((region, i) => {
      const path = regionPath({ parents: region.parents || [] });
      const count = countOf(region);
      const meta = [LEVEL_LABELS[region.level] || region.level, region.code, path,
        count !== undefined && count !== null ? `${count} 条` : null].filter(Boolean).join(' · ');
      const option = el('li', {
        id: `region-option-${i}`, role: 'option', 'aria-selected': 'false', dataset: { code: region.code },
        onmousedown: (event) => {
          event.preventDefault(); // keep the input focused until the choice is made
          setRegion(regionOf(region));
        },
      }, el('span', { class: 'opt-name', text: region.name }), el('span', { class: 'opt-meta', text: meta }));
      option.region = region;
      ui.regionOptions.append(option);
    });
    if (!regions.length) {
      ui.regionOptions.append(el('li', { class: 'opt-empty', text: '无匹配地区 No matching region' }));
    }
    ui.regionOptions.hidden = false;
    ui.regionInput.setAttribute('aria-expanded', 'true');
    if (regions.length) markActive(0);
  } catch (e) {
    if (e.name !== 'AbortError') showError(`地区搜索失败 · Region search failed: ${problemMessage(e)}`);
  }
}

function onRegionKey(event) {
  const open = !ui.regionOptions.hidden;
  if (event.key === 'ArrowDown' && open) {
    event.preventDefault();
    markActive(activeOption + 1);
  } else if (event.key === 'ArrowUp' && open) {
    event.preventDefault();
    markActive(activeOption - 1);
  } else if (event.key === 'Enter') {
    // Enter picks the highlighted region instead of submitting the form.
    event.preventDefault();
    const option = ui.regionOptions.querySelectorAll('li[role="option"]')[activeOption];
    if (open && option) setRegion(regionOf(option.region));
  } else if (event.key === 'Escape') {
    closeOptions();
  }
}

async function loadRegionContext() {
  ui.breadcrumb.replaceChildren();
  ui.children.replaceChildren();
  if (!state.region) {
    ui.regionContext.hidden = true;
    return;
  }
  ui.regionContext.hidden = false;
  const code = state.region.code;
  try {
    const detail = await getJson(`/regions/${encodeURIComponent(code)}`);
    if (state.region?.code !== code) return;
    const region = regionOf(detail);
    const parents = [...(region.parents || [])].reverse();
    for (const parent of parents) {
      ui.breadcrumb.append(
        el('button', { type: 'button', class: 'linkish', text: parent.name, onclick: () => setRegion(parent) }),
        el('span', { class: 'sep', 'aria-hidden': 'true', text: '›' }));
    }
    const total = countOf(detail);
    const own = detail.indicatorCount;
    const counts = total === null ? null
      : `共 ${total} 条指标${typeof own === 'number' && own !== total ? `（本级 ${own}）` : ''} · ${total} indicators`;
    ui.breadcrumb.append(el('span', { class: 'current', text: region.name || code }),
      counts ? el('span', { class: 'subtitle', text: ` · ${counts}` }) : null);
    const children = listOf(detail, 'children');
    // Regions with data first, then in gazetteer order, so the useful drill-downs come first.
    const childParents = [{ code: region.code, name: region.name, level: region.level }, ...(region.parents || [])];
    const sorted = [...children].sort((a, b) => (countOf(b) > 0) - (countOf(a) > 0));
    for (const child of sorted) {
      const count = countOf(child);
      ui.children.append(el('button', {
        type: 'button', class: count > 0 ? 'child has-data' : 'child', dataset: { code: child.code },
        title: child.code, onclick: () => setRegion({ ...child, parents: childParents }),
      }, child.name, count !== null ? el('span', { class: 'count', text: String(count) }) : null));
    }
  } catch (e) {
    showError(`地区信息载入失败 · Region details failed: ${problemMessage(e)}`);
  }
}

/** Indicators about the region or anything under it: what a drill-down would show. */
function countOf(region) {
  const count = region.totalIndicatorCount ?? region.indicatorCount;
  return typeof count === 'number' ? count : null;
}

// ---------------------------------------------------------------------------------------------
// Series chart

function scheduleSeries() {
  clearTimeout(state.seriesTimer);
  state.seriesTimer = setTimeout(loadSeries, 400);
}

// GET /series compares one kind of figure at a time; the chart asks for each and offers those with data.
const CHART_HINT = '选择一个指标和一个地区即可查看实际值与目标值的对比。 Pick an indicator and a region to chart actual values against targets.';
const SERIES_KINDS = ['GROWTH_RATE', 'LEVEL', 'CHANGE', 'RANK'];

/**
 * The points of one /series answer as rows of
 * { region, period, annualized, kind, unit, actual, target, attainment }; actual/target are
 * { value, comparator, sources } or null.
 */
function seriesRows(body, kind) {
  const side = (value) => (value ? {
    value: value.value,
    comparator: value.comparator,
    sources: value.source ? [value.source] : [],
  } : null);
  return listOf(body, 'points')
    .map((point) => ({
      region: point.region || {},
      period: { start: point.periodStart ?? point.year, end: point.periodEnd ?? point.year },
      annualized: Boolean(point.annualized),
      kind: body.kind || kind,
      unit: point.unit,
      actual: side(point.actual),
      target: side(point.target),
      attainment: point.attainment ?? null,
    }));
}

function measureKey(row) {
  return `${row.kind || ''}|${row.unit || ''}`;
}

async function loadSeries() {
  const code = ui.code.value;
  const region = state.region?.code;
  const ready = Boolean(code && region);
  ui.chartHint.textContent = CHART_HINT;
  ui.chartHint.hidden = ready;
  ui.chart.hidden = !ready;
  ui.measure.hidden = true;
  ui.seriesRegion.hidden = true;
  ui.attainment.hidden = true;
  ui.chartSubtitle.textContent = ready ? CODE_NAMES.get(code) : '';
  if (!ready) {
    state.series = null;
    return;
  }
  const includeDescendants = ui.includeDescendants.checked;
  const asked = `${code}@${region}/${includeDescendants}`;
  state.seriesAsked = asked;
  try {
    // with descendants, each division under the region has its own points; the chart shows one at a time
    const params = (kind) => new URLSearchParams({ code, region, kind, includeDescendants: String(includeDescendants) });
    const answers = await Promise.all(SERIES_KINDS.map((kind) =>
      getJson('/series', params(kind)).then((body) => seriesRows(body, kind))));
    if (state.seriesAsked !== asked) return; // the filters moved on while the answers came in
    if (state.seriesRegionOf !== region) ui.seriesRegion.replaceChildren(); // a new region opens on itself
    state.seriesRegionOf = region;
    state.series = answers.flat();
    fillSeriesRegions();
    fillMeasures();
    drawSeries();
  } catch (e) {
    state.series = null;
    showError(`序列载入失败 · Series failed: ${problemMessage(e)}`);
  }
}

/**
 * A series can mix measures (GDP in 亿元 and GDP growth in %); chart one at a time. The default is
 * the kind filtered on, else the measure with most target/actual pairs, then most points.
 */
function fillMeasures() {
  const stats = new Map();
  for (const row of seriesOfRegion()) {
    const key = measureKey(row);
    const stat = stats.get(key) || { points: 0, pairs: 0, order: SERIES_KINDS.indexOf(row.kind) };
    stat.points += 1;
    if (row.attainment) stat.pairs += 1;
    stats.set(key, stat);
  }
  const previous = ui.measure.value;
  const keys = [...stats.keys()].sort((a, b) => stats.get(b).pairs - stats.get(a).pairs
    || stats.get(b).points - stats.get(a).points || stats.get(a).order - stats.get(b).order);
  ui.measure.replaceChildren();
  for (const key of keys) {
    const [kind, unit] = key.split('|');
    const label = `${KIND_LABELS[kind] || kind} · ${axisScale([], unit).suffix || unit} (${stats.get(key).points})`;
    ui.measure.append(el('option', { value: key, text: label }));
  }
  const filtered = keys.find((key) => key.startsWith(`${ui.kind.value}|`));
  if (ui.kind.value && filtered) ui.measure.value = filtered;
  else if (keys.includes(previous)) ui.measure.value = previous;
  ui.measure.hidden = keys.length < 2;
  const empty = keys.length === 0;
  ui.chart.hidden = empty;
  ui.chartHint.hidden = !empty;
  if (empty) ui.chartHint.textContent = '该地区暂无此指标的序列。 No series for this indicator here.';
}

function seriesOfRegion() {
  return (state.series || []).filter((row) => (row.region.code || '') === ui.seriesRegion.value);
}

/**
 * The divisions that have points: the selected region first when it has any, then those with most
 * target/actual pairs. A prefecture with its counties thus opens on the prefecture, or on its
 * best-documented county.
 */
function fillSeriesRegions() {
  const stats = new Map();
  for (const row of state.series) {
    const code = row.region.code || '';
    const stat = stats.get(code) || { name: row.region.name || code || '未知 unknown', points: 0, pairs: 0 };
    stat.points += 1;
    if (row.attainment) stat.pairs += 1;
    stats.set(code, stat);
  }
  const selected = state.region?.code;
  const codes = [...stats.keys()].sort((a, b) => (b === selected) - (a === selected)
    || stats.get(b).pairs - stats.get(a).pairs || stats.get(b).points - stats.get(a).points || a.localeCompare(b));
  const previous = ui.seriesRegion.value;
  ui.seriesRegion.replaceChildren();
  for (const code of codes) {
    const stat = stats.get(code);
    ui.seriesRegion.append(el('option', { value: code, text: `${stat.name} (${stat.points})` }));
  }
  if (codes.includes(previous)) ui.seriesRegion.value = previous;
  ui.seriesRegion.hidden = codes.length < 2;
}

/** The attainment of GET /series ({ rule, met, ratio, difference }) as a short label, or null. */
function attainmentText(row) {
  const a = row.attainment;
  if (!a) return null;
  const parts = [a.met ? '达成 met' : '未达成 missed',
    typeof a.ratio === 'number' ? `${numberFormat.format(a.ratio * 100)}%` : null,
    typeof a.difference === 'number' ? `差值 ${a.difference > 0 ? '+' : ''}${numberFormat.format(a.difference)}` : null];
  return { met: Boolean(a.met), text: parts.filter(Boolean).join(' · ') };
}

function drawSeries() {
  if (!seriesOfRegion().length) return;
  ui.chartSubtitle.textContent = `${CODE_NAMES.get(ui.code.value)} · ${ui.seriesRegion.selectedOptions[0]?.text.replace(/ \(\d+\)$/, '') || ''}`;
  if (typeof echarts === 'undefined') {
    showError('图表库未加载 · ECharts did not load');
    return;
  }
  const key = ui.measure.value;
  const rows = seriesOfRegion().filter((row) => measureKey(row) === key)
    .sort((a, b) => (a.period.end ?? a.period.start ?? 0) - (b.period.end ?? b.period.start ?? 0)
      || (a.period.start ?? 0) - (b.period.start ?? 0));
  const unit = key.split('|')[1];
  const scale = axisScale(rows.flatMap((r) => [r.actual?.value ?? null, r.target?.value ?? null]), unit);
  const scaledValue = (side) => (side && side.value !== null ? side.value / scale.divisor : null);
  const labels = rows.map((r) => formatPeriod(r.period, r.annualized));
  const attainments = rows.map(attainmentText);

  state.chart ??= echarts.init(ui.chart, null, { renderer: 'canvas' });
  state.chart.setOption({
    animationDuration: 300,
    color: ['#1d6fb8', '#d98a1c'],
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    legend: { top: 8, data: ['实际 Actual', '目标 Target'] },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText', // canvas text, so document-derived strings are never parsed as HTML
      formatter: (params) => {
        const row = rows[params[0].dataIndex];
        const lines = [labels[params[0].dataIndex]];
        for (const [name, side] of [['实际', row.actual], ['目标', row.target]]) {
          if (!side) continue;
          const sign = side.comparator && side.comparator !== 'EQ' ? COMPARATOR_SIGNS[side.comparator] : '';
          lines.push(`${name}: ${sign}${formatValue(side.value, unit)}`);
          for (const source of (side.sources || []).slice(0, 3)) {
            const title = typeof source === 'string' ? source : source.title || source.documentId || '';
            if (title) lines.push(`  · ${title}`);
          }
        }
        const a = attainments[params[0].dataIndex];
        if (a) lines.push(a.text);
        return lines.join('\n');
      },
    },
    xAxis: { type: 'category', data: labels },
    // bars start at zero so heights compare honestly; ranks read best (1) at the top
    yAxis: { type: 'value', name: scale.suffix, inverse: unit === 'RANK', minInterval: unit === 'RANK' ? 1 : 0 },
    series: [
      {
        name: '实际 Actual', type: 'bar', barMaxWidth: 36, data: rows.map((r) => scaledValue(r.actual)),
        label: {
          show: true, position: 'top', fontSize: 11,
          formatter: (p) => attainments[p.dataIndex]?.text || '',
        },
      },
      {
        name: '目标 Target', type: 'line', symbol: 'diamond', symbolSize: 10, connectNulls: true,
        lineStyle: { type: 'dashed', width: 2 }, data: rows.map((r) => scaledValue(r.target)),
      },
    ],
  }, true);

  ui.attainment.replaceChildren();
  rows.forEach((row, i) => {
    const a = attainments[i];
    if (!a) return;
    const target = row.target ? formatValue(row.target.value, unit) : '—';
    const actual = row.actual ? formatValue(row.actual.value, unit) : '—';
    ui.attainment.append(el('li', { class: a.met ? 'met' : 'missed' },
      `${labels[i]}: 目标 ${target} · 实际 ${actual} · ${a.text}`));
  });
  ui.attainment.hidden = !ui.attainment.children.length;
  state.chart.resize();
}

// ---------------------------------------------------------------------------------------------
// Wiring

function applyFilters() {
  const filters = currentFilters();
  saveToLocation(filters);
  loadIndicators();
  openStream();
  loadSeries();
}

function resetFilters() {
  ui.form.reset();
  ui.includeDescendants.checked = true;
  setRegion(null);
}

function init() {
  for (const [code, name] of CODES) ui.code.append(el('option', { value: code, text: `${name} ${code}` }));

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    applyFilters();
  });
  for (const select of [ui.code, ui.status, ui.kind, ui.sort, ui.includeDescendants]) {
    select.addEventListener('change', applyFilters);
  }
  ui.regionInput.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggestRegions, 200);
  });
  ui.regionInput.addEventListener('keydown', onRegionKey);
  ui.regionInput.addEventListener('blur', () => setTimeout(closeOptions, 150));
  ui.regionClear.addEventListener('click', () => setRegion(null));
  ui.reset.addEventListener('click', resetFilters);
  ui.exportCsv.addEventListener('click', exportCsv);
  ui.loadMore.addEventListener('click', () => loadIndicators({ append: true }));
  ui.measure.addEventListener('change', drawSeries);
  ui.seriesRegion.addEventListener('change', () => {
    fillMeasures();
    drawSeries();
  });
  window.addEventListener('resize', () => state.chart?.resize());

  restoreFromLocation().finally(applyFilters);
}

init();
