/** The shareable HTML report of a run: one self-contained page. Pure: runs in Node and in browsers. */
export type { Axis, LineChartOptions, Marker, Series, SeriesStyle } from './chart.js';
export { lineChart, niceTicks, OKABE_ITO, seriesStyle, timeTicks } from './chart.js';
export type { Attrs, Child, Html } from './html.js';
export { esc, fragment, h, raw, render } from './html.js';
export { renderReportMarkdown } from './markdown.js';
export type { ReportOptions } from './report.js';
export { createReport, renderReport } from './report.js';
export type { Reading, SceneCharts } from './scene-charts.js';
export { readWorld, sampleRun, sampleStep, sceneCharts } from './scene-charts.js';
