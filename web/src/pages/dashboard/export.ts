import type { ChartOption } from './chart-option.js';

/** Exported charts have a fixed size, whatever the window's width. */
export const EXPORT_WIDTH = 1200;
export const EXPORT_HEIGHT = 520;

/** The chart as a standalone SVG document, drawn by ECharts' SVG renderer in SSR mode (no DOM). */
export async function chartSvg(option: ChartOption): Promise<Blob> {
  const { init } = await import('./echarts.js');
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: EXPORT_WIDTH, height: EXPORT_HEIGHT });
  try {
    chart.setOption({ ...option, animation: false });
    return new Blob([chart.renderToSVGString()], { type: 'image/svg+xml' });
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG at twice its size, drawn by the canvas renderer on a detached element. */
export async function chartPng(option: ChartOption): Promise<Blob> {
  const { init } = await import('./echarts-canvas.js');
  const host = document.createElement('div');
  const chart = init(host, null, { renderer: 'canvas', width: EXPORT_WIDTH, height: EXPORT_HEIGHT });
  try {
    chart.setOption({ ...option, animation: false });
    const canvas = chart.renderToCanvas({ pixelRatio: 2, backgroundColor: '#ffffff' });
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('the browser could not encode the PNG')) : resolve(blob)), 'image/png');
    });
  } finally {
    chart.dispose();
  }
}
