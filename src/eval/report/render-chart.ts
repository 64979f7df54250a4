/**
 * Renders a Vega-Lite spec to an SVG string without a browser: vega-lite compiles to Vega, Vega's
 * headless `View` (renderer 'none') draws to SVG. Text widths are estimated (no canvas), which only
 * affects label truncation, not the data.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
