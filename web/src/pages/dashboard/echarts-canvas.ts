// The canvas renderer, needed only for PNG export: loaded when someone asks for a PNG.
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { init } from './echarts.js';

echarts.use([CanvasRenderer]);

export { init };
