/**
 * What the data table helper needs once there is data to read: the analysis with its CSV parser
 * (papaparse), the chart and the table formats. The island loads this chunk on first use, so a
 * visit to the chapter that never pastes anything does not download it.
 */
export { analyzeData, chartName } from '../../lib/data-table/data-table';
export { escapeHtml, formatPipeTable, threeLineTableHtml } from '../../lib/data-table/plain-table';
export { buildChart, chartNote, svgToString } from '../../lib/data-table/svg-chart';
